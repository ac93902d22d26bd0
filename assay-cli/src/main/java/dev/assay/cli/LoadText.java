package dev.assay.cli;

import dev.assay.core.load.BatchSweep;
import dev.assay.core.load.LatencySummary;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.load.StressTest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The terminal form of {@code assay load}'s outcomes: a few lines or a table per mode. */
final class LoadText implements LoadWriter {
    @Override
    public String run(LoadResult r, LoadObjectives objectives) {
        StringBuilder s = new StringBuilder(result(r));
        objectives.verdicts(r).forEach(v -> s.append(v).append('\n'));
        return s.toString();
    }

    @Override
    public String profile(String spec, List<LoadResult> steps, boolean met) {
        StringBuilder s = new StringBuilder("Profile " + spec + "\nrequested req/s  achieved req/s  p50 ms  p99 ms  max ms  errors  "
                + "late or dropped\n");
        for (LoadResult r : steps) {
            s.append(String.format(Locale.ROOT, "%14.1f  %14.1f  %6.2f  %6.2f  %6.2f  %6d  %15d%n", r.requestedRps(), r.throughputRps(),
                    r.latencyMs().p50(), r.latencyMs().p99(), r.latencyMs().max(), r.errorCount(), r.lateOrDropped()));
        }
        return s.append(met ? "Every step met the objectives.\n" : "A step broke an objective or had errors.\n").toString();
    }

    @Override
    public String search(MaxRateSearch.Outcome o, LoadObjectives objectives, double maxErrorRate) {
        StringBuilder s = new StringBuilder("requested req/s  achieved req/s  p99 ms  error rate  sustained\n");
        for (MaxRateSearch.Point p : o.points()) {
            s.append(String.format(Locale.ROOT, "%14.1f  %14.1f  %6.2f  %10.4f  %s%n", p.requestedRps(), p.throughputRps(), p.p99Ms(),
                    p.errorRate(), p.sustained() ? "yes" : "no"));
        }
        s.append(Double.isNaN(o.maxSustainableRps()) ? "No rate tried was sustained.\n"
                : String.format(Locale.ROOT, "Highest sustained rate: %.1f req/s%n", o.maxSustainableRps()));
        s.append(Double.isNaN(o.kneeRps()) ? "Every rate tried was sustained (no knee found).\n"
                : String.format(Locale.ROOT, "Knee (lowest rate not sustained): %.1f req/s%n", o.kneeRps()));
        if (o.stoppedByBudget()) {
            s.append("The time budget ended the search early.\n");
        }
        return s.toString();
    }

    @Override
    public String stress(StressTest.Outcome o) {
        StringBuilder s = new StringBuilder();
        for (LoadResult r : List.of(o.overload(), o.recovery())) {
            s.append(r == o.overload() ? "Overload:\n" : "Recovery:\n").append(result(r));
            s.append(String.format(Locale.ROOT, "Error rate %.4f, timeouts %d%n", r.errorRate(), r.errors().getOrDefault("timeout", 0L)));
        }
        s.append(o.recovered() ? String.format(Locale.ROOT, "Recovered (p99 under %.1f ms) %.1f s after the drop%n", o.p99LimitMs(),
                o.recoverySeconds()) : String.format(Locale.ROOT, "Did not recover: no recovery interval had p99 under %.1f ms "
                + "without errors%n", o.p99LimitMs()));
        return s.toString();
    }

    @Override
    public String sweep(BatchSweep.Outcome o, LoadObjectives objectives) {
        StringBuilder s = new StringBuilder("batch size  workers  req/s       rows/s      p50 ms    p99 ms  errors  meets\n");
        for (BatchSweep.Point p : o.points()) {
            LoadResult r = p.result();
            s.append(String.format(Locale.ROOT, "%10d  %7d  %9.1f  %11.1f  %8.3f  %8.3f  %6d  %s%n", p.batchSize(), p.workers(),
                    r.throughputRps(), p.rowsPerSecond(), r.latencyMs().p50(), r.latencyMs().p99(), r.errorCount(),
                    objectives.met(r) ? "yes" : "no"));
        }
        Optional<BatchSweep.Point> best = o.best(objectives::met);
        s.append(best.map(p -> String.format(Locale.ROOT, "Best: %.1f rows/s at batch size %d with %d worker%s (%s)%n",
                p.rowsPerSecond(), p.batchSize(), p.workers(), p.workers() == 1 ? "" : "s", objectives.criterion()))
                .orElse("No point met " + objectives.criterion() + ".\n"));
        return s.append(LoadResult.CLOSED_LOOP_CAVEAT).append('\n').toString();
    }

    private static String result(LoadResult r) {
        StringBuilder s = new StringBuilder();
        LatencySummary l = r.latencyMs();
        s.append(r.mode().equals("open")
                ? String.format(Locale.ROOT, "Open loop: requested %.1f req/s, achieved %.1f req/s over %.1f s%n", r.requestedRps(),
                        r.throughputRps(), r.seconds())
                : String.format(Locale.ROOT, "Closed loop: achieved %.1f req/s over %.1f s%n", r.throughputRps(), r.seconds()));
        s.append(String.format(Locale.ROOT, "Latency (ms): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  (n=%d)%n", l.p50(),
                l.p90(), l.p99(), l.p999(), l.max(), l.count()));
        s.append("Errors: ").append(r.errors().isEmpty() ? "none" : r.errors().toString()).append('\n');
        s.append("Late or dropped: ").append(r.lateOrDropped()).append('\n');
        if (r.caveat() != null) {
            s.append(r.caveat()).append('\n');
        }
        return s.toString();
    }
}
