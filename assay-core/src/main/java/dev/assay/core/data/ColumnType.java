package dev.assay.core.data;

/** The physical kind of a column. */
public enum ColumnType {
    /** 64-bit floating point values; {@code NaN} marks a missing value. */
    NUMERIC,
    /** Integer codes into a dictionary of levels; {@code -1} marks a missing value. */
    CATEGORICAL,
    /** Free text; {@code null} marks a missing value. */
    TEXT;

    /** The lower-case name used in suite files and messages. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
