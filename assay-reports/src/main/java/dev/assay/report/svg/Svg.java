package dev.assay.report.svg;

import java.util.List;
import java.util.Locale;

/** A small SVG text builder: escaping, compact coordinates, text measurement and the legend. */
final class Svg {

    static final int WIDTH = 380;
    static final String FONT = "system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
    /** Font sizes: tick labels, legends and category labels; axis titles; the chart title; values on bars. */
    static final int SMALL = 12;
    static final int LABEL = 13;
    static final int TITLE = 15;
    static final int VALUE = 11;
    static final String INK = "#1f2328";
    static final String MUTED = "#59636e";
    static final String GRID = "#e6e9ed";
    static final String AXIS = "#8c959f";
    /** Series colours that stay apart for the common colour-vision deficiencies (Okabe–Ito based). */
    static final String[] PALETTE = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7a5195"};

    private final StringBuilder sb = new StringBuilder(2048);

    /** Opens the root element with the accessible title and description and the visible title. */
    Svg open(int height, String title, String caption) {
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(XmlText.escape(title)).append("\" font-family=\"")
                .append(XmlText.escape(FONT)).append("\" font-size=\"").append(SMALL).append("\" fill=\"").append(INK).append("\">");
        sb.append("<title>").append(XmlText.escape(title)).append("</title>");
        if (caption != null && !caption.isEmpty()) {
            sb.append("<desc>").append(XmlText.escape(caption)).append("</desc>");
        }
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        text(10, 21, title, "start", "font-size=\"" + TITLE + "\" font-weight=\"600\"", WIDTH - 20, TITLE);
        return this;
    }

    String close() {
        return sb.append("</svg>").toString();
    }

    Svg raw(String s) {
        sb.append(s);
        return this;
    }

    /** Text at (x, y), shortened with an ellipsis to {@code maxWidth}; the full text stays in a tooltip. */
    Svg text(double x, double y, String text, String anchor, String attributes, double maxWidth, double fontSize) {
        String shown = fit(text, maxWidth, fontSize);
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (!"start".equals(anchor)) {
            sb.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (!attributes.isEmpty()) {
            sb.append(' ').append(attributes);
        }
        sb.append('>');
        if (!shown.equals(text)) {
            sb.append("<title>").append(XmlText.escape(text)).append("</title>");
        }
        sb.append(XmlText.escape(shown)).append("</text>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, String extra) {
        sb.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke).append('"');
        if (!extra.isEmpty()) {
            sb.append(' ').append(extra);
        }
        sb.append("/>");
        return this;
    }

    /** A legend laid out in rows from (x, y) within {@code width}; returns the number of rows. */
    int legend(double x, double y, double width, List<LegendEntry> entries) {
        double cx = x;
        double cy = y;
        int rows = entries.isEmpty() ? 0 : 1;
        for (LegendEntry e : entries) {
            double w = 22 + textWidth(e.label(), SMALL) + 14;
            if (cx > x && cx + w > x + width) {
                cx = x;
                cy += 18;
                rows++;
            }
            switch (e.mark()) {
                case DOT -> sb.append("<circle cx=\"").append(num(cx + 8)).append("\" cy=\"").append(num(cy - 4))
                        .append("\" r=\"3.5\" fill=\"").append(e.colour()).append("\"/>");
                case SQUARE -> sb.append("<rect x=\"").append(num(cx + 2)).append("\" y=\"").append(num(cy - 10))
                        .append("\" width=\"12\" height=\"12\" rx=\"2\" fill=\"").append(e.colour()).append("\"/>");
                case LINE -> line(cx, cy - 4, cx + 16, cy - 4, e.colour(), "stroke-width=\"2.5\"");
                case DASHED -> line(cx, cy - 4, cx + 16, cy - 4, e.colour(), "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"");
            }
            text(cx + 22, cy, e.label(), "start", "", width - 22, SMALL);
            cx += Math.min(w, width);
        }
        return rows;
    }

    /** How many rows {@link #legend} would take. */
    static int legendRows(double width, List<LegendEntry> entries) {
        double cx = 0;
        int rows = entries.isEmpty() ? 0 : 1;
        for (LegendEntry e : entries) {
            double w = 22 + textWidth(e.label(), SMALL) + 14;
            if (cx > 0 && cx + w > width) {
                cx = 0;
                rows++;
            }
            cx += Math.min(w, width);
        }
        return rows;
    }

    /** One legend entry: the series' mark in its colour, and its name. */
    record LegendEntry(String label, String colour, Mark mark) {
    }

    /** How a legend entry shows its series. */
    enum Mark {
        LINE, DASHED, DOT, SQUARE
    }

    /** An estimate of the rendered width of {@code text} in a sans-serif font. */
    static double textWidth(String text, double fontSize) {
        return text.length() * fontSize * 0.58;
    }

    /** {@code text}, shortened with an ellipsis so that it fits {@code maxWidth}. */
    static String fit(String text, double maxWidth, double fontSize) {
        if (textWidth(text, fontSize) <= maxWidth) {
            return text;
        }
        int chars = Math.max(1, (int) (maxWidth / (fontSize * 0.58)) - 1);
        return text.substring(0, Math.min(chars, text.length())) + "…";
    }

    /** A coordinate with one decimal, without a trailing {@code .0}. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return sign + (abs / 10) + "." + (abs % 10);
    }

    /** A value printed in a chart: integers as such, other numbers with three significant digits. */
    static String value(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e6) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

}
