package dev.assay.report.svg;

import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import java.util.ArrayList;
import java.util.List;

/** Draws an {@link XYChart}: lines, steps, points and dashed guides over nice axis ticks. */
final class XYChartSvg {

    private static final double PLOT_HEIGHT = 220;
    private static final double TOP = 34;
    private static final double RIGHT = 22;

    private XYChartSvg() {
    }

    static String render(XYChart chart, String id) {
        Ticks xt = ticks(chart.series(), true, chart.x() == null ? Double.NaN : chart.x().min(),
                chart.x() == null ? Double.NaN : chart.x().max());
        Ticks yt = ticks(chart.series(), false, chart.y() == null ? Double.NaN : chart.y().min(),
                chart.y() == null ? Double.NaN : chart.y().max());
        String xLabel = chart.x() == null || chart.x().label() == null ? "" : chart.x().label();
        String yLabel = chart.y() == null || chart.y().label() == null ? "" : chart.y().label();

        double left = (yLabel.isEmpty() ? 8 : 24) + Svg.textWidth("0".repeat(yt.widestLabel()), Svg.SMALL) + 10;
        double plotW = Svg.WIDTH - left - RIGHT;
        double bottom = TOP + PLOT_HEIGHT;
        List<Svg.LegendEntry> legend = legend(chart.series());
        int legendRows = Svg.legendRows(Svg.WIDTH - 2 * 10, legend);
        double legendTop = bottom + (xLabel.isEmpty() ? 34 : 54);
        int height = (int) Math.ceil(legendTop + legendRows * 18 - (legendRows > 0 ? 4 : 16) + 8);

        Svg svg = new Svg().open(height, chart.title(), chart.caption());
        for (double v : yt.values()) {
            double y = py(v, yt, bottom);
            svg.line(left, y, left + plotW, y, Svg.GRID, "");
            svg.text(left - 6, y + 4, yt.label(v), "end", "fill=\"" + Svg.MUTED + "\"", left, Svg.SMALL);
        }
        for (double v : xt.values()) {
            double x = px(v, xt, left, plotW);
            svg.line(x, TOP, x, bottom, Svg.GRID, "");
            svg.text(x, bottom + 17, xt.label(v), "middle", "fill=\"" + Svg.MUTED + "\"", 60, Svg.SMALL);
        }
        svg.line(left, bottom, left + plotW, bottom, Svg.AXIS, "");
        svg.line(left, TOP, left, bottom, Svg.AXIS, "");
        if (!xLabel.isEmpty()) {
            svg.text(left + plotW / 2, bottom + 37, xLabel, "middle", "font-size=\"" + Svg.LABEL + "\"", plotW, Svg.LABEL);
        }
        if (!yLabel.isEmpty()) {
            svg.text(0, 0, yLabel, "middle", "font-size=\"" + Svg.LABEL + "\" transform=\"translate(14 " + Svg.num(TOP + PLOT_HEIGHT / 2)
                    + ") rotate(-90)\"", PLOT_HEIGHT, Svg.LABEL);
        }
        String clip = id + "-plot";
        svg.raw("<defs><clipPath id=\"" + XmlText.escape(clip) + "\"><rect x=\"" + Svg.num(left - 4) + "\" y=\"" + Svg.num(TOP - 4)
                + "\" width=\"" + Svg.num(plotW + 8) + "\" height=\"" + Svg.num(PLOT_HEIGHT + 8) + "\"/></clipPath></defs>");
        svg.raw("<g clip-path=\"url(#" + XmlText.escape(clip) + ")\" fill=\"none\">");
        int colour = 0;
        for (Series s : chart.series()) {
            String c = s.style() == Series.Style.GUIDE ? Svg.AXIS : Svg.PALETTE[colour++ % Svg.PALETTE.length];
            String d = path(s, xt, yt, left, plotW, bottom);
            if (d.isEmpty()) {
                continue;
            }
            svg.raw("<path d=\"").raw(d).raw("\" stroke=\"").raw(c).raw("\" ").raw(switch (s.style()) {
                case LINE, STEP -> "stroke-width=\"2\" stroke-linejoin=\"round\"";
                case POINTS -> "stroke-width=\"5\" stroke-linecap=\"round\" stroke-opacity=\"0.7\"";
                case MARKER -> "stroke-width=\"11\" stroke-linecap=\"round\"";
                case GUIDE -> "stroke-width=\"1.2\" stroke-dasharray=\"5 4\"";
            }).raw("/>");
        }
        svg.raw("</g>");
        if (!hasData(chart.series())) {
            svg.text(left + plotW / 2, TOP + PLOT_HEIGHT / 2, "No data", "middle", "fill=\"" + Svg.MUTED + "\"", plotW, Svg.SMALL);
        }
        svg.legend(10, legendTop, Svg.WIDTH - 20, legend);
        return svg.close();
    }

    private static List<Svg.LegendEntry> legend(List<Series> series) {
        List<Svg.LegendEntry> entries = new ArrayList<>();
        int colour = 0;
        for (Series s : series) {
            boolean guide = s.style() == Series.Style.GUIDE;
            String c = guide ? Svg.AXIS : Svg.PALETTE[colour++ % Svg.PALETTE.length];
            if (s.name() != null && !s.name().isEmpty()) {
                entries.add(new Svg.LegendEntry(s.name(), c,
                        guide ? Svg.Mark.DASHED : s.style() == Series.Style.POINTS || s.style() == Series.Style.MARKER ? Svg.Mark.DOT : Svg.Mark.LINE));
            }
        }
        return entries.size() > 1 ? entries : List.of();
    }

    private static boolean hasData(List<Series> series) {
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Ticks for the plotted values of one axis; whole-number data (counts, versions) get whole-number ticks. */
    private static Ticks ticks(List<Series> series, boolean xAxis, double fixedMin, double fixedMax) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (Series s : series) {
            double[] v = xAxis ? s.x() : s.y();
            double[] other = xAxis ? s.y() : s.x();
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i]) && Double.isFinite(other[i])) {
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                    whole &= v[i] == Math.rint(v[i]);
                }
            }
        }
        Ticks t = Ticks.of(lo, hi, fixedMin, fixedMax, 6);
        return whole && Double.isFinite(lo) ? t.atLeastWhole() : t;
    }

    /** The SVG path data; a point with a non-finite coordinate is skipped and breaks the line. */
    private static String path(Series s, Ticks xt, Ticks yt, double left, double plotW, double bottom) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        String prevY = null;
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
                pen = false;
                continue;
            }
            String x = Svg.num(px(s.x()[i], xt, left, plotW));
            String y = Svg.num(py(s.y()[i], yt, bottom));
            if (s.style() == Series.Style.POINTS || s.style() == Series.Style.MARKER) {
                d.append('M').append(x).append(' ').append(y).append("h0");
            } else if (!pen) {
                d.append('M').append(x).append(' ').append(y);
            } else if (s.style() == Series.Style.STEP) {
                d.append('H').append(x);
                if (!y.equals(prevY)) {
                    d.append('V').append(y);
                }
            } else {
                d.append('L').append(x).append(' ').append(y);
            }
            pen = true;
            prevY = y;
        }
        return d.toString();
    }

    private static double px(double v, Ticks t, double left, double width) {
        return left + (v - t.min()) / (t.max() - t.min()) * width;
    }

    private static double py(double v, Ticks t, double bottom) {
        return bottom - (v - t.min()) / (t.max() - t.min()) * PLOT_HEIGHT;
    }
}
