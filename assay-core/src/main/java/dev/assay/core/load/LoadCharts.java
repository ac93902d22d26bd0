package dev.assay.core.load;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Chart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The charts of a load run: latency percentiles per interval over time, the percentile curve of all
 * latencies (x in "nines", {@code -log10(1 - p/100)}: 1 is p90, 2 is p99, 3 is p99.9, as HdrHistogram
 * plots), the throughput-latency curve of a maximum-rate search, and rows per second and latency by
 * batch size of a batch sweep.
 */
public final class LoadCharts {
    private static final double MAX_NINES = 5;

    private LoadCharts() {
    }

    /** The charts of one run: over time (with two or more intervals) and its distribution (when anything was measured). */
    public static List<Chart> of(LoadResult r) {
        List<Chart> out = new ArrayList<>();
        if (r.intervals().stream().filter(i -> i.latencyMs().count() > 0).count() >= 2) {
            out.add(overTime(r.intervals()));
        }
        if (r.distribution().ms().length > 0) {
            out.add(distribution(r.distribution()));
        }
        return out;
    }

    static XYChart overTime(List<Interval> all) {
        List<Interval> intervals = all.stream().filter(i -> i.latencyMs().count() > 0).toList();
        double[] t = intervals.stream().mapToDouble(i -> i.startSeconds() + i.seconds()).toArray();
        return new XYChart("Latency per interval", "Percentiles of the requests answered in each interval, by the interval's end.",
                new Axis("seconds", 0, Double.NaN), new Axis("latency (ms)", 0, Double.NaN), List.of(
                        line("p50", t, intervals, l -> l.p50()),
                        line("p90", t, intervals, l -> l.p90()),
                        line("p99", t, intervals, l -> l.p99()),
                        line("max", t, intervals, l -> l.max())));
    }

    static XYChart distribution(LatencyDistribution d) {
        double[] nines = new double[d.percentiles().length];
        for (int i = 0; i < nines.length; i++) {
            nines[i] = Math.min(MAX_NINES, -Math.log10(1 - d.percentiles()[i] / 100));
        }
        return new XYChart("Latency distribution", "Latency at each percentile; x in nines: 1 = p90, 2 = p99, 3 = p99.9, "
                + "5 = p99.999 and the maximum.", new Axis("percentile (nines)", 0, MAX_NINES), new Axis("latency (ms)", 0, Double.NaN),
                List.of(new Series("latency", nines, d.ms(), Series.Style.LINE)));
    }

    /** The throughput-latency curve of a search: p99 against the achieved rate, sustained rates marked. */
    public static XYChart throughputLatency(MaxRateSearch.Outcome o) {
        List<MaxRateSearch.Point> points = o.points().stream().filter(p -> !Double.isNaN(p.throughputRps())
                && !Double.isNaN(p.p99Ms())).toList();
        List<MaxRateSearch.Point> sustained = points.stream().filter(MaxRateSearch.Point::sustained).toList();
        return new XYChart("Throughput and latency", "p99 latency against the achieved rate of each step of the search, in "
                + "the order of the requested rate; the sustained steps are marked.", new Axis("achieved requests per second", 0,
                        Double.NaN), new Axis("p99 latency (ms)", 0, Double.NaN), List.of(
                        new Series("all steps", x(points), y(points), Series.Style.LINE),
                        new Series("sustained", x(sustained), y(sustained), Series.Style.MARKER)));
    }

    /**
     * The charts of a batch sweep: rows predicted per second against the batch size, and p99 request
     * latency against the batch size, one line per worker count.
     */
    public static List<Chart> batchSweep(BatchSweep.Outcome o) {
        List<Integer> workers = o.points().stream().map(BatchSweep.Point::workers).distinct().toList();
        List<Series> rows = new ArrayList<>();
        List<Series> p99 = new ArrayList<>();
        for (int w : workers) {
            List<BatchSweep.Point> line = o.points().stream().filter(p -> p.workers() == w).toList();
            double[] batch = line.stream().mapToDouble(BatchSweep.Point::batchSize).toArray();
            String name = w + (w == 1 ? " worker" : " workers");
            rows.add(new Series(name, batch, line.stream().mapToDouble(BatchSweep.Point::rowsPerSecond).toArray(), Series.Style.LINE));
            p99.add(new Series(name, batch, line.stream().mapToDouble(p -> p.result().latencyMs().p99()).toArray(), Series.Style.LINE));
        }
        return List.of(new XYChart("Rows per second by batch size", "Rows predicted per second (requests per second times the "
                + "batch size) at each batch size, one line per number of workers.", new Axis("batch size (rows)", 0, Double.NaN),
                new Axis("rows per second", 0, Double.NaN), rows),
                new XYChart("Request latency by batch size", "p99 latency of a request (one batch) at each batch size, one line per "
                        + "number of workers.", new Axis("batch size (rows)", 0, Double.NaN), new Axis("p99 latency (ms)", 0,
                                Double.NaN), p99));
    }

    private static Series line(String name, double[] t, List<Interval> intervals, ToDoubleFunction<LatencySummary> f) {
        return new Series(name, t, intervals.stream().mapToDouble(i -> f.applyAsDouble(i.latencyMs())).toArray(), Series.Style.LINE);
    }

    private static double[] x(List<MaxRateSearch.Point> points) {
        return points.stream().mapToDouble(MaxRateSearch.Point::throughputRps).toArray();
    }

    private static double[] y(List<MaxRateSearch.Point> points) {
        return points.stream().mapToDouble(MaxRateSearch.Point::p99Ms).toArray();
    }
}
