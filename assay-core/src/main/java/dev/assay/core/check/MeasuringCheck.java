package dev.assay.core.check;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The template every built-in check follows: {@link #measure} collects {@link Observations}; this
 * class times it, evaluates the conditions on the measurements and turns exceptions into
 * {@code ERROR} or {@code SKIPPED} results so that one broken check never stops a suite.
 *
 * <p>Status: {@code ERROR} if measuring failed; otherwise as {@link Conditions#judge} says:
 * {@code ERROR} if a condition is about a value the check did not measure, {@code FAIL} if a
 * failure-level condition did not hold, {@code WARN} if a warning-level one did not, else
 * {@code PASS}.
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
        Judgement judgement = Conditions.judge(conditions, obs.measurements(), context.current().info().location());
        return new CheckResult(name, kind(), judgement.status(), judgement.error() == null ? obs.summary() : judgement.error(),
                obs.measurements(), judgement.outcomes(), obs.tables(), obs.charts(), obs.notes(), elapsed(start));
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
