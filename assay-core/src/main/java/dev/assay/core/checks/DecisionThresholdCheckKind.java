package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.thresholds.Constraint;
import dev.assay.core.thresholds.CostMatrix;
import dev.assay.core.thresholds.ThresholdMetric;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code type: decision_threshold}: the operating point of binary scores chosen by {@code optimize:}
 * (a metric: f1, f_beta with {@code beta:}, precision, recall, fpr, specificity, accuracy,
 * balanced_accuracy, youden_j, mcc; or {@code cost}), optionally under {@code constraint: "recall >= 0.9"},
 * and with {@code costs: {false_positive: 1, false_negative: 5}} (also true_positive, true_negative;
 * default 0) the expected cost per row at the evaluation's threshold and at the cost-optimal one.
 * Without {@code optimize} it optimises the cost when costs are given, else f1.
 */
public final class DecisionThresholdCheckKind implements CheckKind {
    static final String COST = "cost";
    private static final List<String> COST_KEYS = List.of("true_positive", "false_positive", "false_negative", "true_negative");

    @Override
    public String id() {
        return DecisionThresholdCheck.KIND;
    }

    @Override
    public String description() {
        return "The decision threshold of binary scores that maximises a metric (under a constraint) or minimises the expected cost.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("optimize", "the metric to maximise (" + metricIds() + "; fpr is minimised) or cost; default cost"
                        + " with costs, else f1"),
                new ConfigKey("beta", "the beta of f_beta (default 1)"),
                new ConfigKey("constraint", "a bound the threshold must meet, e.g. \"recall >= 0.9\" or \"fpr <= 0.05\""),
                new ConfigKey("costs", "the cost of each outcome: true_positive, false_positive, false_negative, true_negative"
                        + " (default 0), e.g. {false_positive: 1, false_negative: 5}"));
    }

    @Override
    public String measures() {
        return String.join(", ", DecisionThresholdCheck.POINT_MEASURES) + "; with costs: "
                + String.join(", ", DecisionThresholdCheck.COST_MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.LABELLED_PREDICTIONS;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Decision threshold";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        Task task = setup.evaluation().task();
        if (task != null && task != Task.BINARY) {
            throw config.error("type", "decision_threshold needs binary scores, but the evaluation task is " + task.id()
                    + ". Use it on a binary task with a score column (the probability of the positive class).");
        }
        CostMatrix costs = config.isSection("costs") ? costs(config.section("costs").orElseThrow()) : null;
        if (config.has("costs") && costs == null) {
            throw config.error("costs", "costs must be a mapping such as {false_positive: 1, false_negative: 5}.");
        }
        String optimize = config.string("optimize", costs != null ? COST : ThresholdMetric.F1.id()).strip().toLowerCase(Locale.ROOT);
        ThresholdMetric metric = null;
        if (optimize.equals(COST)) {
            if (costs == null) {
                throw config.error("optimize", "optimize: cost needs costs, e.g. costs: {false_positive: 1, false_negative: 5}.");
            }
            if (config.has("constraint")) {
                throw config.error("constraint", "a constraint applies to a metric to optimise, not to cost: set optimize to a"
                        + " metric such as recall, or drop the constraint.");
            }
        } else {
            try {
                metric = ThresholdMetric.parse(optimize, "'optimize'");
            } catch (InvalidInputException e) {
                throw config.error("optimize", e.getMessage() + " Or use cost with costs.");
            }
        }
        double beta = config.number("beta", 1);
        if (config.has("beta") && metric != ThresholdMetric.F_BETA) {
            throw config.error("beta", "beta applies to optimize: f_beta, but optimize is " + optimize + ".");
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw config.error("beta", "beta must be a positive number, found " + config.string("beta", null) + ".");
        }
        Constraint constraint = null;
        if (config.has("constraint")) {
            try {
                constraint = Constraint.parse(config.string("constraint", null));
            } catch (InvalidInputException e) {
                throw config.error("constraint", e.getMessage());
            }
        }
        return new DecisionThresholdCheck(setup, metric, beta, constraint, costs);
    }

    private static CostMatrix costs(CheckConfig section) {
        for (String key : section.keys()) {
            if (!COST_KEYS.contains(key)) {
                throw section.error(key, "unknown cost '" + key + "'; the costs are " + String.join(", ", COST_KEYS) + ".");
            }
        }
        double[] c = new double[COST_KEYS.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = section.number(COST_KEYS.get(k), 0);
            if (!Double.isFinite(c[k])) {
                throw section.error(COST_KEYS.get(k), COST_KEYS.get(k) + " must be a finite number, found " + c[k] + ".");
            }
        }
        return new CostMatrix(c[0], c[1], c[2], c[3]);
    }

    private static String metricIds() {
        return Arrays.stream(ThresholdMetric.values()).map(ThresholdMetric::id).collect(Collectors.joining(", "));
    }
}
