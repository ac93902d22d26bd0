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

    /** The key under {@code columns:} in suite files that gives this role. */
    public String suiteKey() {
        return switch (this) {
            case CLASS_PROBABILITY -> "probabilities";
            case FEATURE -> "features";
            default -> id();
        };
    }

    /** The lower-case name used in messages. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
