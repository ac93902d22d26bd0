package dev.assay.core.check;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The template every built-in check follows: {@link #measure} collects {@link Observations}; this
 * class times it, evaluates the conditions on the measurements and turns exceptions into
 * {@code ERROR} or {@code SKIPPED} results so that one broken check never stops a suite.
 *
 * <p>Status: {@code ERROR} if measuring failed or a condition names a value the check did not
 * measure; otherwise {@code FAIL} if a failure-level condition did not hold, {@code WARN} if a
 * warning-level one did not, else {@code PASS}.
 */
public abstract class MeasuringCheck implements Check {
    private final String name;
    private final List<Condition> conditions;

    protected MeasuringCheck(String name, List<Condition> conditions) {
        this.name = Objects.requireNonNull(name, "name");
        this.conditions = List.copyOf(conditions);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Condition> conditions() {
        return conditions;
    }

    /** Measures on {@code context}; throws {@link CheckSkippedException} when the check does not apply. */
    protected abstract Observations measure(CheckContext context);

    @Override
    public final CheckResult run(CheckContext context) {
        long start = System.nanoTime();
        Observations obs;
        try {
            obs = measure(context);
        } catch (CheckSkippedException e) {
            return new CheckResult(name, kind(), Status.SKIPPED, e.getMessage(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), elapsed(start));
        } catch (InvalidInputException e) {
            return CheckResult.error(name, kind(), e.getMessage(), elapsed(start));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return CheckResult.error(name, kind(), "Internal error while running the check: " + e
                    + ". This is a defect in Assay; please report it with the suite file.", elapsed(start));
        }
        List<ConditionOutcome> outcomes = new ArrayList<>();
        Status status = Status.PASS;
        String message = obs.summary();
        List<Measurement> measured = obs.measurements();
        for (Condition c : conditions) {
            Optional<Measurement> m = measured.stream().filter(x -> x.name().equals(c.metric())).findFirst();
            if (m.isEmpty()) {
                status = Status.ERROR;
                message = "The condition '" + c.text() + "' is about '" + c.metric() + "', which this check does not measure"
                        + "; it measures " + measured.stream().map(Measurement::name).toList() + ".";
                continue;
            }
            ConditionOutcome o = c.evaluate(m.get());
            outcomes.add(o);
            if (!o.passed()) {
                status = status.worst(o.severity() == Severity.FAIL ? Status.FAIL : Status.WARN);
            }
        }
        return new CheckResult(name, kind(), status, message, measured, outcomes, obs.tables(), obs.charts(),
                obs.notes(), elapsed(start));
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
