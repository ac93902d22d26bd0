package dev.assay.server;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Gauges of the latest window of every model version in Prometheus' text format (0.0.4): rows, label coverage,
 * window start, drift per column, CBPE estimates with their band and realised metrics. They come from the stored
 * window aggregates and the reference's form (no prediction row is read) through {@link WindowSummary}, so they equal
 * the summary JSON; the text is kept for {@link #TTL_MILLIS} so that frequent scrapes stay cheap.
 */
final class WindowGauges {
    static final long TTL_MILLIS = 5_000;

    private record Family(String name, String help, List<String> samples) {
    }

    private final MonitoringStore store;
    private final WindowSummaries summaries;
    private final LongSupplier clock;
    private String text;
    private long computedAt;

    WindowGauges(MonitoringStore store, WindowSummaries summaries, LongSupplier clock) {
        this.store = store;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** The gauges' exposition, computed again when older than {@link #TTL_MILLIS}. */
    synchronized String exposition() throws SQLException {
        long now = clock.getAsLong();
        if (text == null || now - computedAt >= TTL_MILLIS) {
            text = compute();
            computedAt = now;
        }
        return text;
    }

    private String compute() throws SQLException {
        Map<String, Family> families = new LinkedHashMap<>();
        family(families, "assay_window_rows", "Rows of the latest window of the model version.");
        family(families, "assay_window_start_seconds", "Start of the latest window of the model version, in seconds since the epoch.");
        family(families, "assay_label_coverage", "Share of the latest window's rows whose label has arrived.");
        family(families, "assay_drift_score", "Drift statistic of a column against the reference in the latest window: "
                + "statistic ks (Kolmogorov-Smirnov D), chi_square (Pearson X2) or psi (population stability index).");
        family(families, "assay_drift_p_value", "p-value of the drift test of a column in the latest window.");
        family(families, "assay_drift_adjusted_p_value", "Benjamini-Hochberg adjusted p-value over the latest window's columns.");
        family(families, "assay_estimated_metric", "CBPE estimate of a metric in the latest window, before labels arrive.");
        family(families, "assay_estimated_metric_lower", "Lower bound of the reference band of the CBPE estimate.");
        family(families, "assay_estimated_metric_upper", "Upper bound of the reference band of the CBPE estimate.");
        family(families, "assay_realised_metric", "Metric of the labelled rows of the latest window.");
        for (String model : store.models()) {
            for (Map<String, Object> m : summaries.latest(model)) {
                WindowView w = WindowView.of(m);
                String mv = label("model", model) + "," + label("version", w.version());
                sample(families, "assay_window_rows", mv, w.rows());
                sample(families, "assay_window_start_seconds", mv, w.start().getEpochSecond());
                sample(families, "assay_label_coverage", mv, w.labelCoverage());
                for (WindowView.Drift d : w.drift()) {
                    String col = mv + "," + label("feature", d.column());
                    sample(families, "assay_drift_score", col + "," + label("statistic", d.test()), d.statistic());
                    sample(families, "assay_drift_score", col + "," + label("statistic", "psi"), d.psi());
                    sample(families, "assay_drift_p_value", col + "," + label("statistic", d.test()), d.pValue());
                    sample(families, "assay_drift_adjusted_p_value", col + "," + label("statistic", d.test()), d.adjustedPValue());
                }
                w.estimated().forEach((metric, e) -> {
                    String l = mv + "," + label("metric", metric);
                    sample(families, "assay_estimated_metric", l, e.value());
                    sample(families, "assay_estimated_metric_lower", l, e.lower());
                    sample(families, "assay_estimated_metric_upper", l, e.upper());
                });
                w.realised().forEach((metric, v) -> sample(families, "assay_realised_metric", mv + "," + label("metric", metric), v));
            }
        }
        StringBuilder s = new StringBuilder();
        for (Family f : families.values()) {
            s.append("# HELP ").append(f.name()).append(' ').append(f.help()).append('\n');
            s.append("# TYPE ").append(f.name()).append(" gauge\n");
            f.samples().forEach(x -> s.append(x).append('\n'));
        }
        return s.toString();
    }

    private static void family(Map<String, Family> families, String name, String help) {
        families.put(name, new Family(name, help, new ArrayList<>()));
    }

    /** Adds a sample; an absent value (NaN) is left out rather than exported as NaN. */
    private static void sample(Map<String, Family> families, String name, String labels, double value) {
        if (Double.isFinite(value)) {
            families.get(name).samples().add(name + "{" + labels + "} " + (value == Math.rint(value) && Math.abs(value) < 1e15
                    ? String.valueOf((long) value) : String.valueOf(value)));
        }
    }

    private static String label(String name, String value) {
        return name + "=\"" + ServerMetrics.escape(value) + "\"";
    }
}
