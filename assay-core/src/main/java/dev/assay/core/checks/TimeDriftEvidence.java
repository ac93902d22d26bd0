package dev.assay.core.checks;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Chart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.drift.ColumnDrift;
import dev.assay.core.drift.time.TimeDrift;
import dev.assay.core.drift.time.WindowResult;
import dev.assay.core.result.EvidenceTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence of a drift-over-time check: a table with one row per window (rows, drifted share, each
 * column's statistic, the metric and its interval) and line charts of the drifted share, each column's
 * effect size and the metric over the windows (x: the window's number in time order).
 */
final class TimeDriftEvidence {
    private TimeDriftEvidence() {
    }

    static EvidenceTable table(TimeDrift result, List<String> columns, String metric) {
        List<String> header = new ArrayList<>(List.of("#", "window", "rows", "drift share", "drift"));
        columns.forEach(c -> header.add(c));
        if (metric != null) {
            header.add(metric);
            header.add("interval");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < result.windows().size(); i++) {
            WindowResult w = result.windows().get(i);
            List<Object> row = new ArrayList<>(List.of(i + 1, w.label() + (i == result.firstDriftWindow() ? " (drift starts)" : ""),
                    w.rows(), w.measured() ? w.drift().driftShare() : "-", w.measured() ? (w.drifted() ? "yes" : "no")
                            : "too few rows"));
            for (String c : columns) {
                row.add(w.measured() ? w.drift().column(c).map(TimeDriftEvidence::statistic).orElse("-") : "-");
            }
            if (metric != null) {
                row.add(w.metric() == null || !w.metric().defined() ? "-" : w.metric().value());
                row.add(w.interval() == null ? "-" : String.format(java.util.Locale.ROOT, "%.3f-%.3f", w.interval().lower(),
                        w.interval().upper()));
            }
            rows.add(row);
        }
        return new EvidenceTable("Drift by time window (column cells: method statistic, * = drifted)", header, rows);
    }

    private static String statistic(ColumnDrift c) {
        return String.format(java.util.Locale.ROOT, "%s %.4g%s", c.method().id(), c.statistic(), c.drift() ? " *" : "");
    }

    static List<Chart> charts(TimeDrift result, List<String> columns, String metric, double driftShare) {
        List<WindowResult> measured = result.windows().stream().filter(WindowResult::measured).toList();
        double[] x = new double[measured.size()];
        double[] share = new double[measured.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = result.windows().indexOf(measured.get(i)) + 1;
            share[i] = measured.get(i).drift().driftShare();
        }
        String axis = "window" + (measured.isEmpty() ? "" : " (1 = " + result.windows().get(0).label() + ")");
        List<Chart> out = new ArrayList<>();
        List<Series> shareSeries = new ArrayList<>(List.of(new Series("drifted share", x, share, Series.Style.LINE)));
        if (x.length > 0) {
            shareSeries.add(new Series("dataset drift from", new double[] {x[0], x[x.length - 1]},
                    new double[] {driftShare, driftShare}, Series.Style.GUIDE));
        }
        if (result.firstDriftWindow() >= 0) {
            shareSeries.add(new Series("drift starts", new double[] {result.firstDriftWindow() + 1},
                    new double[] {result.windows().get(result.firstDriftWindow()).drift().driftShare()}, Series.Style.MARKER));
        }
        out.add(new XYChart("Drifted share of columns per window", "Share of compared columns that drifted against the reference",
                Axis.auto(axis), Axis.unit("drifted share"), shareSeries));
        List<Series> effects = new ArrayList<>();
        for (String c : columns) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = measured.get(i).drift().column(c).map(ColumnDrift::effectSize).orElse(Double.NaN);
            }
            effects.add(new Series(c, x, y, Series.Style.LINE));
        }
        if (!effects.isEmpty()) {
            out.add(new XYChart("Effect size per column and window", "Wasserstein distance in reference standard deviations"
                    + " (numbers) or Cramer's V (categories)", Axis.auto(axis), Axis.auto("effect size"), effects));
        }
        if (metric != null) {
            List<WindowResult> scored = measured.stream().filter(w -> w.metric() != null && w.metric().defined()).toList();
            double[] mx = scored.stream().mapToDouble(w -> result.windows().indexOf(w) + 1).toArray();
            List<Series> series = new ArrayList<>(List.of(new Series(metric, mx, scored.stream().mapToDouble(w -> w.metric()
                    .value()).toArray(), Series.Style.LINE)));
            if (scored.stream().allMatch(w -> w.interval() != null) && !scored.isEmpty()) {
                series.add(new Series("lower", mx, scored.stream().mapToDouble(w -> w.interval().lower()).toArray(),
                        Series.Style.GUIDE));
                series.add(new Series("upper", mx, scored.stream().mapToDouble(w -> w.interval().upper()).toArray(),
                        Series.Style.GUIDE));
            }
            out.add(new XYChart(metric + " per window", "The model's " + metric + " on each window with its interval",
                    Axis.auto(axis), Axis.auto(metric), series));
        }
        return out;
    }
}
