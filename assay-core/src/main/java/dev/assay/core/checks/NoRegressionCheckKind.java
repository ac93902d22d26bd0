package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.Task;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.List;

/**
 * {@code type: no_regression}: the suite's predictions (its model, or its prediction columns) are the
 * candidate; the baseline is {@code baseline: COLUMN} (stored scores of the positive class in the data)
 * or {@code baseline_model: PATH} (an ONNX or Tribuo file or an HTTP URL, loaded as the suite's
 * {@code model:}). Keys {@code metrics} (binary metric ids, default {@code [accuracy, roc_auc]}),
 * {@code alpha} (default 0.05), {@code margin} (default 0) and {@code resamples} (default 1000). See
 * {@link NoRegressionCheck} for what it measures.
 */
public final class NoRegressionCheckKind implements CheckKind {
    static final double DEFAULT_ALPHA = 0.05;
    static final List<String> DEFAULT_METRICS = List.of("accuracy", "roc_auc");

    @Override
    public String id() {
        return NoRegressionCheck.KIND;
    }

    @Override
    public String description() {
        return "Champion vs challenger: the suite's predictions (the candidate) against a baseline model's, with paired bootstrap"
                + " intervals of each metric's difference and McNemar's and DeLong's tests; counts significant regressions.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("baseline", "column of the data with the baseline model's score of the positive class"),
                new ConfigKey("baseline_model", "the baseline model instead: an .onnx or .tribuo.gz file (relative to the suite"
                        + " file) or an http(s) URL"),
                new ConfigKey("metrics", "binary metric ids to compare (default: accuracy, roc_auc)"),
                new ConfigKey("alpha", "significance level; intervals have confidence 1 - alpha (default 0.05)"),
                new ConfigKey("margin", "non-inferiority margin: a metric regresses when its whole interval is worse than"
                        + " -margin (default 0)"),
                new ConfigKey("resamples", "paired bootstrap resamples, at least 100 (default 1000)"));
    }

    @Override
    public String measures() {
        return "difference[<metric>] (candidate - baseline, with its interval), baseline[<metric>], candidate[<metric>],"
                + " p_value[accuracy] (McNemar), p_value[roc_auc] (DeLong), regressions, negative_flips, positive_flips";
    }

    @Override
    public Requirements requires() {
        return Requirements.LABELLED_PREDICTIONS;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "No regression against the baseline";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        if (config.has("baseline") == config.has("baseline_model")) {
            throw config.error(config.has("baseline") ? "baseline_model" : "baseline", "give the baseline either as a column of"
                    + " stored scores (baseline: COLUMN) or as a model (baseline_model: PATH), exactly one of them.");
        }
        List<String> metrics = config.has("metrics") ? config.strings("metrics") : DEFAULT_METRICS;
        if (metrics.isEmpty()) {
            throw config.error("metrics", "name at least one metric, e.g. [accuracy, roc_auc].");
        }
        for (String m : metrics) {
            if (MetricCatalog.find(Task.BINARY, m).isEmpty()) {
                throw config.error("metrics", "unknown binary metric '" + m + "'. Known: "
                        + String.join(", ", MetricCatalog.ids(Task.BINARY)) + ".");
            }
        }
        double alpha = config.number("alpha", DEFAULT_ALPHA);
        if (!(alpha > 0 && alpha < 0.5)) {
            throw config.error("alpha", "alpha is a significance level between 0 and 0.5, e.g. 0.05; found " + alpha + ".");
        }
        double margin = config.number("margin", 0);
        if (!(margin >= 0)) {
            throw config.error("margin", "the margin is a non-negative difference of the metric, e.g. 0.02; found " + margin + ".");
        }
        IntervalSettings ci;
        try {
            ci = IntervalSettings.of(IntervalMethod.PERCENTILE, (int) Math.min(Integer.MAX_VALUE,
                    config.integer("resamples", IntervalSettings.DEFAULT_RESAMPLES)), "resamples", 1 - alpha, "alpha");
        } catch (InvalidInputException e) {
            throw config.error("resamples", e.getMessage());
        }
        NoRegressionCheck.Baseline baseline = config.has("baseline")
                ? new NoRegressionCheck.Baseline(config.string("baseline", null), null)
                : new NoRegressionCheck.Baseline(null, config.location("baseline_model", null));
        return new NoRegressionCheck(setup, baseline, List.copyOf(metrics), margin, ci);
    }
}
