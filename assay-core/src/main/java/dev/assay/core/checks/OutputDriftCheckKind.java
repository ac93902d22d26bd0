package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.ColumnRole;
import dev.assay.core.drift.DriftMethod;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code type: label_drift} and {@code type: prediction_drift} (see {@link OutputDriftCheck}); one
 * instance per id, both registered. Keys: {@code method} (auto or a drift method; classes always use
 * chi-square unless a histogram method is named) and {@code threshold}.
 */
public class OutputDriftCheckKind implements CheckKind {
    static final String LABEL = "label_drift";
    static final String PREDICTION = "prediction_drift";
    private static final String METHODS = "auto, " + Arrays.stream(DriftMethod.values()).map(DriftMethod::id)
            .collect(Collectors.joining(", "));

    private final boolean label;

    /** {@code prediction_drift}. */
    public OutputDriftCheckKind() {
        this(false);
    }

    OutputDriftCheckKind(boolean label) {
        this.label = label;
    }

    /** {@code label_drift}, registered as its own service. */
    public static final class Label extends OutputDriftCheckKind {
        public Label() {
            super(true);
        }
    }

    @Override
    public String id() {
        return label ? LABEL : PREDICTION;
    }

    @Override
    public String description() {
        return label ? "Label drift: the label's distribution in the current vs the reference data (chi-square on classes;"
                + " Kolmogorov-Smirnov or Wasserstein for a regression target)."
                : "Prediction drift: the distributions of predicted classes, scores and class probabilities in the current vs"
                        + " the reference data, each column judged on its own.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("method", METHODS + " (default auto: chi-square for classes; Kolmogorov-Smirnov up to"
                + " 1000 reference rows, then normalised Wasserstein, for numbers)"),
                new ConfigKey("threshold", "significance level of a test or drift distance (default per method: 0.05 for"
                        + " tests, 0.1 for distances)"));
    }

    @Override
    public String measures() {
        return String.join(", ", label ? OutputDriftCheck.LABEL_MEASURES : OutputDriftCheck.PREDICTION_MEASURES);
    }

    @Override
    public Requirements requires() {
        return label ? Requirements.NONE.withReference().withRoles(ColumnRole.LABEL)
                : Requirements.NONE.withReference().withPredictions();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return label ? "Label drift" : "Prediction drift";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        String id = config.string("method", "auto");
        DriftMethod method = id.equalsIgnoreCase("auto") ? null : DriftMethod.byId(id);
        if (method == null && !id.equalsIgnoreCase("auto")) {
            throw config.error("method", "unknown drift method '" + id + "'; use one of " + METHODS + ".");
        }
        Double threshold = null;
        if (config.has("threshold")) {
            threshold = config.number("threshold", 0);
            if (!(threshold > 0)) {
                throw config.error("threshold", "a drift threshold must be a positive number, found " + threshold + ".");
            }
        }
        return new OutputDriftCheck(setup, label, method, threshold);
    }
}
