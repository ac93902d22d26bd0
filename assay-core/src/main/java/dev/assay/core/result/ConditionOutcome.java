package dev.assay.core.result;

/**
 * A condition evaluated against what a check measured.
 *
 * @param condition the condition in its canonical text, e.g. {@code "recall >= 0.8"}
 * @param severity what a failure means
 * @param metric the id of the measurement the condition reads: {@code recall},
 *     {@code recall[sex=female]}, or {@code recall[*]} when it is about every member
 * @param measured the number compared: the value or interval bound, the aggregate, the count, or for
 *     {@code recall[*]} the worst member's; {@code NaN} if it could not be read
 * @param threshold the resolved threshold ({@code reference - 0.02} becomes a number; for
 *     {@code recall[*]} the worst member's); NaN if it could not be resolved
 * @param passed whether the condition held
 * @param message why it failed, in one fixed shape ({@code Expecting recall on test.csv: measured
 *     0.812 (95% CI 0.79–0.83, n=4210) to be at least 0.85; worst: ...}), or why it could not be
 *     decided; null when it passed
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
