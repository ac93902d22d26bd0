package dev.assay.core.check;

import dev.assay.core.result.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test of a model or its data: it measures something on a {@link CheckContext} and judges the
 * measurements against its conditions. Implementations usually extend {@link MeasuringCheck},
 * which does the timing, the slicing, the condition evaluation and the error handling; a
 * {@link CheckKind} makes a kind of check available to suite files.
 */
public interface Check {

    /** The kind of check as written in suite files, e.g. {@code "metric"}. */
    String kind();

    /** The display name, unique within a suite. */
    String name();

    /** The conditions this check evaluates; may be empty (the check then only reports). */
    List<Condition> conditions();

    /**
     * The names of the measurements this check can report ({@code recall}, {@code psi}); a
     * condition about any other name is rejected before the run. Keyed members of a family
     * ({@code psi[age]}) are covered by the family's name.
     */
    Set<String> measures();

    /** What the check needs from the run; the runner skips it, with the reason, when that is absent. */
    default Requirements requirements() {
        return Requirements.NONE;
    }

    /**
     * Whether the check must run with no other check beside it, e.g. a latency test that must not
     * share the processor. The runner runs such checks one at a time after the others.
     */
    default boolean runsAlone() {
        return false;
    }

    /**
     * The settings that decide this check's numbers (metrics, slice, seed, ...), as text, recorded
     * in the run's provenance so that a result can be reproduced from its report. Never null.
     */
    default Map<String, String> settings() {
        return Map.of();
    }

    /**
     * Runs the check. Never throws: bad input becomes an {@code ERROR} result whose message says
     * what to fix, and a check that does not apply becomes {@code SKIPPED} with the reason.
     */
    CheckResult run(CheckContext context);
}
