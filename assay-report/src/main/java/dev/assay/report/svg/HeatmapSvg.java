package dev.assay.report.svg;

import dev.assay.core.chart.HeatmapChart;

/** Draws a {@link HeatmapChart}: cells shaded by value, each with its value written in a readable colour. */
final class HeatmapSvg {

    private static final int[] LIGHT = {239, 246, 255};
    private static final int[] MID = {96, 165, 250};
    private static final int[] DARK = {23, 55, 130};

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
        double gridTop = colAxis.isEmpty() ? 52 : 70;
        int height = (int) Math.ceil(gridTop + rows * cellH + 12);

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
        Svg svg = new Svg().open(height, chart.title(), chart.caption());
        if (!colAxis.isEmpty()) {
            svg.text(gridLeft + gridWidth / 2, 44, colAxis, "middle", "font-size=\"" + Svg.LABEL + "\"", gridWidth, Svg.LABEL);
        }
        if (!rowAxis.isEmpty()) {
            svg.text(0, 0, rowAxis, "middle", "font-size=\"" + Svg.LABEL + "\" transform=\"translate(14 "
                    + Svg.num(gridTop + rows * cellH / 2) + ") rotate(-90)\"", rows * cellH, Svg.LABEL);
        }
        for (int c = 0; c < cols; c++) {
            svg.text(gridLeft + (c + 0.5) * cellW, gridTop - 7, chart.columnLabels().get(c), "middle",
                    "fill=\"" + Svg.MUTED + "\"", cellW - 4, Svg.SMALL);
        }
        for (int r = 0; r < rows; r++) {
            double y = gridTop + r * cellH;
            svg.text(gridLeft - 6, y + cellH / 2 + 4, chart.rowLabels().get(r), "end", "fill=\"" + Svg.MUTED + "\"",
                    rowLabelWidth, Svg.SMALL);
            for (int c = 0; c < cols; c++) {
                double v = chart.values()[r][c];
                double x = gridLeft + c * cellW;
                int[] rgb = Double.isFinite(v) ? shade(hi == lo ? 0 : (v - lo) / (hi - lo)) : new int[] {243, 244, 246};
                svg.raw("<rect x=\"" + Svg.num(x) + "\" y=\"" + Svg.num(y) + "\" width=\"" + Svg.num(cellW) + "\" height=\""
                        + Svg.num(cellH) + "\" fill=\"" + hex(rgb) + "\" stroke=\"#fff\"/>");
                String label = Svg.value(v);
                double size = Math.min(14, Math.min(cellH * 0.45, (cellW - 4) / Math.max(1, label.length() * 0.6)));
                svg.text(x + cellW / 2, y + cellH / 2 + size * 0.35, label, "middle",
                        "font-size=\"" + Svg.num(size) + "\" font-weight=\"600\" fill=\"" + (dark(rgb) ? "#fff" : Svg.INK) + "\"",
                        cellW, size);
            }
        }
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
