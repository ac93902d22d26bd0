package dev.assay.core.monitor.alert;

import dev.assay.core.monitor.WindowSnapshot;
import dev.assay.core.segments.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies rules to windows as they close, in time order per model version, and keeps the streak of
 * consecutive breaching windows per (version, rule, metric). The false-alarm policy has two layers:
 * within a window, a rule on the p-value family {@code drift_p[*]} adjusts the p-values of all columns by
 * Benjamini-Hochberg (the chance that any column of a stable window breaches is at most the rule's
 * {@code q}); across windows, an alert fires only after {@code for} consecutive breaching windows, so a
 * column that breaches by chance in one window with probability at most {@code q} fires after {@code k}
 * windows with probability about {@code q^k} on independent windows. A missing metric or NaN does not
 * breach and ends the streak. Not thread-safe.
 */
public final class AlertEvaluator {
    private final List<AlertRule> rules;
    private final Map<String, Integer> streaks = new HashMap<>();

    public AlertEvaluator(List<AlertRule> rules) {
        this(rules, Map.of());
    }

    /** An evaluator that continues from saved {@link #streaks()} (say, after a restart). */
    public AlertEvaluator(List<AlertRule> rules, Map<String, Integer> streaks) {
        this.rules = List.copyOf(rules);
        this.streaks.putAll(streaks);
    }

    /** The current streaks by {@link #streakKey} (version, rule and metric), to save and restore. */
    public Map<String, Integer> streaks() {
        return Map.copyOf(streaks);
    }

    /** The key of a streak in {@link #streaks()}. */
    public static String streakKey(String version, String rule, String metric) {
        return version + "\u0000" + rule + "\u0000" + metric;
    }

    /** The outcome of every rule on every metric it addresses in {@code window}. */
    public List<RuleOutcome> evaluate(WindowSnapshot window) {
        List<RuleOutcome> out = new ArrayList<>();
        for (AlertRule rule : rules) {
            for (Map.Entry<String, Double> e : values(rule, window).entrySet()) {
                String metric = e.getKey();
                double[] band = window.bands().get(metric);
                boolean breached = rule.breaches(e.getValue(), band);
                String key = streakKey(window.version(), rule.name(), metric);
                int streak = breached ? streaks.getOrDefault(key, 0) + 1 : 0;
                streaks.put(key, streak);
                out.add(new RuleOutcome(rule, metric, e.getValue(), breached, streak));
            }
        }
        return out;
    }

    /** The values a rule compares: one metric, or every member of a family (BH-adjusted for a multiple test). */
    private static Map<String, Double> values(AlertRule rule, WindowSnapshot window) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!rule.wildcard()) {
            out.put(rule.metric(), window.values().getOrDefault(rule.metric(), Double.NaN));
            return out;
        }
        Map<String, Double> members = window.family(rule.family());
        if (!rule.multipleTest()) {
            members.forEach((m, v) -> out.put(rule.family() + "[" + m + "]", v));
            return out;
        }
        List<String> tested = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        members.forEach((m, v) -> {
            if (!Double.isNaN(v)) {
                tested.add(m);
                p.add(v);
            }
        });
        double[] adjusted = BenjaminiHochberg.adjust(p.stream().mapToDouble(Double::doubleValue).toArray());
        Map<String, Double> byMember = new HashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            byMember.put(tested.get(i), adjusted[i]);
        }
        members.keySet().forEach(m -> out.put(rule.family() + "[" + m + "]", byMember.getOrDefault(m, Double.NaN)));
        return out;
    }
}
