package dev.assay.core.checks;

import dev.assay.core.check.Observations;
import dev.assay.core.load.BatchSweep;
import dev.assay.core.load.Interval;
import dev.assay.core.load.LatencySummary;
import dev.assay.core.load.LoadCharts;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a load run, a maximum-rate search or a batch sweep shows in a report: its measurements, tables of intervals,
 * errors or search steps, and {@link LoadCharts}. Shared by the {@code latency} check and {@code assay load}.
 */
public final class LoadObservations {
    private LoadObservations() {
    }

    /** A run: latency percentiles, throughput, errors, per-interval table and charts. */
    public static Observations of(LoadResult r) {
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

    /**
     * A search: {@code max_throughput}, {@code knee_rps}, its steps and the throughput-latency curve.
     *
     * @param criterion what a sustained rate meets, for the summary (e.g. "p99 < 200 ms, error rate <= 0.001")
     */
    public static Observations of(MaxRateSearch.Outcome o, String criterion) {
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
        obs.summary(String.format(Locale.ROOT, "Highest sustained rate %.1f req/s (%s) in %d steps", o.maxSustainableRps(), criterion,
                steps));
        return obs;
    }

    /**
     * A batch sweep: {@code max_rows_per_s} and the batch size and workers that reach it among the points
     * meeting {@code meet}, a table of every point and {@link LoadCharts#batchSweep} charts.
     *
     * @param criterion what {@code meet} asks, for the summary (e.g. "p99 < 50 ms, no errors")
     */
    public static Observations of(BatchSweep.Outcome o, Predicate<LoadResult> meet, String criterion) {
        Observations obs = new Observations();
        long points = o.points().size();
        Optional<BatchSweep.Point> best = o.best(meet);
        String none = "no point met " + criterion;
        obs.measurement(new Measurement("max_rows_per_s", best.map(BatchSweep.Point::rowsPerSecond).orElse(0.0), null, null, points,
                best.isPresent() ? null : none, List.of()));
        obs.measurement(new Measurement("best_batch_size", best.map(p -> (double) p.batchSize()).orElse(Double.NaN), null, null,
                points, best.isPresent() ? null : none, List.of()));
        obs.measurement(new Measurement("best_workers", best.map(p -> (double) p.workers()).orElse(Double.NaN), null, null, points,
                best.isPresent() ? null : none, List.of()));
        obs.table(new EvidenceTable("Points of the sweep", List.of("batch size", "workers", "requests per second", "rows per second",
                "p50 (ms)", "p99 (ms)", "errors", "meets"), o.points().stream().map(p -> Arrays.<Object>asList(p.batchSize(), p.workers(),
                        p.result().throughputRps(), p.rowsPerSecond(), p.result().latencyMs().p50(), p.result().latencyMs().p99(),
                        p.result().errorCount(), meet.test(p.result()) ? "yes" : "no")).toList()));
        LoadCharts.batchSweep(o).forEach(obs::chart);
        obs.note("Each point is a closed-loop run: its workers send batches back to back, so latencies are those of a busy model, "
                + "not of users arriving at a fixed rate.");
        obs.summary(best.map(p -> String.format(Locale.ROOT, "Best %.1f rows/s at batch size %d with %d %s (%s)", p.rowsPerSecond(),
                p.batchSize(), p.workers(), p.workers() == 1 ? "worker" : "workers", criterion)).orElse(none + " in " + points + " runs"));
        return obs;
    }
}
