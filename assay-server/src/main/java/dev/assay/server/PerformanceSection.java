package dev.assay.server;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Estimated (CBPE, with its reference band) and realised performance: the verdict window's metrics in a table and
 * accuracy (or the first metric there is) over the selected version's windows.
 */
final class PerformanceSection implements DashboardSection {
    private static final String PREFERRED = "accuracy";

    @Override
    public String html(ModelOverview m) {
        if (m.verdict == null) {
            return "";
        }
        WindowView w = m.verdict.window();
        Set<String> metrics = new LinkedHashSet<>(w.estimated().keySet());
        metrics.addAll(w.realised().keySet());
        StringBuilder b = new StringBuilder("<section id=\"performance\"><h2 class=\"section\">Performance</h2>");
        if (metrics.isEmpty()) {
            return b.append("<p class=\"empty\">No estimate and no label yet: a reference with labels calibrates CBPE's estimates; "
                    + "labels sent to POST .../labels give the realised metrics.</p></section>").toString();
        }
        b.append("<div class=\"table-wrap fit\"><table class=\"performance\"><thead><tr><th>metric</th><th class=\"num\">estimated</th>"
                + "<th class=\"num\">band</th><th class=\"num\">realised</th></tr></thead><tbody>");
        for (String metric : metrics) {
            WindowView.Estimate e = w.estimated().get(metric);
            double realised = w.realised().getOrDefault(metric, Double.NaN);
            b.append("<tr><td>").append(Html.e(metric)).append("</td><td class=\"num").append(e != null && e.alert() ? " bad" : "")
                    .append("\">").append(e == null ? "–" : Html.num(e.value(), 3)).append("</td><td class=\"num\">")
                    .append(e == null ? "–" : Html.num(e.lower(), 3) + " – " + Html.num(e.upper(), 3)).append("</td><td class=\"num")
                    .append(e != null && realised < e.lower() ? " bad" : "").append("\">").append(Html.num(realised, 3)).append("</td></tr>");
        }
        b.append("</tbody></table></div>");
        String metric = metrics.contains(PREFERRED) ? PREFERRED : metrics.iterator().next();
        XYChart chart = new XYChart(metric + " over windows", "", new Axis(m.xLabel(), Double.NaN, Double.NaN), Axis.unit(metric),
                WindowSeries.present(
                        WindowSeries.of("estimated (CBPE)", m, x -> estimate(x, metric).value(), Series.Style.LINE),
                        WindowSeries.of("realised", m, x -> x.realised().getOrDefault(metric, Double.NaN), Series.Style.LINE),
                        WindowSeries.of("band", m, x -> estimate(x, metric).lower(), Series.Style.GUIDE),
                        WindowSeries.of("", m, x -> estimate(x, metric).upper(), Series.Style.GUIDE)));
        return b.append("<div class=\"charts\">").append(Html.figure(chart, "perf", "Estimated " + metric + " (CBPE, from the scores) "
                + "with its reference band (dashed), and the realised " + metric + " of the labelled rows, per window.")).append("</div></section>")
                .toString();
    }

    private static WindowView.Estimate estimate(WindowView w, String metric) {
        WindowView.Estimate e = w.estimated().get(metric);
        return e != null ? e : new WindowView.Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
    }
}
