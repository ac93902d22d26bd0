package dev.assay.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The edge cases of {@link Calibration}; the values on real data are in {@link GoldenCalibrationTest}. */
class CalibrationTest {

    @Test
    void noRowsGiveNoBinsAndUndefinedValues() {
        Calibration c = Calibration.of(new boolean[0], new double[0], 10, CalibrationBinning.QUANTILE);
        assertThat(c.bins()).isEmpty();
        assertThat(c.ece()).isNaN();
        assertThat(c.mce()).isNaN();
        assertThat(c.brier().score()).isNaN();
    }

    @Test
    void oneClassIsDefinedWithoutUncertaintyOrResolution() {
        Calibration c = Calibration.of(new boolean[] {false, false, false}, new double[] {0.0, 0.25, 1.0}, 2,
                CalibrationBinning.UNIFORM);
        assertThat(c.bins()).containsExactly(new CalibrationBin(0, 0.5, 2, 0.125, 0), new CalibrationBin(0.5, 1, 1, 1, 0));
        assertThat(c.ece()).isEqualTo(2 / 3.0 * 0.125 + 1 / 3.0);
        assertThat(c.mce()).isEqualTo(1);
        assertThat(c.brier().uncertainty()).isZero();
        assertThat(c.brier().resolution()).isZero();
    }

    @Test
    void scoresOnAnInnerEdgeBelongToTheLowerBinAndEmptyBinsAreDropped() {
        Calibration c = Calibration.of(new boolean[] {false, true, true}, new double[] {0.5, 0.5, 0.9}, 4,
                CalibrationBinning.UNIFORM);
        assertThat(c.bins()).containsExactly(new CalibrationBin(0.25, 0.5, 2, 0.5, 0.5), new CalibrationBin(0.75, 1, 1, 0.9, 1));
        Calibration q = Calibration.of(new boolean[] {false, true, true, true}, new double[] {0.2, 0.2, 0.2, 0.7}, 4,
                CalibrationBinning.QUANTILE);
        assertThat(q.bins()).hasSize(2);
        assertThat(q.requestedBins()).isEqualTo(4);
    }

    @Test
    void badInputIsRefusedWithTheRowAndTheFix() {
        assertThatThrownBy(() -> Calibration.of(new boolean[] {true, false}, new double[] {0.5, Double.NaN}, 10,
                CalibrationBinning.UNIFORM)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Column 'score' holds NaN in row 2, a missing score: calibration compares probabilities");
        assertThatThrownBy(() -> Calibration.of(new boolean[] {true}, new double[] {-0.1}, 10, CalibrationBinning.UNIFORM))
                .hasMessageStartingWith("Column 'score' holds -0.1 in row 1, outside [0, 1]");
        assertThatThrownBy(() -> Calibration.of(new boolean[] {true}, new double[] {0.1}, 1001, CalibrationBinning.UNIFORM))
                .hasMessage("the number of bins must be a whole number from 1 to 1000, found 1001.");
    }
}
