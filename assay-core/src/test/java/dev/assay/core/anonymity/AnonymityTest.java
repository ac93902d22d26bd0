package dev.assay.core.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnonymityTest {

    @Test
    void liSalaryExampleClassDistances() {
        // Li et al. 2007, Section 4: Q uniform over 3k..11k; P1 = {3k, 4k, 5k}, P2 = {6k, 8k, 11k}
        double[] q = new double[9];
        java.util.Arrays.fill(q, 1.0 / 9);
        double[] p1 = {1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0, 0, 0, 0, 0};
        double[] p2 = {0, 0, 0, 1.0 / 3, 0, 1.0 / 3, 0, 0, 1.0 / 3};
        assertThat(TCloseness.orderedDistance(p1, q)).isCloseTo(0.375, within(1e-12));
        assertThat(TCloseness.orderedDistance(p2, q)).isCloseTo(0.1667, within(1e-4));
        assertThat(TCloseness.equalDistance(p1, q)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void recursiveDiversityFollowsTheDefinition() {
        // counts 5, 3, 2: l = 2 holds when 5 < c (3 + 2); l = 3 when 5 < c * 2
        assertThat(LDiversity.recursiveL(new int[] {2, 5, 3}, 1.5)).isEqualTo(2);
        assertThat(LDiversity.recursiveL(new int[] {2, 5, 3}, 3)).isEqualTo(3);
        assertThat(LDiversity.recursiveL(new int[] {4}, 1)).isZero();
    }

    @Test
    void breakingCombinationsAreMinimal() {
        // a and b each keep k = 2, together they single rows out; c alone breaks; supersets of c are not reported
        Frame f = Frame.of(TextColumn.of("a", "x", "x", "y", "y"), TextColumn.of("b", "1", "2", "1", "2"),
                TextColumn.of("c", "p", "q", "q", "q"));
        AnonymityReport r = AnonymityAnalysis.analyse(f, new AnonymitySettings(List.of("a", "b", "c"), null, 2, 2, 0));
        assertThat(r.breakingCombinations()).containsExactly(List.of("c"), List.of("a", "b"));
        assertThat(r.kAnonymity().k()).isEqualTo(1);
        assertThat(r.kAnonymity().shareBelow()).isEqualTo(1.0);
    }

    @Test
    void badInputIsNamed() {
        Frame f = Frame.of("people.csv", List.of(NumericColumn.of("income", 1, 2, 3, 4), TextColumn.of("sex", "f", "m", "f", "m")));
        assertThatThrownBy(() -> AnonymityAnalysis.analyse(f, new AnonymitySettings(List.of("income"), null, 2, 2, 3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("people.csv").hasMessageContaining("'income' is numeric with 4")
                .hasMessageContaining("Bin it");
        assertThatThrownBy(() -> AnonymityAnalysis.analyse(f, AnonymitySettings.of(List.of("sexx"), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sexx");
        assertThatThrownBy(() -> AnonymitySettings.of(List.of("sex"), "sex")).hasMessageContaining("also a quasi-identifier");
        assertThatThrownBy(() -> AnonymitySettings.of(List.of(), null)).hasMessageContaining("No quasi-identifier");
        Frame empty = Frame.of("empty.csv", List.of(TextColumn.of("sex")));
        assertThatThrownBy(() -> AnonymityAnalysis.analyse(empty, AnonymitySettings.of(List.of("sex"), null)))
                .hasMessageContaining("empty.csv has no rows");
    }

    @Test
    void missingValuesFormAClassOfTheirOwn() {
        Frame f = Frame.of(TextColumn.of("zip", "1", null, null, "1"), TextColumn.of("d", "a", "b", "a", "a"));
        AnonymityReport r = AnonymityAnalysis.analyse(f, new AnonymitySettings(List.of("zip"), "d", 2, 2, 0));
        assertThat(r.kAnonymity().classes()).isEqualTo(2);
        assertThat(r.lDiversity().distinct()).isEqualTo(1);
    }
}
