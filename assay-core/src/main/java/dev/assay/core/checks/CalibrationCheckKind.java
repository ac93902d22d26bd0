package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.metrics.Calibration;
import dev.assay.core.metrics.CalibrationBinning;
import java.util.List;

/**
 * {@code type: calibration}: how well binary scores match observed positive rates, with {@code
 * bins: 10} (1 to {@value Calibration#MAX_BINS}) and {@code strategy: uniform|quantile} (default
 * uniform). Measures {@code ece}, {@code mce}, {@code brier_score} and the Brier decomposition
 * {@code brier_reliability}, {@code brier_resolution}, {@code brier_uncertainty}.
 */
public final class CalibrationCheckKind implements CheckKind {
    static final int DEFAULT_BINS = 10;

    @Override
    public String id() {
        return CalibrationCheck.KIND;
    }

    @Override
    public String description() {
        return "Calibration of binary scores: reliability diagram, expected and maximum calibration error, Brier decomposition.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("bins", "the number of bins, 1 to " + Calibration.MAX_BINS + " (default " + DEFAULT_BINS + ")"),
                new ConfigKey("strategy", "uniform (equal-width bins over [0, 1], the default) or quantile (bins of about equal"
                        + " row counts), as scikit-learn's calibration_curve"));
    }

    @Override
    public String measures() {
        return String.join(", ", CalibrationCheck.MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.LABELLED_PREDICTIONS;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Calibration";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        long bins = config.integer("bins", DEFAULT_BINS);
        if (bins < 1 || bins > Calibration.MAX_BINS) {
            throw config.error("bins", "the number of bins must be from 1 to " + Calibration.MAX_BINS + ", found " + bins + ".");
        }
        CalibrationBinning strategy = config.choice("strategy", CalibrationBinning.class, CalibrationBinning.UNIFORM);
        return new CalibrationCheck(setup, (int) bins, strategy);
    }
}
