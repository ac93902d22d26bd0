package dev.assay.report.svg;

import dev.assay.core.chart.WaterfallChart;
import java.util.Locale;

/**
 * Draws a {@link WaterfallChart}: a row for the base value, one bar per contribution starting where the
 * previous ended (orange up, blue down) with its signed value on the right (base, output and contributions
 * with the decimals that give the largest contribution three significant digits), and a row for the output.
 */
final class WaterfallSvg {
    private static final String UP = Svg.PALETTE[1];
    private static final String DOWN = Svg.PALETTE[0];
    private static final double VALUES = 58;

    private WaterfallSvg() {
    }

    static String render(WaterfallChart chart) {
        double[] c = chart.contributions();
        double lo = Math.min(chart.base(), chart.output());
        double hi = Math.max(chart.base(), chart.output());
        double at = chart.base();
        for (double v : c) {
            at += v;
            lo = Math.min(lo, at);
            hi = Math.max(hi, at);
        }
        int rows = c.length + 2;
        double largest = 0;
        for (double v : c) {
            largest = Math.max(largest, Math.abs(v));
        }
        int decimals = largest > 0 ? (int) Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(largest)))) : 3;
        RowAxis axis = new RowAxis(lo, hi, VALUES);
        Svg svg = new Svg().open(RowAxis.height(rows, 0), chart.title(), chart.caption());
        axis.frame(svg, rows, chart.valueAxisLabel());
        marker(svg, axis, 0, "base value", String.format(Locale.ROOT, "%." + decimals + "f", chart.base()), chart.base());
        at = chart.base();
        for (int i = 0; i < c.length; i++) {
            double from = axis.x(at);
            double to = axis.x(at + c[i]);
            double y = RowAxis.y(i + 1);
            String value = String.format(Locale.ROOT, "%+." + decimals + "f", c[i]);
            svg.raw("<rect x=\"" + Svg.num(Math.min(from, to)) + "\" y=\"" + Svg.num(y - 7) + "\" width=\""
                    + Svg.num(Math.max(1, Math.abs(to - from))) + "\" height=\"14\" fill=\"" + (c[i] >= 0 ? UP : DOWN) + "\"><title>"
                    + XmlText.escape(chart.labels().get(i) + ": " + value) + "</title></rect>");
            axis.label(svg, i + 1, chart.labels().get(i));
            svg.text(Svg.WIDTH - 6, y + 4, value, "end", "fill=\"" + Svg.MUTED + "\"", VALUES, Svg.SMALL);
            at += c[i];
        }
        marker(svg, axis, rows - 1, "output", String.format(Locale.ROOT, "%." + decimals + "f", chart.output()), chart.output());
        return svg.close();
    }

    private static void marker(Svg svg, RowAxis axis, int row, String label, String shown, double v) {
        double y = RowAxis.y(row);
        svg.line(axis.x(v), y - 8, axis.x(v), y + 8, Svg.INK, "stroke-width=\"2\"");
        axis.label(svg, row, label);
        svg.text(Svg.WIDTH - 6, y + 4, shown, "end", "font-weight=\"600\"", VALUES, Svg.SMALL);
    }
}
