package dev.assay.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CbpeEdgeCasesTest {
    private static final double[] SCORES = IntStream.range(0, 400).mapToDouble(i -> (i % 100) / 100.0).toArray();
    private static final boolean[] TRUTH = truth();

    private static boolean[] truth() {
        boolean[] t = new boolean[400];
        for (int i = 0; i < t.length; i++) {
            t[i] = (i * 7919) % 100 < (i % 100);
        }
        return t;
    }

    private static boolean[] predicted(double[] s) {
        boolean[] p = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = s[i] >= 0.5;
        }
        return p;
    }

    @Test
    void anEmptyWindowHasNoEstimateAndNoError() {
        Cbpe cbpe = Cbpe.fit(SCORES, predicted(SCORES), TRUTH, 100);
        for (CbpeEstimate e : cbpe.estimate(new WindowAggregate("v1", Instant.EPOCH))) {
            assertThat(e.estimated()).as(e.metric()).isNaN();
            assertThat(e.samplingError()).isNaN();
            assertThat(e.realised()).isNaN();
            assertThat(e.alert()).isFalse();
        }
    }

    @Test
    void aWindowOfOneRowHasWideErrorsAndNoRealisedValue() {
        Cbpe cbpe = Cbpe.fit(SCORES, predicted(SCORES), TRUTH, 100);
        WindowAggregate w = new WindowAggregate("v1", Instant.EPOCH);
        w.add(Frame.of(NumericColumn.of("x", 1)), new boolean[] {true}, new double[] {0.9});
        CbpeEstimate accuracy = cbpe.estimate(w).get(0);
        assertThat(accuracy.estimated()).isBetween(0.0, 1.0);
        assertThat(accuracy.samplingError()).isEqualTo(cbpe.chunkError("accuracy") * 10);
        assertThat(accuracy.realised()).isNaN();
        assertThat(accuracy.labelCoverage()).isZero();
    }

    @Test
    void aReferenceThatCannotCalibrateIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Cbpe.fit(SCORES, predicted(SCORES), new boolean[400], 100)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Every reference label is negative");
        assertThatThrownBy(() -> Cbpe.fit(SCORES, predicted(SCORES), TRUTH, 300)).hasMessageContaining("fewer than two chunks of 300");
        double[] bad = SCORES.clone();
        bad[41] = Double.NaN;
        assertThatThrownBy(() -> Cbpe.fit(bad, predicted(SCORES), TRUTH, 100)).hasMessageContaining("row 42");
        assertThatThrownBy(() -> Cbpe.fit(SCORES, new boolean[3], TRUTH, 100)).hasMessageContaining("one of each per row");
        assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[0], new boolean[0])).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theCalibratorIsMonotoneAndClipped() {
        IsotonicCalibrator c = IsotonicCalibrator.fit(new double[] {0.1, 0.2, 0.3, 0.4}, new boolean[] {false, true, false, true});
        assertThat(c.apply(0.0)).isEqualTo(0.0);
        assertThat(c.apply(0.2)).isEqualTo(0.5);
        assertThat(c.apply(0.3)).isEqualTo(0.5);
        assertThat(c.apply(0.35)).isCloseTo(0.75, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(c.apply(0.9)).isEqualTo(1.0);
    }
}
