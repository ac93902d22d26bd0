package dev.assay.core.check;

import dev.assay.core.result.CheckResult;
import java.util.List;

/**
 * A test of a model or its data: it measures something on a {@link CheckContext} and judges the
 * measurements against its conditions. Implementations usually extend {@link MeasuringCheck},
 * which does the timing, the condition evaluation and the error handling.
 */
public interface Check {

    /** The kind of check as written in suite files, e.g. {@code "metric"}. */
    String kind();

    /** The display name, unique within a suite. */
    String name();

    /** The conditions this check evaluates; may be empty (the check then only reports). */
    List<Condition> conditions();

    /**
     * Runs the check. Never throws: bad input becomes an {@code ERROR} result whose message says
     * what to fix, and a check that does not apply becomes {@code SKIPPED} with the reason.
     */
    CheckResult run(CheckContext context);
}
