package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.Aggregation;
import dev.assay.core.fairness.Convention;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.MultipleTesting;
import dev.assay.core.fairness.ProtectedAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code type: fairness}: disparities of predictions across protected groups: of a binary task's classes, of
 * a multiclass task's one-vs-rest for every class (keys {@code [class=C]}, {@code [sex,class=C]}), and of a
 * regression task's mean absolute error and mean prediction ({@link RegressionFairness}). Keys:
 * {@code groups: [sex, race]} (default: the schema's protected columns), {@code intersections: true},
 * {@code edges: {age: [0, 25, 100]}} or {@code bins: 4} / {@code bins: {age: 5}} (quantiles) for numeric
 * columns, {@code privileged: {sex: male}}, {@code min_group_size: 30}, {@code convention:
 * explicit|fairlearn|aif360}, {@code aggregation: between_groups|to_overall}, {@code ci: true|false},
 * {@code alpha: 0.05} and {@code adjustment: holm|benjamini_hochberg} for the selection-rate tests, and
 * {@code favorable: good} when the favourable outcome is not the suite's positive class (rates then count it).
 * With one grouping the measures are plain ({@code disparate_impact}); with several each is keyed by
 * its grouping ({@code disparate_impact[sex]}, {@code disparate_impact[sex&race]}).
 */
public final class FairnessCheckKind implements CheckKind {
    /** The id of every disparity measure, in {@code Disparities}' order; the last three need a privileged group. */
    static final List<String> DISPARITIES = List.of("demographic_parity_difference", "demographic_parity_ratio",
            "equalized_odds_difference", "equalized_odds_ratio", "equal_opportunity_difference", "equal_opportunity_ratio",
            "predictive_parity_difference", "false_negative_rate_difference", "false_positive_rate_difference",
            "accuracy_difference", "disparate_impact", "statistical_parity_difference", "average_odds_difference");

    @Override
    public String id() {
        return FairnessCheck.KIND;
    }

    @Override
    public String description() {
        return "Disparities of the predictions across protected groups and their intersections (demographic parity, equalized "
                + "odds, disparate impact...), each with an interval, per-group rates and selection-rate tests; multiclass one-vs-rest"
                + " per class; regression: differences of MAE and mean prediction.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("groups", "the protected columns to compare, e.g. [sex, race] (default: the protected columns"
                        + " of the suite's columns section)"),
                new ConfigKey("intersections", "true to compare the groups of all the columns combined as well (default false)"),
                new ConfigKey("edges", "bin edges of numeric columns, e.g. {age: [0, 25, 100]} (pandas cut, closed on the right)"),
                new ConfigKey("bins", "quantile bins of numeric columns without edges: a number for all, or {age: 5} (default 4)"),
                new ConfigKey("privileged", "the privileged value of each column, e.g. {sex: male}; adds disparate_impact, "
                        + "statistical_parity_difference and average_odds_difference"),
                new ConfigKey("min_group_size", "groups with fewer rows are listed and left out of the comparisons (default "
                        + FairnessSettings.DEFAULT.minGroupSize() + "; explicit convention only)"),
                new ConfigKey("convention", "explicit (undefined values said, default), fairlearn (0) or aif360 (NaN)"),
                new ConfigKey("aggregation", "between_groups (max - min, min / max; default) or to_overall"),
                new ConfigKey("ci", "true (default: 95% bootstrap intervals of the disparities, Wilson of the rates), false, or "
                        + "{level, resamples}"),
                new ConfigKey("alpha", "the significance level of the selection-rate tests (default 0.05)"),
                new ConfigKey("adjustment", "holm (default) or benjamini_hochberg, for the per-group selection-rate tests"),
                new ConfigKey("metrics", "evaluation metric ids to compare per group, e.g. [f1, recall, roc_auc]: measured as "
                        + "f1[sex=female] with an interval, and f1_difference, f1_ratio (default: none)"),
                new ConfigKey("favorable", "the label value of the favourable outcome, when it is not the suite's positive class "
                        + "(e.g. good when positive is bad): rates then count it (default: the positive class)"));
    }

    @Override
    public String measures() {
        return "disparities (demographic_parity_difference, disparate_impact[sex]...), per-group selection_rate, "
                + "true_positive_rate, false_positive_rate and positive_predictive_value as "
                + "selection_rate[sex=female], and selection_rate_p_value; multiclass: each keyed [class=C] or [sex,class=C]; "
                + "regression: mean_absolute_error_difference, _ratio, mean_prediction_difference, _ratio, and per group "
                + "mean_absolute_error[sex=female], mean_prediction[sex=female]; with metrics: [f1], f1[sex=female], "
                + "f1_difference and f1_ratio";
    }

    @Override
    public Requirements requires() {
        return Requirements.LABELLED_PREDICTIONS;
    }

    @Override
    public String defaultName(CheckConfig config) {
        List<String> groups = config.strings("groups");
        return groups.isEmpty() ? "Fairness across protected groups" : "Fairness by " + String.join(", ", groups);
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        List<String> columns = config.strings("groups");
        Map<String, String> privileged = config.stringMap("privileged");
        for (String column : privileged.keySet()) {
            if (!columns.isEmpty() && !columns.contains(column)) {
                throw config.error("privileged", "'" + Excerpt.of(column) + "' is not one of the compared groups " + columns
                        + "; give a privileged value of one of them, e.g. privileged: {" + columns.get(0) + ": ...}.");
            }
        }
        long minSize = config.integer("min_group_size", FairnessSettings.DEFAULT.minGroupSize());
        if (minSize < 0 || minSize > Integer.MAX_VALUE) {
            throw config.error("min_group_size", "the minimum group size must be 0 or more, found " + minSize + ".");
        }
        double alpha = config.number("alpha", 0.05);
        if (!(alpha > 0 && alpha < 1)) {
            throw config.error("alpha", "the significance level must be between 0 and 1 (e.g. 0.05), found " + alpha + ".");
        }
        FairnessSettings settings = new FairnessSettings(config.choice("convention", Convention.class, Convention.EXPLICIT),
                (int) minSize, FairnessSettings.DEFAULT.level(), FairnessSettings.DEFAULT.resamples(), setup.seed());
        settings = intervals(config, settings);
        Aggregation aggregation = config.choice("aggregation", Aggregation.class, Aggregation.BETWEEN_GROUPS);
        MultipleTesting adjustment = config.choice("adjustment", MultipleTesting.class, MultipleTesting.HOLM);
        Map<String, double[]> edges = edges(config);
        Map<String, Integer> bins = bins(config);
        return new FairnessCheck(setup, new FairnessCheck.Settings(columns, config.bool("intersections", false), edges, bins,
                privileged, aggregation, settings, adjustment, alpha, settings.resamples() > 0 || config.isSection("ci"),
                config.string("favorable", null), metrics(config, setup)));
    }

    /** The {@code metrics:} to compare per group: evaluation metric ids of the task. */
    private static List<String> metrics(CheckConfig config, CheckSetup setup) {
        List<String> metrics = config.strings("metrics");
        MetricCheckKind.requireKnown(metrics, setup.evaluation().task(), (k, message) -> config.error("metrics", message));
        return List.copyOf(new java.util.LinkedHashSet<>(metrics));
    }

    /** {@code ci: false} for no bootstrap; {@code ci: {level, resamples}} to set them. */
    private static FairnessSettings intervals(CheckConfig config, FairnessSettings settings) {
        if (!config.has("ci")) {
            return settings;
        }
        if (!config.isSection("ci")) {
            return config.bool("ci", true) ? settings : settings.withResamples(0);
        }
        CheckConfig ci = config.section("ci").orElseThrow();
        try {
            return new FairnessSettings(settings.convention(), settings.minGroupSize(), ci.number("level", settings.level()),
                    (int) ci.integer("resamples", settings.resamples()), settings.seed());
        } catch (InvalidInputException e) {
            throw config.error("ci", e.getMessage());
        }
    }

    private static Map<String, double[]> edges(CheckConfig config) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (config.has("edges") && !config.isSection("edges")) {
            throw config.error("edges", "give the edges per column, e.g. edges: {age: [0, 25, 100]}.");
        }
        config.section("edges").ifPresent(section -> {
            for (String column : section.keys()) {
                List<String> given = section.strings(column);
                double[] e = new double[given.size()];
                for (int i = 0; i < e.length; i++) {
                    try {
                        e[i] = Double.parseDouble(given.get(i));
                    } catch (NumberFormatException ex) {
                        throw config.error("edges", "the edges of '" + Excerpt.of(column) + "' must be numbers, found '"
                                + Excerpt.of(given.get(i)) + "'.");
                    }
                }
                try {
                    ProtectedAttribute.withEdges(column, e);
                } catch (InvalidInputException ex) {
                    throw config.error("edges", ex.getMessage());
                }
                out.put(column, e);
            }
        });
        return out;
    }

    /** Quantile bins per column; the key {@code *} for every numeric column. */
    private static Map<String, Integer> bins(CheckConfig config) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!config.has("bins")) {
            return out;
        }
        Map<String, String> given = config.isSection("bins") ? config.stringMap("bins") : Map.of("*", config.string("bins", "4"));
        List<String> problems = new ArrayList<>();
        given.forEach((column, value) -> {
            try {
                int q = Integer.parseInt(value.strip());
                if (q < 2 || q > 100) {
                    problems.add(column);
                }
                out.put(column, q);
            } catch (NumberFormatException e) {
                problems.add(column);
            }
        });
        if (!problems.isEmpty()) {
            throw config.error("bins", "quantile bins must be a whole number from 2 to 100, e.g. bins: 4 or bins: {age: 5}.");
        }
        return out;
    }
}
