package dev.assay.report.svg;

import dev.assay.core.chart.HeatmapChart;

/** Draws a {@link HeatmapChart}: cells shaded by value, each with its value written in a readable colour. */
final class HeatmapSvg {

    private static final int[] LIGHT = {239, 246, 255};
    private static final int[] MID = {96, 165, 250};
    private static final int[] DARK = {23, 55, 130};
    /** The longest a rotated column label may be, in SVG units. */
    private static final double COLUMN_LABEL_MAX = 90;

    private HeatmapSvg() {
    }

    static String render(HeatmapChart chart) {
        int rows = chart.rowLabels().size();
        int cols = chart.columnLabels().size();
        String rowAxis = chart.rowAxisLabel() == null ? "" : chart.rowAxisLabel();
        String colAxis = chart.columnAxisLabel() == null ? "" : chart.columnAxisLabel();
        int widestRow = chart.rowLabels().stream().mapToInt(String::length).max().orElse(1);
        double rowLabelWidth = Math.min(120, Math.max(24, Svg.textWidth("0".repeat(widestRow), Svg.SMALL)));
        double gridLeft = (rowAxis.isEmpty() ? 8 : 26) + rowLabelWidth + 8;
        double gridWidth = Svg.WIDTH - gridLeft - 12;
        double cellW = gridWidth / Math.max(1, cols);
        double cellH = Math.max(22, Math.min(60, cellW * 0.6));
        double widestColumn = chart.columnLabels().stream().mapToDouble(l -> Svg.textWidth(l, Svg.SMALL)).max().orElse(0);
        boolean upright = widestColumn <= cellW - 4;
        double columnBand = upright ? Svg.SMALL + 6 : Math.min(COLUMN_LABEL_MAX, widestColumn) + 10;
        double gridTop = (colAxis.isEmpty() ? 34 : 52) + columnBand;
        int height = (int) Math.ceil(gridTop + rows * cellH + 12);

        double lo = 0;
        double hi = 0;
        int widestValue = 1;
        for (double[] row : chart.values()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                widestValue = Math.max(widestValue, Svg.value(v).length());
            }
        }
        double size = Math.min(14, Math.min(cellH * 0.45, (cellW - 4) / (widestValue * 0.6)));
        Svg svg = new Svg().open(height, chart.title(), chart.caption());
        if (!colAxis.isEmpty()) {
            svg.text(gridLeft + gridWidth / 2, 44, colAxis, "middle", "font-size=\"" + Svg.LABEL + "\"", gridWidth, Svg.LABEL);
        }
        if (!rowAxis.isEmpty()) {
            svg.text(0, 0, rowAxis, "middle", "font-size=\"" + Svg.LABEL + "\" transform=\"translate(14 "
                    + Svg.num(gridTop + rows * cellH / 2) + ") rotate(-90)\"", rows * cellH, Svg.LABEL);
        }
        svg.raw("<g fill=\"" + Svg.MUTED + "\">");
        for (int c = 0; c < cols; c++) {
            double cx = gridLeft + (c + 0.5) * cellW;
            if (upright) {
                svg.text(cx, gridTop - 7, chart.columnLabels().get(c), "middle", "", cellW - 4, Svg.SMALL);
            } else {
                svg.text(0, 0, chart.columnLabels().get(c), "start", "transform=\"translate(" + Svg.num(cx + Svg.SMALL * 0.35) + " "
                        + Svg.num(gridTop - 6) + ") rotate(-90)\"", COLUMN_LABEL_MAX, Svg.SMALL);
            }
        }
        for (int r = 0; r < rows; r++) {
            svg.text(gridLeft - 6, gridTop + (r + 0.5) * cellH + 4, chart.rowLabels().get(r), "end", "", rowLabelWidth, Svg.SMALL);
        }
        svg.raw("</g><g stroke=\"#fff\">");
        int[][][] fills = new int[rows][cols][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = chart.values()[r][c];
                fills[r][c] = Double.isFinite(v) ? shade(hi == lo ? 0 : (v - lo) / (hi - lo)) : new int[] {243, 244, 246};
                svg.raw("<rect x=\"" + Svg.num(gridLeft + c * cellW) + "\" y=\"" + Svg.num(gridTop + r * cellH) + "\" width=\""
                        + Svg.num(cellW) + "\" height=\"" + Svg.num(cellH) + "\" fill=\"" + hex(fills[r][c]) + "\"/>");
            }
        }
        svg.raw("</g><g text-anchor=\"middle\" font-weight=\"600\" font-size=\"" + Svg.num(size) + "\">");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                svg.raw("<text x=\"" + Svg.num(gridLeft + (c + 0.5) * cellW) + "\" y=\""
                        + Svg.num(gridTop + (r + 0.5) * cellH + size * 0.35) + "\" fill=\"" + (dark(fills[r][c]) ? "#fff" : Svg.INK)
                        + "\">" + XmlText.escape(Svg.value(chart.values()[r][c])) + "</text>");
            }
        }
        svg.raw("</g>");
        return svg.close();
    }

    /** The fill for a value scaled to [0, 1]: light blue through mid blue to dark blue. */
    private static int[] shade(double t) {
        int[] from = t < 0.5 ? LIGHT : MID;
        int[] to = t < 0.5 ? MID : DARK;
        double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            rgb[i] = (int) Math.round(from[i] + (to[i] - from[i]) * u);
        }
        return rgb;
    }

    /** Whether white text reads better than dark text on this fill (WCAG relative luminance). */
    private static boolean dark(int[] rgb) {
        double l = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
        return (1.05) / (l + 0.05) > (l + 0.05) / (0.0130 + 0.05);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String hex(int[] rgb) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
