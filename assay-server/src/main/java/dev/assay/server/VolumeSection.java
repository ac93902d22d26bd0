package dev.assay.server;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import java.util.List;

/** Rows and label coverage per window of the selected version. */
final class VolumeSection implements DashboardSection {
    @Override
    public String html(ModelOverview m) {
        if (m.windows.isEmpty()) {
            return "";
        }
        XYChart rows = new XYChart("Rows per window", "", new Axis(m.xLabel(), Double.NaN, Double.NaN), new Axis("rows", 0, Double.NaN),
                List.of(WindowSeries.of("rows", m, w -> w.rows(), Series.Style.LINE)));
        XYChart coverage = new XYChart("Label coverage per window", "", new Axis(m.xLabel(), Double.NaN, Double.NaN),
                Axis.unit("labelled share"), WindowSeries.present(WindowSeries.of("label coverage", m, WindowView::labelCoverage,
                        Series.Style.LINE), WindowSeries.of("", m, w -> Verdict.LOW_COVERAGE, Series.Style.GUIDE)));
        return "<section id=\"volume\"><h2 class=\"section\">Rows and labels</h2><div class=\"charts\">"
                + Html.figure(rows, "rows", "Predictions stored per window.")
                + Html.figure(coverage, "coverage", "Share of each window's rows whose label has arrived; the dashed line is the "
                        + Html.percent(Verdict.LOW_COVERAGE) + " under which the verdict warns.")
                + "</div></section>";
    }
}
