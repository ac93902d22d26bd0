package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.load.FailureKinds;
import dev.assay.core.load.Interval;
import dev.assay.core.load.LatencySummary;
import dev.assay.core.load.LoadCharts;
import dev.assay.core.load.LoadGenerator;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.load.ModelTarget;
import dev.assay.core.model.Model;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a model (see {@link LoadCheckSettings}) and measures its latency percentiles, error rate and
 * throughput; with a {@link MaxRateSearch}, the highest rate that keeps p99 under {@code max_p99_ms} and
 * the error rate at most {@code max_error_rate} instead. Built by {@link LatencyCheckKind}.
 */
final class LatencyCheck extends MeasuringCheck {
    static final String KIND = "latency";
    static final List<String> RUN_MEASURES = List.of("p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms", "throughput_rps",
            "error_rate", "errors", "late_or_dropped");
    static final List<String> SEARCH_MEASURES = List.of("max_throughput", "knee_rps");

    /** The objectives of a search: p99 under {@code p99Ms}, error rate at most {@code errorRate}. */
    record Search(MaxRateSearch search, double p99Ms, double errorRate) {
    }

    private final LoadCheckSettings load;
    private final Search search;

    LatencyCheck(CheckSetup setup, LoadCheckSettings load, Search search) {
        super(setup, KIND, search == null ? RUN_MEASURES : SEARCH_MEASURES, load.requirements());
        this.load = load;
        this.search = search;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>(load.describe());
        if (search != null) {
            out.put("find_max", String.format(Locale.ROOT, "p99 < %s ms, error rate <= %s", search.p99Ms(), search.errorRate()));
        }
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Model model = load.open(context);
        try {
            ModelTarget target = load.target(context, model, KIND);
            LoadGenerator generator = new LoadGenerator(FailureKinds.DEFAULT, load.url() == null ? ProcessHandle.current().pid() : -1,
                    i -> { });
            return search == null ? run(generator.run(target, load.plan())) : search(generator, target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("The " + KIND + " check was interrupted.");
        } finally {
            if (load.url() != null) {
                model.close();
            }
        }
    }

    private static Observations run(LoadResult r) {
        Observations obs = new Observations();
        LatencySummary l = r.latencyMs();
        long n = l.count();
        obs.measurement(Measurement.of("p50_ms", l.p50(), n));
        obs.measurement(Measurement.of("p90_ms", l.p90(), n));
        obs.measurement(Measurement.of("p99_ms", l.p99(), n));
        obs.measurement(Measurement.of("p999_ms", l.p999(), n));
        obs.measurement(Measurement.of("max_ms", l.max(), n));
        obs.measurement(Measurement.of("mean_ms", l.mean(), n));
        obs.measurement(Measurement.of("throughput_rps", r.throughputRps(), n));
        obs.measurement(Measurement.of("error_rate", r.errorRate(), r.sent() + r.dropped()));
        obs.measurement(Measurement.of("errors", r.errorCount(), r.sent() + r.dropped()));
        obs.measurement(Measurement.of("late_or_dropped", r.lateOrDropped(), r.sent() + r.dropped()));
        List<List<Object>> rows = new ArrayList<>();
        for (Interval i : r.intervals()) {
            rows.add(Arrays.asList(i.startSeconds(), i.throughputRps(), i.latencyMs().p50(), i.latencyMs().p99(), i.latencyMs().max(),
                    i.errors()));
        }
        obs.table(new EvidenceTable("Intervals", List.of("start (s)", "answers per second", "p50 (ms)", "p99 (ms)", "max (ms)",
                "errors"), rows));
        if (!r.errors().isEmpty()) {
            obs.table(new EvidenceTable("Errors", List.of("kind", "count"), r.errors().entrySet().stream()
                    .map(e -> List.<Object>of(e.getKey(), e.getValue())).toList()));
        }
        LoadCharts.of(r).forEach(obs::chart);
        obs.note(r.mode().equals("open") ? "Open loop: latency runs from each request's intended send time, so stalls are not "
                + "hidden (no coordinated omission)." : r.caveat());
        obs.summary(String.format(Locale.ROOT, "%.1f req/s; p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d errors of %d requests",
                r.throughputRps(), l.p50(), l.p99(), l.max(), r.errorCount(), r.sent() + r.dropped()));
        return obs;
    }

    private Observations search(LoadGenerator generator, ModelTarget target) throws InterruptedException {
        MaxRateSearch.Outcome o = search.search().search(rate -> generator.run(target, load.plan().withRate(rate)),
                r -> r.latencyMs().p99() < search.p99Ms() && r.errorRate() <= search.errorRate());
        Observations obs = new Observations();
        long steps = o.points().size();
        obs.measurement(new Measurement("max_throughput", Double.isNaN(o.maxSustainableRps()) ? 0 : o.maxSustainableRps(), null, null,
                steps, Double.isNaN(o.maxSustainableRps()) ? "no rate tried was sustained" : null, List.of()));
        obs.measurement(new Measurement("knee_rps", o.kneeRps(), null, null, steps,
                Double.isNaN(o.kneeRps()) ? "every rate tried up to max_rate was sustained" : null, List.of()));
        obs.table(new EvidenceTable("Steps of the search", List.of("requested req/s", "achieved req/s", "p99 (ms)", "error rate",
                "sustained"), o.points().stream().map(p -> Arrays.<Object>asList(p.requestedRps(), p.throughputRps(), p.p99Ms(),
                        p.errorRate(), p.sustained() ? "yes" : "no")).toList()));
        obs.chart(LoadCharts.throughputLatency(o));
        if (o.stoppedByBudget()) {
            obs.note("The time budget ended the search before the rates converged.");
        }
        obs.summary(String.format(Locale.ROOT, "Highest sustained rate %.1f req/s (p99 < %s ms, error rate <= %s) in %d steps",
                o.maxSustainableRps(), search.p99Ms(), search.errorRate(), steps));
        return obs;
    }
}
