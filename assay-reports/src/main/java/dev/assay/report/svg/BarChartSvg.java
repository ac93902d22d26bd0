package dev.assay.report.svg;

import dev.assay.core.chart.BarChart;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link BarChart}: one group of bars per category, each bar with its value written on it and,
 * when the chart has intervals, a whisker from the lower to the upper bound (the value is then
 * written above the whisker).
 */
final class BarChartSvg {

    private static final double PLOT_HEIGHT = 200;
    private static final double TOP = 34;
    /** The longest a slanted category label may be, in SVG units. */
    private static final double CATEGORY_LABEL_MAX = 140;

    private BarChartSvg() {
    }

    static String render(BarChart chart) {
        int cats = chart.categories().size();
        int nSeries = chart.series().size();
        double lo = 0;
        double hi = 0;
        int widestValue = 1;
        for (double[] s : chart.series()) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                widestValue = Math.max(widestValue, Svg.value(v).length());
            }
        }
        for (List<double[]> bounds : List.of(chart.lower(), chart.upper())) {
            for (double[] b : bounds) {
                for (double v : b) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        String axisLabel = chart.valueAxisLabel() == null ? "" : chart.valueAxisLabel();
        Ticks probe = Ticks.of(lo, hi, Double.NaN, Double.NaN, 5);
        double left = (axisLabel.isEmpty() ? 8 : 24) + Svg.textWidth("0".repeat(probe.widestLabel()), Svg.SMALL) + 10;
        double plotW = Svg.WIDTH - left - 16;
        double groupW = plotW / Math.max(1, cats);
        double barW = groupW * 0.78 / Math.max(1, nSeries);
        boolean labelled = barW >= Svg.VALUE;
        boolean upright = barW >= Svg.textWidth("0".repeat(widestValue), Svg.VALUE) + 2;
        double room = !labelled ? 4 : upright ? Svg.VALUE + 4 : Svg.textWidth("0".repeat(widestValue), Svg.VALUE) + 6;
        double widestCategory = chart.categories().stream().mapToDouble(c -> Svg.textWidth(c, Svg.SMALL)).max().orElse(0);
        boolean slanted = widestCategory > groupW - 4;
        List<List<String>> labels = chart.categories().stream().map(c -> slanted ? lines(c) : List.of(c)).toList();
        double widestLine = labels.stream().flatMap(List::stream).mapToDouble(c -> Svg.textWidth(c, Svg.SMALL)).max().orElse(0);
        int lineCount = labels.stream().mapToInt(List::size).max().orElse(1);
        double span = (hi - lo) == 0 ? 1 : hi - lo;
        double headroom = span * room / (PLOT_HEIGHT - room);
        Ticks t = Ticks.of(lo - (lo < 0 ? headroom : 0), hi + (hi > 0 || lo == 0 ? headroom : 0), Double.NaN, Double.NaN, 5);

        double bottom = TOP + PLOT_HEIGHT;
        List<Svg.LegendEntry> legend = new ArrayList<>();
        if (nSeries > 1) {
            for (int s = 0; s < nSeries; s++) {
                legend.add(new Svg.LegendEntry(chart.seriesNames().get(s), Svg.PALETTE[s % Svg.PALETTE.length], Svg.Mark.SQUARE));
            }
        }
        int legendRows = Svg.legendRows(Svg.WIDTH - 20, legend);
        double legendTop = bottom + (slanted ? Math.min(CATEGORY_LABEL_MAX, widestLine) * 0.71 + 34 + (lineCount - 1) * 7 : 42);
        int height = (int) Math.ceil(legendTop + legendRows * 18 - (legendRows > 0 ? 4 : 16) + 8);

        Svg svg = new Svg().open(height, chart.title(), chart.caption());
        for (double v : t.values()) {
            double y = py(v, t, bottom);
            svg.line(left, y, left + plotW, y, Svg.GRID, "");
            svg.text(left - 6, y + 4, t.label(v), "end", "fill=\"" + Svg.MUTED + "\"", left, Svg.SMALL);
        }
        if (!axisLabel.isEmpty()) {
            svg.text(0, 0, axisLabel, "middle", "font-size=\"" + Svg.LABEL + "\" transform=\"translate(14 " + Svg.num(TOP + PLOT_HEIGHT / 2)
                    + ") rotate(-90)\"", PLOT_HEIGHT, Svg.LABEL);
        }
        double zero = py(Math.max(t.min(), Math.min(0, t.max())), t, bottom);
        for (int c = 0; c < cats; c++) {
            double groupLeft = left + c * groupW + groupW * 0.11;
            double cx = left + (c + 0.5) * groupW;
            if (slanted) {
                List<String> lines = labels.get(c);
                for (int l = 0; l < lines.size(); l++) {
                    // lines stacked across the slant, centred on the bar group
                    double shift = (l - (lines.size() - 1) / 2.0) * (Svg.SMALL + 2) * 0.71;
                    svg.text(0, 0, lines.get(l), "end", "transform=\"translate(" + Svg.num(cx + 4 + shift) + " "
                            + Svg.num(bottom + 12 + shift) + ") rotate(-45)\"", CATEGORY_LABEL_MAX, Svg.SMALL);
                }
            } else {
                svg.text(cx, bottom + 17, chart.categories().get(c), "middle", "", groupW - 4, Svg.SMALL);
            }
            for (int s = 0; s < nSeries; s++) {
                double v = chart.series().get(s)[c];
                double x = groupLeft + s * barW;
                String label = Svg.value(v);
                double labelAt;
                if (Double.isFinite(v)) {
                    double y = py(v, t, bottom);
                    double[] interval = interval(chart, s, c);
                    svg.raw("<rect x=\"" + Svg.num(x + 1) + "\" y=\"" + Svg.num(Math.min(y, zero)) + "\" width=\""
                            + Svg.num(Math.max(1, barW - 2)) + "\" height=\"" + Svg.num(Math.abs(zero - y)) + "\" fill=\""
                            + Svg.PALETTE[s % Svg.PALETTE.length] + "\"><title>" + XmlText.escape(chart.seriesNames().get(s) + ", "
                            + chart.categories().get(c) + ": " + label + (interval == null ? ""
                            : " (interval " + Svg.value(interval[0]) + " to " + Svg.value(interval[1]) + ")")) + "</title></rect>");
                    labelAt = v >= 0 ? y - 4 : y + 4;
                    if (interval != null) {
                        double top = py(interval[1], t, bottom);
                        double low = py(interval[0], t, bottom);
                        whisker(svg, x + barW / 2, top, low, Math.min(6, Math.max(2, barW / 4)));
                        labelAt = v >= 0 ? Math.min(labelAt, top - 4) : Math.max(labelAt, low + 4);
                    }
                } else {
                    labelAt = zero - 4;
                }
                boolean below = Double.isFinite(v) && v < 0;
                if (!labelled) {
                    continue;
                }
                if (upright) {
                    svg.text(x + barW / 2, below ? labelAt + Svg.VALUE : labelAt, label, "middle", "font-size=\"" + Svg.VALUE + "\"", barW + 8,
                            Svg.VALUE);
                } else {
                    svg.text(0, 0, label, below ? "end" : "start", "font-size=\"" + Svg.VALUE + "\" transform=\"translate("
                            + Svg.num(x + barW / 2 + 3.5) + " " + Svg.num(labelAt) + ") rotate(-90)\"", room, Svg.VALUE);
                }
            }
        }
        svg.line(left, zero, left + plotW, zero, Svg.AXIS, "");
        svg.legend(10, legendTop, Svg.WIDTH - 20, legend);
        return svg.close();
    }

    /**
     * A slanted category label in lines: whole when it fits {@link #CATEGORY_LABEL_MAX}, else split in two at
     * the {@code ", "} nearest its middle (the values of an intersection), else whole (shortened when drawn).
     */
    private static List<String> lines(String label) {
        int middle = label.length() / 2;
        int best = -1;
        for (int i = label.indexOf(", "); i >= 0; i = label.indexOf(", ", i + 1)) {
            best = best < 0 || Math.abs(i - middle) < Math.abs(best - middle) ? i : best;
        }
        if (Svg.textWidth(label, Svg.SMALL) <= CATEGORY_LABEL_MAX || best < 0) {
            return List.of(label);
        }
        return List.of(label.substring(0, best + 1), label.substring(best + 2));
    }

    /** The finite {lower, upper} bounds of bar {@code c} of series {@code s}; null when it has none. */
    private static double[] interval(BarChart chart, int s, int c) {
        if (!chart.hasIntervals()) {
            return null;
        }
        double lower = chart.lower().get(s)[c];
        double upper = chart.upper().get(s)[c];
        return Double.isFinite(lower) && Double.isFinite(upper) ? new double[] {lower, upper} : null;
    }

    /** A vertical whisker from {@code top} to {@code low} at {@code x}, with caps {@code cap} wide on each side. */
    private static void whisker(Svg svg, double x, double top, double low, double cap) {
        String style = "stroke=\"" + Svg.INK + "\" stroke-width=\"1.5\"";
        svg.raw("<g class=\"whisker\"><line x1=\"" + Svg.num(x) + "\" y1=\"" + Svg.num(top) + "\" x2=\"" + Svg.num(x) + "\" y2=\""
                + Svg.num(low) + "\" " + style + "/><line x1=\"" + Svg.num(x - cap) + "\" y1=\"" + Svg.num(top) + "\" x2=\""
                + Svg.num(x + cap) + "\" y2=\"" + Svg.num(top) + "\" " + style + "/><line x1=\"" + Svg.num(x - cap) + "\" y1=\""
                + Svg.num(low) + "\" x2=\"" + Svg.num(x + cap) + "\" y2=\"" + Svg.num(low) + "\" " + style + "/></g>");
    }

    private static double py(double v, Ticks t, double bottom) {
        return bottom - (v - t.min()) / (t.max() - t.min()) * PLOT_HEIGHT;
    }
}
