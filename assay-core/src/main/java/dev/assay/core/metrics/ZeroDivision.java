package dev.assay.core.metrics;

/**
 * What a metric reports when its denominator is zero, e.g. precision when nothing was predicted
 * positive. Mirrors scikit-learn's {@code zero_division} parameter.
 */
public enum ZeroDivision {
    /** Report 0 and record a warning in the result (scikit-learn's default, {@code "warn"}). */
    WARN,
    /** Report 0 silently. */
    ZERO,
    /** Report 1 silently. */
    ONE,
    /** Report NaN: the value is undefined, and a condition on it cannot hold. */
    NAN
}
