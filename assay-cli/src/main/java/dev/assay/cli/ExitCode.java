package dev.assay.cli;

import dev.assay.core.result.Status;

/** The exit codes of the {@code assay} command, for CI pipelines to gate on. */
public final class ExitCode {
    /** Every condition held (warnings allowed). */
    public static final int PASS = 0;
    /** A failure-level condition did not hold. */
    public static final int FAIL = 1;
    /** Usage or input error: bad options, unreadable or invalid data or suite, a check that could not run. */
    public static final int INPUT_ERROR = 2;

    private ExitCode() {
    }

    /** The exit code for a suite verdict. */
    public static int of(Status status) {
        return switch (status) {
            case PASS, SKIPPED, WARN -> PASS;
            case FAIL -> FAIL;
            case ERROR -> INPUT_ERROR;
        };
    }
}
