package dev.assay.report.svg;

import dev.assay.core.chart.BeeswarmChart;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link BeeswarmChart}: a row per feature, each row's contribution a dot spread vertically by
 * a fixed golden-ratio jitter (deterministic), coloured from blue (low feature value) to orange (high),
 * grey where the value has no order; a legend below explains the colours.
 */
final class BeeswarmSvg {
    private static final int[] LOW = {0x00, 0x72, 0xb2};
    private static final int[] HIGH = {0xd5, 0x5e, 0x00};
    private static final double GOLDEN = 0.6180339887;

    private BeeswarmSvg() {
    }

    static String render(BeeswarmChart chart) {
        double lo = 0;
        double hi = 0;
        for (double[] row : chart.values()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        int rows = chart.features().size();
        RowAxis axis = new RowAxis(lo, hi, 0);
        Svg svg = new Svg().open(RowAxis.height(rows, 40), chart.title(), chart.caption());
        axis.frame(svg, rows, chart.valueAxisLabel());
        for (int f = 0; f < rows; f++) {
            axis.label(svg, f, chart.features().get(f));
            double[] values = chart.values().get(f);
            double[] shades = chart.shades().get(f);
            for (int i = 0; i < values.length; i++) {
                if (Double.isFinite(values[i])) {
                    double jitter = ((i * GOLDEN) % 1 - 0.5) * 12;
                    svg.raw("<circle cx=\"" + Svg.num(axis.x(values[i])) + "\" cy=\"" + Svg.num(RowAxis.y(f) + jitter)
                            + "\" r=\"2.5\" fill-opacity=\"0.75\" fill=\"" + colour(shades[i]) + "\"/>");
                }
            }
        }
        svg.legend(10, RowAxis.height(rows, 0) + 10, Svg.WIDTH - 20, List.of(
                new Svg.LegendEntry("low value", colour(0), Svg.Mark.DOT),
                new Svg.LegendEntry("high value", colour(1), Svg.Mark.DOT),
                new Svg.LegendEntry("category or missing", Svg.AXIS, Svg.Mark.DOT)));
        return svg.close();
    }

    /** The colour of shade {@code s} in [0, 1]: linear from blue to orange; grey for NaN. */
    static String colour(double s) {
        if (!(s >= 0 && s <= 1)) {
            return Svg.AXIS;
        }
        StringBuilder sb = new StringBuilder("#");
        for (int k = 0; k < 3; k++) {
            sb.append(String.format(Locale.ROOT, "%02x", (int) Math.round(LOW[k] + s * (HIGH[k] - LOW[k]))));
        }
        return sb.toString();
    }
}
