package dev.assay.core.data;

/** What a column means to a check. A column may hold more than one role (age: feature and protected). */
public enum ColumnRole {
    LABEL,
    PREDICTION,
    SCORE,
    CLASS_PROBABILITY,
    FEATURE,
    PROTECTED,
    TIMESTAMP,
    ID,
    WEIGHT;

    /** The lower-case name used in suite files and messages. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
