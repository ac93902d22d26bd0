package dev.assay.core.synth.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticQualityTest {
    private static final Frame REAL = Frame.of("real.csv", List.of(NumericColumn.of("x", 1, 2, 3, 4, Double.NaN),
            CategoricalColumn.of("c", "a", "b", "a", "b", "a")));

    @Test
    void aCopyScoresPerfectShapesAndNoNewRowsAndZeroDistance() {
        QualityReport q = SyntheticQuality.withSeed(1).compare(REAL, REAL, null);
        assertThat(q.ksComplement().get("x")).isEqualTo(1.0);
        assertThat(q.tvComplement().get("c")).isEqualTo(1.0);
        assertThat(q.contingencySimilarity().get("x,c")).isEqualTo(1.0);
        assertThat(q.newRowSynthesis().score()).isEqualTo(0.0);
        assertThat(q.dcr().medianSynthetic()).isEqualTo(0.0);
        assertThat(q.dcr().baselineProtection()).isEqualTo(0.0);
        assertThat(q.dcr().overfittingProtection()).isNaN();
    }

    @Test
    void numericMatchesUseSdmetricsRelativeTolerance() {
        Frame near = Frame.of("s.csv", List.of(NumericColumn.of("x", 1.005, 2.03), CategoricalColumn.of("c", "a", "b")));
        NewRowSynthesis n = SyntheticQuality.withSeed(1).compare(REAL, near, null).newRowSynthesis();
        assertThat(n.matchedRows()).isEqualTo(1);
        assertThat(n.score()).isEqualTo(0.5);
    }

    @Test
    void correlationSimilarityIsOneMinusHalfTheGap() {
        Frame real = Frame.of(NumericColumn.of("a", 1, 2, 3, 4), NumericColumn.of("b", 1, 2, 3, 4));
        Frame synth = Frame.of(NumericColumn.of("a", 1, 2, 3, 4), NumericColumn.of("b", 4, 3, 2, 1));
        assertThat(SyntheticQuality.withSeed(1).compare(real, synth, null).correlationSimilarity().get("a,b"))
                .isCloseTo(0.0, within(1e-12));
    }

    @Test
    void mismatchedTablesNameTheColumnAndTheFix() {
        Frame missing = Frame.of("s.csv", List.of(NumericColumn.of("x", 1)));
        assertThatThrownBy(() -> SyntheticQuality.withSeed(1).compare(REAL, missing, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("s.csv has no column 'c'");
        Frame typed = Frame.of("s.csv", List.of(NumericColumn.of("x", 1), NumericColumn.of("c", 1)));
        assertThatThrownBy(() -> SyntheticQuality.withSeed(1).compare(REAL, typed, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'c' is numeric in s.csv but categorical");
        Frame empty = Frame.of("e.csv", List.of(NumericColumn.wrap("x", new double[0]), CategoricalColumn.of("c")));
        assertThatThrownBy(() -> SyntheticQuality.withSeed(1).compare(REAL, empty, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("e.csv has no rows");
        assertThatThrownBy(() -> new SyntheticQuality(0.01, 0, 1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void allMissingColumnsScoreNaNNotAnError() {
        Frame real = Frame.of(NumericColumn.of("x", Double.NaN, Double.NaN), CategoricalColumn.of("c", "a", "b"));
        QualityReport q = SyntheticQuality.withSeed(1).compare(real, real, null);
        assertThat(q.ksComplement().get("x")).isNaN();
        assertThat(q.columnShapes()).isEqualTo(1.0);
    }
}
