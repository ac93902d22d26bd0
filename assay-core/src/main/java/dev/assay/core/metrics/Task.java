package dev.assay.core.metrics;

import java.util.Locale;

/** The kind of prediction being evaluated. */
public enum Task {
    BINARY,
    MULTICLASS,
    REGRESSION;

    /** The lower-case name used in suite files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
