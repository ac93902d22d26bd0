package dev.assay.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChoicesTest {

    @Test
    void readsAConstantIgnoringCaseAndShortensAnUnknownValue() {
        assertThat(Choices.parse(TimeUnit.class, "Seconds", "--unit")).isEqualTo(TimeUnit.SECONDS);
        assertThatThrownBy(() -> Choices.parse(TimeUnit.class, "x".repeat(100), "--unit"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown value '" + "x".repeat(60) + "... (40 more characters)' for --unit. Use one of [nanoseconds,"
                        + " microseconds, milliseconds, seconds, minutes, hours, days].");
    }
}
