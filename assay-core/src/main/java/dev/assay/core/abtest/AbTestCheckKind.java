package dev.assay.core.abtest;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code type: ab_test}: the A/B comparison of the current data's control and treatment rows
 * ({@link AbTestAnalysis}). Keys: {@code variant}, {@code control}, {@code treatment} (needed when the
 * variant column has more than two values), {@code metrics}, {@code covariate}, {@code look},
 * {@code expected_split} (default [50, 50]), {@code alpha} (0.05), {@code mann_whitney} (metrics that
 * also get the rank test), {@code guardrails}, {@code lower_is_better}, {@code tau_squared} (the mSPRT
 * mixing variance as a multiple of the metric's variance, default 0.01), {@code drop_missing} (false).
 */
public final class AbTestCheckKind implements CheckKind {

    @Override
    public String id() {
        return AbTestCheck.KIND;
    }

    @Override
    public String description() {
        return "A/B test of a control and a treatment arm: two-proportion z or Welch t-test with absolute and relative lift,"
                + " Mann-Whitney, CUPED, always-valid mSPRT p-values per look, sample-ratio mismatch, Holm/BH, guardrails.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("variant", "the column naming each row's arm"),
                new ConfigKey("control", "the control arm's value in the variant column"),
                new ConfigKey("treatment", "the treatment arm's value (needed when the column holds more than two values)"),
                new ConfigKey("metrics", "the numeric metric columns (0/1 columns get the two-proportion z-test, others Welch)"),
                new ConfigKey("covariate", "a pre-period covariate column for CUPED"),
                new ConfigKey("look", "a column ordering the rows into looks (day, batch) for the sequential test"),
                new ConfigKey("expected_split", "expected control and treatment weights (default [50, 50])"),
                new ConfigKey("alpha", "significance level, in (0, 0.5] (default 0.05)"),
                new ConfigKey("mann_whitney", "metrics that also get the Mann-Whitney U test"),
                new ConfigKey("guardrails", "metrics that stop the test when they significantly worsen (analysed even when not in metrics)"),
                new ConfigKey("lower_is_better", "metrics for which a decrease is an improvement"),
                new ConfigKey("tau_squared", "the mSPRT mixing variance as a multiple of the metric's variance (default "
                        + AbTestSettings.DEFAULT_TAU_SQUARED + ")"),
                new ConfigKey("drop_missing", "leave out rows with a missing value instead of failing (default false)"));
    }

    @Override
    public String measures() {
        return String.join(", ", AbTestCheck.MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "A/B test of " + String.join(", ", config.strings("metrics"));
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        Set<String> analysed = new LinkedHashSet<>(config.strings("metrics"));
        analysed.addAll(config.strings("guardrails"));
        List<String> metrics = new ArrayList<>(analysed);
        if (config.strings("metrics").isEmpty()) {
            throw config.error("metrics", "name at least one metric column, e.g. metrics: [converted].");
        }
        AbTestData.Columns columns = new AbTestData.Columns(config.requireString("variant"), config.requireString("control"),
                config.string("treatment", null), metrics, config.string("covariate", null), config.string("look", null),
                config.bool("drop_missing", false));
        return new AbTestCheck(setup, columns, settings(config, metrics));
    }

    private static AbTestSettings settings(CheckConfig config, List<String> metrics) {
        double alpha = config.number("alpha", 0.05);
        if (!(alpha > 0 && alpha <= 0.5)) {
            throw config.error("alpha", "alpha must be in (0, 0.5], found " + alpha + ".");
        }
        List<Double> split = new ArrayList<>();
        for (String w : config.strings("expected_split")) {
            split.add(weight(config, w));
        }
        if (split.isEmpty()) {
            split = List.of(50.0, 50.0);
        } else if (split.size() != 2) {
            throw config.error("expected_split", "give two weights, control then treatment, e.g. [50, 50]; found " + split + ".");
        }
        double tau = config.number("tau_squared", AbTestSettings.DEFAULT_TAU_SQUARED);
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw config.error("tau_squared", "tau_squared must be a positive number, found " + tau + ".");
        }
        Set<String> known = new HashSet<>(metrics);
        return new AbTestSettings(alpha, split, subset(config, "mann_whitney", known), subset(config, "guardrails", known),
                subset(config, "lower_is_better", known), tau);
    }

    private static double weight(CheckConfig config, String w) {
        try {
            double v = Double.parseDouble(w);
            if (v > 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw config.error("expected_split", "weights are positive numbers, e.g. [50, 50]; found '" + w + "'.");
    }

    private static Set<String> subset(CheckConfig config, String key, Set<String> metrics) {
        Set<String> out = new HashSet<>(config.strings(key));
        for (String m : out) {
            if (!metrics.contains(m)) {
                throw config.error(key, "'" + m + "' is not one of the metrics " + metrics + "; add it to metrics or remove it here.");
            }
        }
        return out;
    }
}
