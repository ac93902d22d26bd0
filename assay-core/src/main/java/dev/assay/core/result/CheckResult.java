package dev.assay.core.result;

import dev.assay.core.chart.Chart;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check found: its verdict, the values it measured, the conditions it evaluated, and the
 * evidence (tables, charts) behind them. Immutable.
 *
 * @param name the check's display name
 * @param kind the kind of check, e.g. {@code "metric"}
 * @param status the verdict
 * @param message why the check was skipped or could not run, or a one-line summary; may be null
 * @param measurements the values measured, in a stable order
 * @param conditions the conditions evaluated
 * @param tables evidence tables
 * @param charts chart specifications
 * @param notes facts the reader should know (e.g. which class was taken as positive)
 * @param duration how long the check took
 * @param confusionMatrix the confusion matrix as data, for checks that evaluate predicted classes
 *     with evidence; null otherwise
 */
public record CheckResult(String name, String kind, Status status, String message, List<Measurement> measurements,
        List<ConditionOutcome> conditions, List<EvidenceTable> tables, List<Chart> charts, List<String> notes,
        Duration duration, ConfusionCounts confusionMatrix) {

    /** A result without a confusion matrix. */
    public CheckResult(String name, String kind, Status status, String message, List<Measurement> measurements,
            List<ConditionOutcome> conditions, List<EvidenceTable> tables, List<Chart> charts, List<String> notes,
            Duration duration) {
        this(name, kind, status, message, measurements, conditions, tables, charts, notes, duration, null);
    }

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        measurements = List.copyOf(measurements);
        conditions = List.copyOf(conditions);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
        Objects.requireNonNull(duration, "duration");
    }

    /** A result for a check that could not run. */
    public static CheckResult error(String name, String kind, String message, Duration duration) {
        return new CheckResult(name, kind, Status.ERROR, message, List.of(), List.of(), List.of(), List.of(), List.of(), duration);
    }

    /**
     * The measurement with the {@linkplain Measurement#id() id} {@code id}, e.g. {@code "recall"} or
     * {@code "recall[sex=female]"}.
     *
     * @throws IllegalArgumentException if the check measured no such value
     */
    public Measurement measurement(String id) {
        return findMeasurement(id).orElseThrow(() -> new IllegalArgumentException(
                "check '" + name + "' measured no '" + id + "'; it measured "
                        + measurements.stream().map(Measurement::id).toList()));
    }

    /** The measurement with the {@linkplain Measurement#id() id} {@code id}, if the check measured it. */
    public Optional<Measurement> findMeasurement(String id) {
        return measurements.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
