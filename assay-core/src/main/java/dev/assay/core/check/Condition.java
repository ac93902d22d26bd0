package dev.assay.core.check;

import dev.assay.core.check.Subject.Aggregate;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import java.util.List;
import java.util.Objects;

/**
 * A condition on what a check measured: {@code recall >= 0.8}, {@code recall[sex=female] >= 0.8},
 * {@code recall.lower >= 0.75}, {@code f1 >= reference - 0.02}, {@code max(psi[*]) < 0.2},
 * {@code count(psi[*] > 0.2) <= 2}.
 *
 * <pre>
 * condition  = subject COMPARISON threshold
 * subject    = selector | FUNCTION "(" NAME "[*]" [bound] [COMPARISON threshold] ")"
 * selector   = NAME ["[" KEY "]" | "[*]"] [bound]
 * bound      = ".lower" | ".upper"
 * threshold  = NUMBER | "reference" [("+" | "-" | "*") NUMBER]
 * COMPARISON = "&gt;=" | "&gt;" | "&lt;=" | "&lt;" | "==" | "!="
 * FUNCTION   = "min" | "max" | "mean" | "count"
 * </pre>
 *
 * <p>{@code NAME} is a measurement name ({@code recall}, {@code f0.5}); {@code KEY} a member of it,
 * {@code sex=female} in {@code recall[sex=female]}; {@code [*]} selects every keyed member (not the
 * plain value). {@code .lower} and {@code .upper} read a bound of the confidence interval instead of
 * the value. {@code reference} is the same number on the reference data: the member's own
 * reference value for a member, the aggregate of the members' reference values for an aggregate.
 * Spaces between the parts are free.
 *
 * <p>Semantics: {@code min}, {@code max} and {@code mean} combine the members' numbers;
 * {@code count(x[*])} counts the members whose number is not zero (flags such as {@code drift = 1}),
 * {@code count(x[*] > 0.2)} those meeting the comparison inside, and is always compared with a
 * number; {@code x[*] >= 0.7} holds when it holds for every member. A condition reading an undefined
 * number, a missing interval, a missing reference value or a family without members never holds.
 * When a condition is about many members, the worst member is the one farthest on the failing side
 * of the threshold.
 *
 * @param subject what the condition is about, the left-hand side
 * @param criterion the comparison and threshold, the right-hand side
 * @param severity what a failure means
 */
public record Condition(Subject subject, Criterion criterion, Severity severity) {

    public Condition {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(severity, "severity");
        if (subject instanceof Aggregate a && a.function() == Subject.Function.COUNT && criterion.threshold().relative()) {
            throw new IllegalArgumentException("count(...) compares with a number, not with the reference");
        }
    }

    /**
     * Parses a condition.
     *
     * @throws InvalidInputException naming what was found and what is expected, with the closest
     *     valid condition where a small repair gives one
     */
    public static Condition parse(String text, Severity severity) {
        return ConditionParser.parse(text, severity);
    }

    /** The measurement name (the family) the condition is about: {@code recall} for {@code min(recall[*].lower) >= 0.7}. */
    public String measurement() {
        return subject.name();
    }

    /** Whether the condition needs values on the reference data set. */
    public boolean needsReference() {
        return criterion.threshold().relative()
                || subject instanceof Aggregate a && a.filter() != null && a.filter().threshold().relative();
    }

    /** The canonical text, which parses back to an equal condition: {@code f1 >= reference - 0.02}. */
    public String text() {
        return subject.text() + " " + criterion.text();
    }

    /**
     * Evaluates this condition against the values a check measured, picking the ones it addresses.
     *
     * @param measured everything the check measured
     * @param dataset the data set the values were measured on, as named in messages; may be null
     * @return the outcome; not passed, with a message saying why, when a value it needs is missing
     *     or undefined
     */
    public ConditionOutcome evaluate(List<Measurement> measured, String dataset) {
        return new ConditionEvaluation(this, measured, dataset).outcome();
    }

    @Override
    public String toString() {
        return text();
    }
}
