package dev.assay.core.fairness;

/** How per-group values become one disparity, as Fairlearn's {@code MetricFrame.difference(method=...)} and {@code ratio(method=...)}. */
public enum Aggregation {
    /** Difference {@code max_g v_g − min_g v_g}; ratio {@code min_g v_g / max_g v_g}. */
    BETWEEN_GROUPS("between_groups"),
    /** Difference {@code max_g |v_g − v_overall|}; ratio {@code min_g min(v_g / v_overall, v_overall / v_g)}. */
    TO_OVERALL("to_overall");

    private final String id;

    Aggregation(String id) {
        this.id = id;
    }

    /** Fairlearn's name for it. */
    public String id() {
        return id;
    }
}
