package dev.assay.core.fairness;

import java.util.Objects;

/**
 * A proportion {@code numerator / denominator} of one group, or the reason it is undefined.
 *
 * @param numerator the count of rows meeting the rate's condition (weighted counts are not supported)
 * @param denominator the count of rows the rate is taken over
 * @param undefinedReason why there is no value (a zero denominator); null when defined
 */
public record Rate(long numerator, long denominator, String undefinedReason) {

    /** The rate, or the reason it is undefined when {@code denominator} is 0. */
    static Rate of(long numerator, long denominator, String whenZero) {
        return new Rate(numerator, denominator, denominator == 0 ? Objects.requireNonNull(whenZero) : null);
    }

    /** Whether the denominator is positive. */
    public boolean defined() {
        return undefinedReason == null;
    }

    /** The value; NaN when undefined. */
    public double value() {
        return defined() ? (double) numerator / denominator : Double.NaN;
    }

    /** The value under {@code convention}: an undefined rate is NaN, except 0 under {@link Convention#FAIRLEARN}. */
    public double value(Convention convention) {
        return !defined() && convention == Convention.FAIRLEARN ? 0 : value();
    }
}
