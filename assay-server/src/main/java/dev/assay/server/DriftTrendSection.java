package dev.assay.server;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import java.util.ArrayList;
import java.util.List;

/**
 * PSI over the selected version's windows of the columns that drifted most in the verdict's window (PSI, unlike
 * the KS and chi-square statistics, is on one scale for numeric and categorical columns).
 */
final class DriftTrendSection implements DashboardSection {
    private static final int TOP = 3;

    @Override
    public String html(ModelOverview m) {
        if (m.verdict == null || m.verdict.window().drifted().isEmpty()) {
            return "";
        }
        List<Series> series = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (WindowView.Drift d : m.verdict.window().drifted().subList(0, Math.min(TOP, m.verdict.window().drifted().size()))) {
            Series s = WindowSeries.of(d.column(), m, w -> psi(w, d.column()), Series.Style.LINE);
            if (s != null) {
                series.add(s);
                names.add(d.column());
            }
        }
        if (series.isEmpty()) {
            return "";
        }
        XYChart chart = new XYChart("Drift over windows", "", new Axis(m.xLabel(), Double.NaN, Double.NaN), new Axis("PSI", 0, Double.NaN),
                series);
        return "<section id=\"drift-trend\"><h2 class=\"section\">Drift over windows</h2><div class=\"charts\">"
                + Html.figure(chart, "trend", "Population stability index against the reference of the " + names.size()
                        + " most drifted columns: " + String.join(", ", names) + ".")
                + "</div></section>";
    }

    private static double psi(WindowView w, String column) {
        WindowView.Drift d = w.drift(column);
        return d == null ? Double.NaN : d.psi();
    }
}
