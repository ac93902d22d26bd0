package dev.assay.core.chart;

/**
 * One named set of points of an {@link XYChart}.
 *
 * @param x the x values; same length as {@code y}
 * @param y the y values
 */
public record Series(String name, double[] x, double[] y, Style style) {

    /** How the points are drawn. */
    public enum Style {
        /** Points joined by straight lines. */
        LINE,
        /** Points joined by horizontal-then-vertical steps (precision-recall curves). */
        STEP,
        /** Unjoined points (scatter plots). */
        POINTS,
        /** Large highlighted points, such as a chosen operating point on a curve. */
        MARKER,
        /** A thin dashed line, for guides such as the diagonal of a ROC plot or y = 0. */
        GUIDE
    }

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values, " + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
    }
}
