package dev.assay.core.metrics;

import java.util.List;
import java.util.Objects;

/**
 * The value of one metric.
 *
 * @param id the metric id, e.g. {@code "roc_auc"}
 * @param value the value; {@code NaN} when undefined
 * @param undefinedReason why the value is undefined (e.g. "roc_auc needs both classes in the label;
 *     the label holds only 'good'"); null when defined
 * @param warnings what happened while computing, e.g. a zero division replaced by 0
 */
public record MetricValue(String id, double value, String undefinedReason, List<String> warnings) {

    public MetricValue {
        Objects.requireNonNull(id, "id");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A defined value without warnings. */
    public static MetricValue of(String id, double value) {
        return new MetricValue(id, value, null, List.of());
    }

    /** An undefined value with the reason. */
    public static MetricValue undefined(String id, String reason) {
        return new MetricValue(id, Double.NaN, Objects.requireNonNull(reason, "reason"), List.of());
    }

    public boolean defined() {
        return !Double.isNaN(value);
    }
}
