package dev.assay.core.uncertainty;

import dev.assay.core.result.Interval;
import java.util.Objects;

/**
 * A confidence interval, or the reason none could be computed.
 *
 * @param interval the interval; null when undefined
 * @param undefinedReason why there is no interval; null when there is one
 */
public record IntervalEstimate(Interval interval, String undefinedReason) {

    public IntervalEstimate {
        if ((interval == null) == (undefinedReason == null)) {
            throw new IllegalArgumentException("give either an interval or the reason there is none");
        }
    }

    /** A computed interval. */
    public static IntervalEstimate of(Interval interval) {
        return new IntervalEstimate(Objects.requireNonNull(interval, "interval"), null);
    }

    /** No interval, for the given reason (a sentence a person can act on). */
    public static IntervalEstimate undefined(String reason) {
        return new IntervalEstimate(null, Objects.requireNonNull(reason, "reason"));
    }

    /** Whether an interval was computed. */
    public boolean defined() {
        return interval != null;
    }
}
