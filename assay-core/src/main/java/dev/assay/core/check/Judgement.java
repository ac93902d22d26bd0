package dev.assay.core.check;

import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.Status;
import java.util.List;
import java.util.Objects;

/**
 * What a check's conditions say about its measurements.
 *
 * @param status {@code PASS} when every condition held, {@code WARN} or {@code FAIL} by the worst
 *     failed condition, {@code ERROR} when a condition is about a measurement the check did not
 *     measure at all
 * @param outcomes the outcome of every condition about a measured family, in order
 * @param error why the status is {@code ERROR}, one sentence per such condition; null otherwise
 */
public record Judgement(Status status, List<ConditionOutcome> outcomes, String error) {

    public Judgement {
        Objects.requireNonNull(status, "status");
        outcomes = List.copyOf(outcomes);
    }
}
