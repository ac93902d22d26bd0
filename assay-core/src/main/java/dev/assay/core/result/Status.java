package dev.assay.core.result;

/** The verdict of a check or of a whole suite, from best to worst. */
public enum Status {
    /** Every condition held (or the check has no conditions and ran). */
    PASS,
    /** The check did not apply to the data and said why (e.g. no scores for {@code roc_auc}). */
    SKIPPED,
    /** A warning-level condition failed; nothing blocks. */
    WARN,
    /** A failure-level condition failed. */
    FAIL,
    /** The check could not run: bad input or configuration; the message says what to fix. */
    ERROR;

    /** The worse of two statuses. */
    public Status worst(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The lower-case name used in reports. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
