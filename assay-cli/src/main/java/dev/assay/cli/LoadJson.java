package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.load.BatchSweep;
import dev.assay.core.load.Interval;
import dev.assay.core.load.LatencySummary;
import dev.assay.core.load.LatencyTrend;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.load.ResourceUse;
import dev.assay.core.load.StressTest;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@code assay load} (docs/load-testing.md): a run's {@code throughput_rps}, {@code latency_ms},
 * {@code errors}, ..., or a mode's own object; NaN (nothing measured) is written as null.
 */
final class LoadJson implements LoadWriter {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String run(LoadResult r, LoadObjectives objectives) {
        ObjectNode root = mapper.createObjectNode();
        node(root, r);
        if (!objectives.isEmpty()) {
            root.put("slo_met", objectives.met(r));
        }
        return write(root);
    }

    /** {@code mode} "profile", the spec and one run's JSON per step. */
    @Override
    public String profile(String spec, List<LoadResult> steps, boolean met) {
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", "profile");
        root.put("profile", spec);
        steps.forEach(r -> node(root.withArray("steps").addObject(), r));
        root.put("slo_met", met);
        return write(root);
    }

    /**
     * {@code mode} "stress" and {@code stress} with both phases (each a run's JSON plus {@code error_rate}
     * and {@code timeouts}), the p99 SLO and {@code recovery_s}.
     */
    @Override
    public String stress(StressTest.Outcome o) {
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", "stress");
        ObjectNode s = root.putObject("stress");
        phase(s.putObject("overload"), o.overload());
        phase(s.putObject("recovery"), o.recovery());
        s.put("p99_slo_ms", o.p99LimitMs());
        number(s, "recovery_s", o.recoverySeconds());
        s.put("recovered", o.recovered());
        return write(root);
    }

    private static void phase(ObjectNode n, LoadResult r) {
        node(n, r);
        n.put("error_rate", r.errorRate());
        n.put("timeouts", r.errors().getOrDefault("timeout", 0L));
    }



    private static void node(ObjectNode root, LoadResult r) {
        root.put("mode", r.mode());
        number(root, "requested_rps", r.requestedRps());
        number(root, "throughput_rps", r.throughputRps());
        root.put("duration_s", r.seconds());
        root.put("sent", r.sent());
        root.put("completed", r.latencyMs().count());
        latency(root.putObject("latency_ms"), r.latencyMs());
        if (r.mode().equals("open")) {
            latency(root.putObject("schedule_lag_ms"), r.scheduleLagMs());
        }
        ObjectNode errors = root.putObject("errors");
        r.errors().forEach(errors::put);
        root.put("error_count", r.errorCount());
        root.put("late_or_dropped", r.lateOrDropped());
        root.put("late", r.late());
        root.put("dropped", r.dropped());
        ResourceUse u = r.resources();
        ObjectNode res = root.putObject("resources");
        if (u.pid() >= 0) {
            res.put("pid", u.pid());
        }
        number(res, "cpu_percent", u.cpuPercent());
        number(res, "max_rss_mb", u.maxRssMb());
        number(res, "jvm_cpu_percent", u.jvmCpuPercent());
        number(res, "jvm_max_heap_mb", u.maxHeapMb());
        res.put("jvm_gc_count", u.gcCount());
        res.put("jvm_gc_ms", u.gcMillis());
        LatencyTrend trend = LatencyTrend.of(r.intervals());
        ObjectNode t = root.putObject("trend");
        t.put("intervals", trend.intervals());
        number(t, "p99_slope_ms_per_minute", trend.p99SlopeMsPerMinute());
        number(t, "last_to_first_quarter_p99", trend.lastToFirstQuarterP99());
        for (Interval i : r.intervals()) {
            ObjectNode n = root.withArray("intervals").addObject();
            n.put("start_s", i.startSeconds());
            n.put("seconds", i.seconds());
            number(n, "throughput_rps", i.throughputRps());
            n.put("errors", i.errors());
            latency(n.putObject("latency_ms"), i.latencyMs());
        }
        if (r.caveat() != null) {
            root.put("caveat", r.caveat());
        }
    }

    private String write(ObjectNode root) {
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code mode} "find_max", its objectives and {@code find_max}. */
    @Override
    public String search(MaxRateSearch.Outcome o, LoadObjectives objectives, double maxErrorRate) {
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", "find_max");
        objectives.texts().forEach(root.putArray("slo")::add);
        root.put("max_error_rate", maxErrorRate);
        ObjectNode f = root.putObject("find_max");
        for (MaxRateSearch.Point p : o.points()) {
            ObjectNode n = f.withArray("points").addObject();
            n.put("requested_rps", p.requestedRps());
            number(n, "throughput_rps", p.throughputRps());
            number(n, "p99_ms", p.p99Ms());
            n.put("error_rate", p.errorRate());
            n.put("sustained", p.sustained());
        }
        number(f, "knee_rps", o.kneeRps());
        number(f, "max_sustainable_rps", o.maxSustainableRps());
        f.put("stopped_by_time_budget", o.stoppedByBudget());
        return write(root);
    }

    /**
     * {@code mode} "batch_sweep", its objectives, {@code points} (each {@code batch_size}, {@code workers},
     * {@code rows_per_s}, {@code meets} and the run's JSON) and {@code best} (the batch size and workers
     * with the most rows per second among the points that meet the objectives; null if none does).
     */
    @Override
    public String sweep(BatchSweep.Outcome o, LoadObjectives objectives) {
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", "batch_sweep");
        objectives.texts().forEach(root.putArray("slo")::add);
        for (BatchSweep.Point p : o.points()) {
            ObjectNode n = root.withArray("points").addObject();
            n.put("batch_size", p.batchSize());
            n.put("workers", p.workers());
            number(n, "rows_per_s", p.rowsPerSecond());
            n.put("meets", objectives.met(p.result()));
            node(n, p.result());
        }
        Optional<BatchSweep.Point> best = o.best(objectives::met);
        if (best.isPresent()) {
            ObjectNode b = root.putObject("best");
            b.put("batch_size", best.get().batchSize());
            b.put("workers", best.get().workers());
            number(b, "rows_per_s", best.get().rowsPerSecond());
        } else {
            root.putNull("best");
        }
        return write(root);
    }



    private static void latency(ObjectNode n, LatencySummary l) {
        number(n, "p50", l.p50());
        number(n, "p90", l.p90());
        number(n, "p99", l.p99());
        number(n, "p999", l.p999());
        number(n, "max", l.max());
        number(n, "mean", l.mean());
    }

    private static void number(ObjectNode n, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            n.putNull(key);
        } else {
            n.put(key, value);
        }
    }
}
