package dev.assay.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void numbersWithBlanksAroundThemAreNumbers() {
        assertThat(NumberText.parse(" 0.5 ")).isEqualTo(0.5);
        assertThat(NumberText.parse("\t-2")).isEqualTo(-2.0);
        assertThat(NumberText.parse(".5")).isEqualTo(0.5);
        assertThat(NumberText.parse("5.")).isEqualTo(5.0);
        assertThat(NumberText.parse("+1E+3")).isEqualTo(1000.0);
        assertThat(NumberText.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NumberText.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(NumberText.parse("NaN")).isNaN();
    }

    @Test
    void otherSpellingsAreNotNumbers() {
        for (String s : new String[] {"0x1p-1", "1_000", "1,5", "1d", "1f", "", " ", "1e", "e5", "++1", "1 000", "-nan", "0.5\n"}) {
            assertThat(NumberText.isNumber(s)).as(s).isFalse();
        }
        assertThatThrownBy(() -> NumberText.parse("0x1p-1")).isInstanceOf(NumberFormatException.class);
    }
}
