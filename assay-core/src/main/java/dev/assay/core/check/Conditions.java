package dev.assay.core.check;

import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Judges a check's conditions against its measurements. */
public final class Conditions {
    private Conditions() {
    }

    /**
     * Evaluates every condition against {@code measured}.
     *
     * @param conditions the check's conditions
     * @param measured everything the check measured
     * @param dataset the data set measured, as named in messages (e.g. its file); may be null
     * @return the status the conditions give the check and their outcomes
     */
    public static Judgement judge(List<Condition> conditions, List<Measurement> measured, String dataset) {
        Set<String> names = new LinkedHashSet<>();
        measured.forEach(m -> names.add(m.name()));
        Status status = Status.PASS;
        List<ConditionOutcome> outcomes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Condition c : conditions) {
            if (!names.contains(c.measurement())) {
                errors.add("The condition '" + c.text() + "' is about " + c.measurement() + ", which this check does not measure; "
                        + "it measures " + ConditionEvaluation.list(List.copyOf(names)) + ".");
                continue;
            }
            ConditionOutcome o = c.evaluate(measured, dataset);
            outcomes.add(o);
            if (!o.passed()) {
                status = status.worst(o.severity() == Severity.FAIL ? Status.FAIL : Status.WARN);
            }
        }
        return errors.isEmpty() ? new Judgement(status, outcomes, null) : new Judgement(Status.ERROR, outcomes, String.join(" ", errors));
    }
}
