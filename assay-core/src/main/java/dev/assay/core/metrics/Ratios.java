package dev.assay.core.metrics;

import java.util.List;

/** Division under a {@link ZeroDivision} policy, shared by every metric with a denominator. */
final class Ratios {
    private Ratios() {
    }

    /**
     * {@code numerator / denominator}; when the denominator is 0 the policy decides, and {@code why}
     * (e.g. "no row was predicted positive") goes into the warning or the undefined reason.
     */
    static MetricValue divide(String id, double numerator, double denominator, ZeroDivision policy, String why) {
        if (denominator != 0) {
            return MetricValue.of(id, numerator / denominator);
        }
        return zeroDivision(id, policy, why);
    }

    /** The value {@code policy} gives a metric whose denominator is 0. */
    static MetricValue zeroDivision(String id, ZeroDivision policy, String why) {
        return switch (policy) {
            case WARN -> new MetricValue(id, 0, null, List.of(id + " is ill-defined (" + why
                    + ") and is reported as 0; set zero_division to choose 0, 1 or NaN explicitly."));
            case ZERO -> MetricValue.of(id, 0);
            case ONE -> MetricValue.of(id, 1);
            case NAN -> MetricValue.undefined(id, id + " is undefined: " + why + ".");
        };
    }

    /** The value of {@link #zeroDivision} as a number. */
    static double zeroDivisionValue(ZeroDivision policy) {
        return switch (policy) {
            case WARN, ZERO -> 0;
            case ONE -> 1;
            case NAN -> Double.NaN;
        };
    }
}
