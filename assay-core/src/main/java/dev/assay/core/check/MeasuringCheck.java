package dev.assay.core.check;

import dev.assay.core.data.RowFilter;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The template every built-in check follows: {@link #measure} collects {@link Observations}; this
 * class restricts the run to the check's slice ({@code where}), times the measuring, evaluates the
 * conditions on the measurements and turns exceptions into {@code ERROR} or {@code SKIPPED}
 * results so that one broken check never stops a suite. Errors of the virtual machine (out of
 * memory) are not the check's fault and propagate.
 *
 * <p>Status: {@code ERROR} if measuring failed; otherwise as {@link Conditions#judge} says:
 * {@code ERROR} if a condition is about a value the check did not measure, {@code FAIL} if a
 * failure-level condition did not hold, {@code WARN} if a warning-level one did not, else
 * {@code PASS}.
 */
public abstract class MeasuringCheck implements Check {
    private final CheckSetup setup;
    private final String kind;
    private final Set<String> measures;
    private final Requirements requirements;

    /**
     * @param setup the name, conditions, slice, evaluation settings and seed
     * @param kind the id of the kind, as suites name it in {@code type:}
     * @param measures the ids of the values this check measures, which its conditions may address
     * @param requirements what the run must provide (a model, reference data, column roles)
     */
    protected MeasuringCheck(CheckSetup setup, String kind, Collection<String> measures, Requirements requirements) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.measures = Collections.unmodifiableSet(new LinkedHashSet<>(measures));
        this.requirements = Objects.requireNonNull(requirements, "requirements");
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final Set<String> measures() {
        return measures;
    }

    @Override
    public final Requirements requirements() {
        return requirements;
    }

    @Override
    public final String name() {
        return setup.name();
    }

    @Override
    public final List<Condition> conditions() {
        return setup.conditions();
    }

    /** The rows this check runs on ({@code where}), or null for all rows. */
    public final RowFilter where() {
        return setup.where();
    }

    /** The name, conditions, slice, evaluation settings and seed this check was built with. */
    protected final CheckSetup setup() {
        return setup;
    }

    /**
     * The slice, then {@link #ownSettings()} (override that one to add the check's own settings),
     * then the seed.
     */
    @Override
    public final Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        if (setup.where() != null) {
            out.put("where", setup.where().describe());
        }
        out.putAll(ownSettings());
        out.put("seed", Long.toString(setup.seed()));
        return out;
    }

    /** The settings specific to this kind of check, as text. */
    protected Map<String, String> ownSettings() {
        return Map.of();
    }

    /**
     * Measures on {@code context}, already restricted to the check's slice; throws
     * {@link CheckSkippedException} when the check does not apply and
     * {@link InvalidInputException} (with the fix) when the input is bad.
     */
    protected abstract Observations measure(CheckContext context);

    @Override
    public final CheckResult run(CheckContext context) {
        long start = System.nanoTime();
        Observations obs;
        String dataset = fileName(context.current().info().location());
        try {
            CheckContext scoped = setup.where() == null ? context : context.where(setup.where());
            obs = measure(scoped);
            if (setup.where() != null) {
                dataset = dataset + " where " + setup.where().describe();
                obs.note("Run on the rows where " + setup.where().describe() + " (" + scoped.current().info().rows()
                        + " rows).");
            }
        } catch (CheckSkippedException e) {
            return new CheckResult(name(), kind(), Status.SKIPPED, e.getMessage(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), elapsed(start));
        } catch (InvalidInputException e) {
            return CheckResult.error(name(), kind(), e.getMessage(), elapsed(start));
        } catch (RuntimeException | StackOverflowError e) {
            return CheckResult.error(name(), kind(), "Internal error while running the check: " + e
                    + ". This is a defect in Assay; please report it with the suite file.", elapsed(start));
        }
        Judgement judgement = Conditions.judge(conditions(), obs.measurements(), dataset);
        return new CheckResult(name(), kind(), judgement.status(), judgement.error() == null ? obs.summary() : judgement.error(),
                obs.measurements(), judgement.outcomes(), obs.tables(), obs.charts(), obs.notes(), elapsed(start),
                obs.confusionMatrix());
    }

    /** {@code test.csv} for {@code /data/credit/test.csv}: the name conditions speak of (provenance keeps the path). */
    private static String fileName(String location) {
        if (location == null) {
            return "the current data";
        }
        String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
