package dev.assay.core.drift;

/**
 * One side (reference or current) of a column whose drift is measured: its non-missing values in the
 * form a drift method reads, and how many values were missing. Samples come from data
 * ({@link ColumnSamples}); other sources (a stored profile) can supply them as well.
 */
public interface ColumnSample {
    /** The column's name. */
    String column();

    /** The number of non-missing values. */
    long count();

    /** The number of missing values (excluded from every method). */
    long missing();
}
