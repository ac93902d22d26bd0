package dev.assay.server;

import dev.assay.core.chart.Chart;
import dev.assay.report.svg.SvgCharts;
import dev.assay.report.svg.XmlText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and formatting shared by the dashboard's pages and sections. */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** {@code s} escaped for text and attribute values; null as empty. */
    static String e(String s) {
        return XmlText.escape(s == null ? "" : s);
    }

    /** A number with {@code digits} decimals, or an en dash when absent. */
    static String num(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "–";
    }

    /** A p-value: 4 decimals, or scientific notation below 0.0001. */
    static String p(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return v < 1e-4 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "–";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String time(Instant t) {
        return t == null ? "–" : TIME.format(t);
    }

    /** A chart as inline SVG (the report's writer) in a figure with its caption. */
    static String figure(Chart chart, String idPrefix, String caption) {
        return "<figure>" + SvgCharts.render(chart, idPrefix) + "<figcaption>" + e(caption) + "</figcaption></figure>";
    }
}
