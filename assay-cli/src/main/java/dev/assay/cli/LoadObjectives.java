package dev.assay.cli;

import dev.assay.core.load.LatencySummary;
import dev.assay.core.load.LoadResult;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --slo} objectives of {@code assay load}, such as {@code p99<200ms}: each a latency
 * percentile of the run and a limit in milliseconds it must stay under.
 */
final class LoadObjectives {
    private static final Pattern SLO = Pattern.compile("(p50|p90|p99|p999|max)\\s*<\\s*(\\d+(?:\\.\\d+)?)\\s*ms");
    private static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p999", "max");
    private static final List<ToDoubleFunction<LatencySummary>> READERS = List.of(LatencySummary::p50, LatencySummary::p90,
            LatencySummary::p99, LatencySummary::p999, LatencySummary::max);

    /** One objective: the percentile's index in {@code p50, p90, p99, p999, max} and its limit. */
    private record Objective(String text, int percentile, double limitMs) {
        double measured(LoadResult r) {
            return READERS.get(percentile).applyAsDouble(r.latencyMs());
        }
    }

    private final List<Objective> objectives;

    private LoadObjectives(List<Objective> objectives) {
        this.objectives = objectives;
    }

    /** Parses {@code --slo} values; a malformed one is a usage error that shows the form. */
    static LoadObjectives parse(List<String> texts) {
        return new LoadObjectives(texts.stream().map(LoadObjectives::objective).toList());
    }

    boolean isEmpty() {
        return objectives.isEmpty();
    }

    /** The objectives as given. */
    List<String> texts() {
        return objectives.stream().map(Objective::text).toList();
    }

    /** Whether every latency objective holds (errors aside). */
    boolean latencyMet(LoadResult r) {
        return objectives.stream().allMatch(o -> o.measured(r) < o.limitMs());
    }

    /** Whether every latency objective holds and no request failed. */
    boolean met(LoadResult r) {
        return latencyMet(r) && r.errorCount() == 0;
    }

    /** One line per objective, e.g. "SLO p99<200ms: met (measured 12.300 ms, 0 errors)". */
    List<String> verdicts(LoadResult r) {
        return objectives.stream().map(o -> String.format(Locale.ROOT, "SLO %s: %s (measured %.3f ms, %d errors)", o.text(),
                o.measured(r) < o.limitMs() && r.errorCount() == 0 ? "met" : "BROKEN", o.measured(r), r.errorCount())).toList();
    }

    /** The limit of the p99 objective, if one was given. */
    OptionalDouble p99Limit() {
        return objectives.stream().filter(o -> o.percentile() == 2).mapToDouble(Objective::limitMs).findFirst();
    }

    /** What a run must meet, for summaries: the objectives and "no errors". */
    String criterion() {
        return objectives.isEmpty() ? "no errors" : String.join(", ", texts()) + ", no errors";
    }

    private static Objective objective(String text) {
        Matcher m = SLO.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw Options.invalid("--slo", text, List.of("p50, p90, p99, p999 or max, then '<' and milliseconds, e.g. \"p99<200ms\""));
        }
        return new Objective(text, PERCENTILES.indexOf(m.group(1)), Double.parseDouble(m.group(2)));
    }
}
