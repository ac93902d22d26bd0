package dev.assay.core.profile;

/**
 * The profile of one column: exact row and missing counts plus the sketches of its values. Mutable and
 * not thread-safe, like the accumulators of {@code dev.assay.core.stats}: build one per part, then merge.
 */
public sealed interface ColumnProfile permits NumericProfile, CategoryProfile {
    /** The column's name. */
    String name();

    /** {@code numeric} or {@code categorical}, as the profile file stores it. */
    String type();

    /** The rows seen, missing values included. */
    long rows();

    /** The missing values seen. */
    long missing();

    /** The estimated number of distinct non-missing values (HLL, relative error about 1.6% at lgK 12). */
    double distinct();
}
