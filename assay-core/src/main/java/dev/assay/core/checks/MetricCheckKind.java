package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.Suggestions;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import dev.assay.core.metrics.Task;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code type: metric} (the default type): {@code metric: recall} or {@code metrics: [recall, f1]}
 * (every metric of the task when neither is given, or {@code all}); {@code evidence: true|false}
 * adds tables and charts (default: on when measuring every metric); {@code ci: true} or
 * {@code ci: {method: bca|percentile|wilson, resamples: 1000, level: 0.95}} adds confidence intervals.
 */
public final class MetricCheckKind implements CheckKind {
    private static final List<String> CI_KEYS = List.of("method", "resamples", "level");

    @Override
    public String id() {
        return MetricCheck.KIND;
    }

    @Override
    public String description() {
        return "Model-quality metrics (scikit-learn ids) on the current data, beside the reference data's values.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("metric", "one metric id, e.g. recall ('assay metrics' lists them)"),
                new ConfigKey("metrics", "a list of metric ids, or 'all' (the default); precision, recall and f1 are "
                        + "also measured per class, as f1[class=setosa]"),
                new ConfigKey("evidence", "true to add the confusion matrix, curves and residual tables "
                        + "(default: true when measuring every metric)"),
                new ConfigKey("ci", "confidence intervals, for conditions such as recall.lower >= 0.75: true (BCa bootstrap, "
                        + "1000 resamples, 95%) or {method: bca|percentile|wilson, resamples: 1000, level: 0.95}"));
    }

    @Override
    public String measures() {
        return "the metrics named, or every metric of the task: accuracy, recall, roc_auc, r2, ... ('assay metrics'); "
                + "precision, recall and f1 per class as recall[class=bad]";
    }

    @Override
    public Requirements requires() {
        return Requirements.LABELLED_PREDICTIONS;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return defaultName(metrics(config));
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        List<String> metrics = metrics(config);
        String key = config.has("metric") ? "metric" : "metrics";
        requireKnown(metrics, setup.evaluation().task(), (k, message) -> config.error(key, message));
        return MetricCheck.of(setup, metrics, config.bool("evidence", metrics.isEmpty()), intervals(config, metrics));
    }

    /** The {@code ci} key: absent or false for none, true for the defaults, or a mapping. */
    static IntervalSettings intervals(CheckConfig config, List<String> metrics) {
        if (!config.has("ci")) {
            return null;
        }
        if (!config.isSection("ci")) {
            return config.bool("ci", false) ? IntervalSettings.defaults() : null;
        }
        CheckConfig ci = config.section("ci").orElseThrow();
        for (String key : ci.keys()) {
            if (!CI_KEYS.contains(key)) {
                List<String> close = Suggestions.closest(key, CI_KEYS, 1);
                throw config.error("ci", "unknown key '" + Excerpt.of(key) + "' under 'ci'."
                        + (close.isEmpty() ? "" : " Did you mean '" + close.get(0) + "'?") + " Allowed: " + String.join(", ", CI_KEYS) + ".");
            }
        }
        IntervalMethod method = ci.choice("method", IntervalMethod.class, IntervalMethod.BCA);
        IntervalSettings settings;
        try {
            settings = IntervalSettings.of(method, (int) Math.min(Integer.MAX_VALUE, ci.integer("resamples",
                    IntervalSettings.DEFAULT_RESAMPLES)), "ci.resamples", ci.number("level", IntervalSettings.DEFAULT_LEVEL), "ci.level");
        } catch (InvalidInputException e) {
            throw config.error("ci", e.getMessage());
        }
        requireWilsonFits(settings, metrics, message -> config.error("ci", message));
        return settings;
    }

    /** Rejects a Wilson interval for a named metric that is not a proportion of counts. */
    static void requireWilsonFits(IntervalSettings ci, List<String> metrics, Function<String, InvalidInputException> error) {
        if (ci == null || ci.method() != IntervalMethod.WILSON) {
            return;
        }
        for (String id : metrics) {
            if (!MetricIntervals.PROPORTIONS.contains(id)) {
                throw error.apply("method wilson is for proportions of counts (" + String.join(", ", MetricIntervals.PROPORTIONS)
                        + "), not '" + Excerpt.of(id) + "'. Use method bca or percentile for it.");
            }
        }
    }

    static String defaultName(List<String> metrics) {
        return metrics.isEmpty() ? "Model performance" : String.join(", ", metrics);
    }

    /** Rejects a metric id the task (or, when the task is inferred, every task) lacks. */
    static void requireKnown(List<String> ids, Task task, BiFunction<String, String, InvalidInputException> error) {
        Set<String> known = new LinkedHashSet<>(task == null
                ? MetricCatalog.all().stream().map(MetricInfo::id).toList()
                : MetricCatalog.ids(task));
        if (task != Task.REGRESSION) {
            known.addAll(MetricCheck.PER_CLASS);
        }
        for (String id : ids) {
            if (!known.contains(id)) {
                List<String> close = Suggestions.closest(id, known, 2);
                throw error.apply(id, "unknown metric '" + Excerpt.of(id) + "'" + (task == null ? "" : " for a " + task.id() + " task") + "."
                        + (close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close.stream().map(c -> "'" + c + "'").toList()) + "?")
                        + " Known metrics: " + String.join(", ", known) + " ('assay metrics' describes them).");
            }
        }
    }

    private static List<String> metrics(CheckConfig config) {
        if (config.has("metric") && config.has("metrics")) {
            throw config.error("metrics", "give either 'metric' or 'metrics', not both.");
        }
        List<String> out = new ArrayList<>(config.strings(config.has("metric") ? "metric" : "metrics"));
        return out.equals(List.of("all")) ? List.of() : out;
    }
}
