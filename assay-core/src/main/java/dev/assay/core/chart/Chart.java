package dev.assay.core.chart;

/**
 * A chart as data: what to draw, never how. Report writers turn these into pictures (SVG in the
 * HTML report); checks and metrics produce them. Producers keep them small (a few thousand points
 * at most) by downsampling curves and sampling scatter plots.
 */
public sealed interface Chart permits HeatmapChart, XYChart, BarChart, WaterfallChart, BeeswarmChart {

    /** A short title, e.g. {@code "ROC curve"}. */
    String title();

    /** One sentence saying how to read the chart; may be empty. */
    String caption();
}
