package dev.assay.core.monitor.alert;

/**
 * One alert rule: which metric of a closed window, the condition, how bad, and for how many consecutive
 * windows the condition must hold before the alert fires.
 *
 * <p>{@code metric} is a metric id of a {@link dev.assay.core.monitor.WindowSnapshot} ({@code psi[age]},
 * {@code estimated_accuracy}) or a family with every member ({@code drift_p[*]}, {@code psi[*]}). A rule
 * {@code BELOW q} on the p-value family {@code drift_p[*]} is a multiple test: the members' p-values are
 * adjusted by Benjamini-Hochberg across the columns of the window and a member breaches when its adjusted
 * p-value is at most {@code q} (false discovery rate {@code q} per window).
 *
 * @param name the alert's name ({@code alertname} in Alertmanager)
 * @param metric the metric id or family with {@code [*]}
 * @param condition above or below {@code threshold}, or outside the metric's reference band
 * @param threshold the threshold (NaN for {@link Condition#OUTSIDE_BAND})
 * @param severity {@code critical}, {@code warning} or {@code info}
 * @param forWindows consecutive breaching windows before firing, at least 1
 */
public record AlertRule(String name, String metric, Condition condition, double threshold, String severity, int forWindows) {

    /** How a value breaches a rule. */
    public enum Condition {
        /** value {@code >} threshold */
        ABOVE,
        /** value {@code <} threshold; for {@code drift_p[*]}, BH-adjusted p-value {@code <=} threshold */
        BELOW,
        /** value outside the metric's reference band {@code [lower, upper]} */
        OUTSIDE_BAND
    }

    /** Whether the rule addresses every member of a family ({@code name[*]}). */
    public boolean wildcard() {
        return metric.endsWith("[*]");
    }

    /** The family name of a wildcard rule ({@code drift_p} for {@code drift_p[*]}). */
    public String family() {
        return metric.substring(0, metric.length() - 3);
    }

    /** Whether the rule is a multiple test of p-values corrected by Benjamini-Hochberg. */
    public boolean multipleTest() {
        return wildcard() && family().equals("drift_p") && condition == Condition.BELOW;
    }

    /** Whether {@code value} breaches the rule given its band (null when it has none). */
    boolean breaches(double value, double[] band) {
        if (Double.isNaN(value)) {
            return false;
        }
        switch (condition) {
            case ABOVE:
                return value > threshold;
            case BELOW:
                return multipleTest() ? value <= threshold : value < threshold;
            default:
                return band != null && (value < band[0] || value > band[1]);
        }
    }
}
