package dev.assay.core.result;

/**
 * A confidence interval for a measured value.
 *
 * @param lower the lower bound
 * @param upper the upper bound
 * @param level the confidence level, e.g. {@code 0.95}
 * @param method how it was computed, e.g. {@code "wilson"} or {@code "bootstrap-percentile"}
 */
public record Interval(double lower, double upper, double level, String method) {

    public Interval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " above upper bound " + upper);
        }
    }
}
