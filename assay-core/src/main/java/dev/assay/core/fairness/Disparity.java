package dev.assay.core.fairness;

import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.List;
import java.util.Objects;

/**
 * One disparity measure: its value or the reason it is undefined, its bootstrap interval, which
 * groups it came from and which groups were left out.
 *
 * @param id the measure's id, e.g. {@code demographic_parity_difference}
 * @param value the value; NaN when undefined (or infinite under {@link Convention#AIF360})
 * @param undefinedReason why there is no value; null when there is one
 * @param detail the groups behind the value, e.g. {@code min 0.50 at sex=Female, max 0.75 at sex=Male}
 * @param interval the bootstrap percentile interval, or the reason there is none
 * @param excluded the groups left out, each with the reason (too small, rate undefined, empty)
 */
public record Disparity(String id, double value, String undefinedReason, String detail, IntervalEstimate interval,
        List<String> excluded) {

    public Disparity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(interval, "interval");
        excluded = List.copyOf(excluded);
    }

    /** Whether a value was computed (possibly NaN or infinite under a compatibility convention). */
    public boolean defined() {
        return undefinedReason == null;
    }
}
