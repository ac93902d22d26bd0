package dev.assay.core.monitor.alert;

import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads alert rules from the YAML-shaped form (a list of maps, as Jackson or SnakeYAML give it):
 * <pre>
 * - name: feature drift
 *   metric: drift_p[*]
 *   below: 0.05          # BH false discovery rate across the features of a window
 *   for: 2               # consecutive windows (default 1)
 *   severity: warning    # critical | warning | info (default warning)
 * - name: accuracy estimate
 *   metric: estimated_accuracy
 *   outside: reference_band
 *   severity: critical
 * </pre>
 * Exactly one of {@code above}, {@code below}, {@code outside: reference_band}. Errors name the source,
 * the rule and the key.
 */
public final class AlertRules {
    private static final Set<String> KEYS = Set.of("name", "metric", "above", "below", "outside", "for", "severity");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final Pattern METRIC = Pattern.compile("[a-z_]+(\\[[^\\[\\]]+\\])?");

    private AlertRules() {
    }

    /** The rules in {@code rules} (a list of maps); {@code source} names them in messages (a file name). */
    public static List<AlertRule> parse(Object rules, String source) {
        if (!(rules instanceof List)) {
            throw new InvalidInputException("The alert rules in " + source + " must be a list of rules (- name: ..., metric: ...).");
        }
        List<AlertRule> out = new ArrayList<>();
        List<?> list = (List<?>) rules;
        for (int i = 0; i < list.size(); i++) {
            out.add(rule(list.get(i), source + ", rule " + (i + 1)));
        }
        return out;
    }

    private static AlertRule rule(Object item, String where) {
        if (!(item instanceof Map)) {
            throw new InvalidInputException(where + " is not a map; write it as name: ..., metric: ..., above|below|outside: ....");
        }
        Map<?, ?> map = (Map<?, ?>) item;
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new InvalidInputException(where + " has an unknown key '" + k + "'; the keys are " + String.join(", ", KEYS.stream()
                        .sorted().toList()) + ".");
            }
        }
        String name = text(map, "name", where);
        String metric = text(map, "metric", where);
        if (!METRIC.matcher(metric).matches()) {
            throw new InvalidInputException(where + " has metric '" + metric + "'; write a metric id such as psi[age] or "
                    + "estimated_accuracy, or a family with [*] such as drift_p[*].");
        }
        int conditions = (map.containsKey("above") ? 1 : 0) + (map.containsKey("below") ? 1 : 0) + (map.containsKey("outside") ? 1 : 0);
        if (conditions != 1) {
            throw new InvalidInputException(where + " ('" + name + "') needs exactly one of above, below or outside: reference_band; it has "
                    + conditions + ".");
        }
        AlertRule.Condition condition;
        double threshold = Double.NaN;
        if (map.containsKey("outside")) {
            if (!"reference_band".equals(String.valueOf(map.get("outside")))) {
                throw new InvalidInputException(where + " ('" + name + "') has outside: " + map.get("outside")
                        + "; the only band is reference_band.");
            }
            condition = AlertRule.Condition.OUTSIDE_BAND;
        } else {
            String key = map.containsKey("above") ? "above" : "below";
            condition = key.equals("above") ? AlertRule.Condition.ABOVE : AlertRule.Condition.BELOW;
            threshold = number(map, key, where);
        }
        int forWindows = map.containsKey("for") ? (int) number(map, "for", where) : 1;
        if (forWindows < 1 || forWindows != number(map, "for", where, 1)) {
            throw new InvalidInputException(where + " ('" + name + "') has for: " + map.get("for") + "; give a whole number of windows, at least 1.");
        }
        String severity = map.containsKey("severity") ? String.valueOf(map.get("severity")) : "warning";
        if (!SEVERITIES.contains(severity)) {
            throw new InvalidInputException(where + " ('" + name + "') has severity '" + severity + "'; use critical, warning or info.");
        }
        AlertRule rule = new AlertRule(name, metric, condition, threshold, severity, forWindows);
        if (rule.multipleTest() && !(threshold > 0 && threshold < 1)) {
            throw new InvalidInputException(where + " ('" + name + "') has below: " + threshold
                    + "; for drift_p[*] it is the false discovery rate, between 0 and 1 (e.g. 0.05).");
        }
        return rule;
    }

    private static String text(Map<?, ?> map, String key, String where) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new InvalidInputException(where + " has no " + key + "; every rule needs a name and a metric.");
        }
        return String.valueOf(v).trim();
    }

    private static double number(Map<?, ?> map, String key, String where) {
        return number(map, key, where, Double.NaN);
    }

    private static double number(Map<?, ?> map, String key, String where, double absent) {
        Object v = map.get(key);
        if (v == null) {
            return absent;
        }
        try {
            double d = v instanceof Number ? ((Number) v).doubleValue() : Double.parseDouble(String.valueOf(v).trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(where + " has " + key + ": '" + v + "', which is not a number.");
    }
}
