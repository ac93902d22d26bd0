package dev.assay.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows added in parts, written out and read back, then merged, give the calibration of all of
 * them: on the real-data fixtures of {@link GoldenCalibrationTest}, bin counts exactly and every
 * value to 1e-12.
 */
class CalibrationAccumulatorTest {

    @Test
    void partsMergedEqualTheWhole() throws IOException {
        List<GoldenCalibrationTest.Variant> uniform = GoldenCalibrationTest.variants()
                .filter(v -> v.expected().get("strategy").asText().equals("uniform")).toList();
        assertThat(uniform).isNotEmpty();
        for (GoldenCalibrationTest.Variant v : uniform) {
            int bins = v.expected().get("n_bins").asInt();
            Calibration whole = Calibration.of(v.truth(), v.score(), bins, CalibrationBinning.UNIFORM);
            CalibrationAccumulator[] parts = new CalibrationAccumulator[3];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = new CalibrationAccumulator(CalibrationBinning.UNIFORM.fixedEdges(bins));
            }
            for (int i = 0; i < v.truth().length; i++) {
                parts[(i * 7) % 3].add(v.truth()[i], v.score()[i]);
            }
            CalibrationAccumulator merged = CalibrationAccumulator.fromState(parts[2].state());
            merged.merge(CalibrationAccumulator.fromState(parts[0].state()));
            merged.merge(parts[1]);
            Calibration c = Calibration.of(merged, bins, CalibrationBinning.UNIFORM, "score");
            assertThat(c.rows()).isEqualTo(whole.rows());
            assertThat(c.bins()).hasSameSizeAs(whole.bins());
            for (int b = 0; b < c.bins().size(); b++) {
                assertThat(c.bins().get(b).count()).isEqualTo(whole.bins().get(b).count());
                assertThat(c.bins().get(b).meanPredicted()).isCloseTo(whole.bins().get(b).meanPredicted(), within(1e-12));
            }
            assertThat(c.ece()).as(v.toString()).isCloseTo(whole.ece(), within(1e-12));
            assertThat(c.mce()).isCloseTo(whole.mce(), within(1e-12));
            BrierDecomposition a = c.brier();
            BrierDecomposition e = whole.brier();
            assertThat(a.score()).isCloseTo(e.score(), within(1e-12));
            assertThat(a.reliability()).isCloseTo(e.reliability(), within(1e-12));
            assertThat(a.resolution()).isCloseTo(e.resolution(), within(1e-12));
            assertThat(a.withinBinVariance()).isCloseTo(e.withinBinVariance(), within(1e-12));
            assertThat(a.withinBinCovariance()).isCloseTo(e.withinBinCovariance(), within(1e-12));
        }
    }

    @Test
    void aScoreOutsideTheUnitIntervalIsRefusedWithTheColumnAndTheFix() {
        CalibrationAccumulator a = new CalibrationAccumulator(CalibrationBinning.UNIFORM.fixedEdges(10));
        a.add(true, 0.4);
        a.add(false, 1.5);
        a.add(false, Double.NaN);
        assertThatThrownBy(() -> Calibration.of(a, 10, CalibrationBinning.UNIFORM, "p")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Column 'p' holds 2 score(s) that are missing or outside [0, 1] (the first: 1.5)")
                .hasMessageContaining("Give the probability");
        assertThatThrownBy(() -> CalibrationBinning.QUANTILE.fixedEdges(10)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noRowsGiveUndefinedValues() {
        Calibration c = Calibration.of(new CalibrationAccumulator(CalibrationBinning.UNIFORM.fixedEdges(4)), 4,
                CalibrationBinning.UNIFORM, "p");
        assertThat(c.rows()).isZero();
        assertThat(c.ece()).isNaN();
    }
}
