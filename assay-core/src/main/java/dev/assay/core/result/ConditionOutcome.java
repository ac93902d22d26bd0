package dev.assay.core.result;

/**
 * A condition evaluated against a measurement.
 *
 * @param condition the condition as written, e.g. {@code "recall >= 0.80"}
 * @param severity what a failure means
 * @param metric the measured name the condition is about
 * @param measured the measured value ({@code NaN} if undefined)
 * @param threshold the resolved threshold ({@code reference - 0.02} becomes a number); NaN if it
 *     could not be resolved
 * @param passed whether the condition held
 * @param message a sentence explaining a failure or why the condition could not be decided; null
 *     when it passed
 */
public record ConditionOutcome(String condition, Severity severity, String metric, double measured,
        double threshold, boolean passed, String message) {

    /** What a failed condition does to the check. */
    public enum Severity {
        /** The check fails and the suite exits with 1. */
        FAIL,
        /** The check warns; the suite still passes. */
        WARN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
