package dev.assay.core.monitor.alert;

/**
 * A rule applied to one metric of one closed window.
 *
 * @param rule the rule
 * @param metric the metric id ({@code drift_p[age]} for a member of a family)
 * @param value the value compared (for a multiple test, the BH-adjusted p-value)
 * @param breached whether the condition holds in this window
 * @param streak consecutive breaching windows up to this one
 */
public record RuleOutcome(AlertRule rule, String metric, double value, boolean breached, int streak) {

    /** Whether the condition has held for the rule's {@code for} windows. */
    public boolean firing() {
        return streak >= rule.forWindows();
    }
}
