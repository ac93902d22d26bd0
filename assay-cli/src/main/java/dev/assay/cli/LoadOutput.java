package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.load.Interval;
import dev.assay.core.load.LatencySummary;
import dev.assay.core.load.LatencyTrend;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.load.ResourceUse;
import dev.assay.core.load.StressTest;
import java.util.List;
import java.util.Locale;

/** The text and JSON forms of a {@link LoadResult}; NaN (nothing measured) is written as JSON null. */
final class LoadOutput {
    private LoadOutput() {
    }

    static String json(LoadResult r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        node(root, r);
        return write(mapper, root);
    }

    /** The JSON of a {@code --profile} run: {@code mode} "profile", the spec and one run's JSON per step. */
    static String json(String spec, List<LoadResult> steps) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", "profile");
        root.put("profile", spec);
        steps.forEach(r -> node(root.withArray("steps").addObject(), r));
        return write(mapper, root);
    }

    /**
     * The JSON of a {@code --stress} run: {@code mode} "stress" and {@code stress} with both phases (each a
     * run's JSON plus {@code error_rate} and {@code timeouts}), the p99 SLO and {@code recovery_s}.
     */
    static String json(StressTest.Outcome o) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", "stress");
        ObjectNode s = root.putObject("stress");
        phase(s.putObject("overload"), o.overload());
        phase(s.putObject("recovery"), o.recovery());
        s.put("p99_slo_ms", o.p99LimitMs());
        number(s, "recovery_s", o.recoverySeconds());
        s.put("recovered", o.recovered());
        return write(mapper, root);
    }

    private static void phase(ObjectNode n, LoadResult r) {
        node(n, r);
        n.put("error_rate", r.errorRate());
        n.put("timeouts", r.errors().getOrDefault("timeout", 0L));
    }

    static String text(StressTest.Outcome o) {
        StringBuilder s = new StringBuilder();
        for (LoadResult r : List.of(o.overload(), o.recovery())) {
            s.append(r == o.overload() ? "Overload:\n" : "Recovery:\n").append(text(r));
            s.append(String.format(Locale.ROOT, "Error rate %.4f, timeouts %d%n", r.errorRate(), r.errors().getOrDefault("timeout", 0L)));
        }
        s.append(o.recovered() ? String.format(Locale.ROOT, "Recovered (p99 under %.1f ms) %.1f s after the drop%n", o.p99LimitMs(),
                o.recoverySeconds()) : String.format(Locale.ROOT, "Did not recover: no recovery interval had p99 under %.1f ms "
                + "without errors%n", o.p99LimitMs()));
        return s.toString();
    }

    static String text(String spec, List<LoadResult> steps) {
        StringBuilder s = new StringBuilder("Profile " + spec + "\nrequested req/s  achieved req/s  p50 ms  p99 ms  max ms  errors  "
                + "late or dropped\n");
        for (LoadResult r : steps) {
            s.append(String.format(Locale.ROOT, "%14.1f  %14.1f  %6.2f  %6.2f  %6.2f  %6d  %15d%n", r.requestedRps(), r.throughputRps(),
                    r.latencyMs().p50(), r.latencyMs().p99(), r.latencyMs().max(), r.errorCount(), r.lateOrDropped()));
        }
        return s.toString();
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

    private static String write(ObjectMapper mapper, ObjectNode root) {
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of a {@code --find-max} search: {@code mode} "find_max", its objectives and {@code find_max}. */
    static String json(MaxRateSearch.Outcome o, List<String> slos, double maxErrorRate) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", "find_max");
        slos.forEach(root.putArray("slo")::add);
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
        return write(mapper, root);
    }

    static String text(MaxRateSearch.Outcome o) {
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

    static String text(LoadResult r) {
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
