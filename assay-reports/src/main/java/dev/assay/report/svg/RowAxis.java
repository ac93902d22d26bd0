package dev.assay.report.svg;

/**
 * The shared layout of the charts drawn as labelled rows over one horizontal value axis (waterfalls,
 * beeswarms): labels on the left, the plot in the middle, an optional value column on the right, and
 * the tick labels and axis title below the rows.
 */
final class RowAxis {
    static final double ROW = 20;
    static final double TOP = 34;
    private static final double LABEL_WIDTH = 140;

    final double left;
    final double right;
    final Ticks ticks;

    RowAxis(double lo, double hi, double valueColumn) {
        this.left = LABEL_WIDTH + 8;
        this.right = Svg.WIDTH - 10 - valueColumn;
        this.ticks = Ticks.of(lo, hi, Double.NaN, Double.NaN, 4);
    }

    /** The x coordinate of value {@code v}. */
    double x(double v) {
        return left + (v - ticks.min()) / (ticks.max() - ticks.min()) * (right - left);
    }

    /** The y coordinate of the middle of row {@code i}. */
    static double y(int i) {
        return TOP + (i + 0.5) * ROW;
    }

    /** A row's label, right-aligned before the plot and shortened to fit. */
    void label(Svg svg, int i, String text) {
        svg.text(left - 6, y(i) + 4, text, "end", "", LABEL_WIDTH, Svg.SMALL);
    }

    /** The height of a chart of {@code rows} rows with {@code extra} units below the axis title. */
    static int height(int rows, double extra) {
        return (int) Math.ceil(TOP + rows * ROW + 40 + extra);
    }

    /** Grid lines over {@code rows} rows, tick labels and the axis title below. */
    void frame(Svg svg, int rows, String title) {
        double bottom = TOP + rows * ROW;
        for (double v : ticks.values()) {
            svg.line(x(v), TOP, x(v), bottom, Svg.GRID, "");
            svg.text(x(v), bottom + 15, ticks.label(v), "middle", "fill=\"" + Svg.MUTED + "\"", 60, Svg.SMALL);
        }
        if (ticks.min() < 0 && ticks.max() > 0) {
            svg.line(x(0), TOP, x(0), bottom, Svg.AXIS, "");
        }
        svg.text((left + right) / 2, bottom + 32, title == null ? "" : title, "middle", "font-size=\"" + Svg.LABEL + "\"",
                right - left + 100, Svg.LABEL);
    }
}
