package dev.assay.report.svg;

import dev.assay.core.chart.BarChart;
import dev.assay.core.chart.BeeswarmChart;
import dev.assay.core.chart.Chart;
import dev.assay.core.chart.HeatmapChart;
import dev.assay.core.chart.WaterfallChart;
import dev.assay.core.chart.XYChart;

/**
 * Turns a {@link Chart} into a small, self-contained SVG document: a {@code viewBox} so that it
 * scales, {@code role="img"} with a {@code <title>} (and the caption as {@code <desc>}) for screen
 * readers, system fonts, no scripts and no external references. The output is deterministic: the
 * same chart gives the same bytes; coordinates are printed with one decimal.
 */
public final class SvgCharts {

    private SvgCharts() {
    }

    /** The chart as SVG, with element ids prefixed {@code "chart"}; use {@link #render(Chart, String)} to inline several in one page. */
    public static String render(Chart chart) {
        return render(chart, "chart");
    }

    /**
     * The chart as SVG.
     *
     * @param idPrefix a prefix for the ids of the SVG's internal elements (a clip path), unique within
     *     the page the SVG is inlined into
     */
    public static String render(Chart chart, String idPrefix) {
        if (chart instanceof XYChart xy) {
            return XYChartSvg.render(xy, idPrefix);
        }
        if (chart instanceof HeatmapChart heatmap) {
            return HeatmapSvg.render(heatmap);
        }
        if (chart instanceof WaterfallChart waterfall) {
            return WaterfallSvg.render(waterfall);
        }
        if (chart instanceof BeeswarmChart beeswarm) {
            return BeeswarmSvg.render(beeswarm);
        }
        return BarChartSvg.render((BarChart) chart);
    }
}
