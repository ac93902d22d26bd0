package dev.assay.server;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.report.HtmlStyle;
import dev.assay.report.svg.SvgCharts;
import dev.assay.report.svg.XmlText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's server-rendered pages: sign-in, the list of models and one page per model. Every value is
 * escaped; forms that change anything carry the session's CSRF token. The style is the report's.
 */
final class DashboardPages {
    private static final String EXTRA_CSS = """
            .top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:8px;padding:10px 0}
            .top a{color:var(--ink);font-weight:600;text-decoration:none}
            .top form{margin:0}
            button{font:inherit;font-size:14px;padding:6px 14px;border:1px solid var(--line);border-radius:6px;background:var(--soft);cursor:pointer}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,170px),1fr));gap:12px;margin:12px 0}
            .card{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:#fff}
            .card .label{color:var(--muted);font-size:13px}.card .big{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
            .signin{max-width:420px;margin:48px auto;border:1px solid var(--line);border-radius:8px;padding:20px}
            .signin label{display:block;font-weight:600;margin-bottom:6px}
            .signin input{width:100%;font:inherit;padding:8px;border:1px solid var(--line);border-radius:6px;margin-bottom:12px}
            .error-box{background:var(--fail-bg);color:var(--fail);border-radius:6px;padding:8px 12px;margin-bottom:12px}
            """;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DashboardPages() {
    }

    static String signIn(String next, String error) {
        return page("Sign in", null, null, "<form class=\"signin\" method=\"post\" action=\"/login\">"
                + "<h1>Assay monitoring</h1>"
                + (error == null ? "" : "<p class=\"error-box\" role=\"alert\">" + e(error) + "</p>")
                + "<label for=\"token\">API token</label>"
                + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<input type=\"hidden\" name=\"next\" value=\"" + e(next) + "\">"
                + "<button type=\"submit\">Sign in</button></form>");
    }

    static String models(Sessions.Session session, List<String> models) {
        return models(session, models, "");
    }

    static String unknownModel(Sessions.Session session, String model, List<String> models) {
        return models(session, models, "<p class=\"error-box\" role=\"alert\">No model named " + e(model) + ".</p>");
    }

    private static String models(Sessions.Session session, List<String> models, String message) {
        StringBuilder rows = new StringBuilder();
        for (String m : models) {
            rows.append("<tr><td><a href=\"/models/").append(e(m)).append("\">").append(e(m)).append("</a></td></tr>");
        }
        return page("Models", session, null, "<h1>Models</h1>" + message + (models.isEmpty()
                ? "<p class=\"empty\">No model yet: create one with PUT /api/v1/models/NAME or send its reference.</p>"
                : "<div class=\"table-wrap fit\"><table><thead><tr><th>model</th></tr></thead><tbody>" + rows + "</tbody></table></div>"));
    }

    static String model(Sessions.Session session, String model, MonitoringStore.Counts counts, Long referenceRows,
            List<long[]> perHour, List<AlertView> alerts) {
        StringBuilder body = new StringBuilder("<p class=\"eyebrow\">model</p><h1>").append(e(model)).append("</h1>");
        body.append("<div class=\"cards\">")
                .append(card("predictions", String.format(Locale.ROOT, "%,d", counts.predictions())))
                .append(card("labels", String.format(Locale.ROOT, "%,d", counts.labels())))
                .append(card("label coverage", counts.predictions() == 0 ? "–"
                        : String.format(Locale.ROOT, "%.1f%%", 100.0 * counts.joined() / counts.predictions())))
                .append(card("reference rows", referenceRows == null ? "none" : String.format(Locale.ROOT, "%,d", referenceRows)))
                .append("</div>");
        if (!counts.versions().isEmpty()) {
            body.append("<h2 class=\"section\">Versions</h2><div class=\"table-wrap fit\"><table><thead><tr><th>version</th>"
                    + "<th class=\"num\">predictions</th></tr></thead><tbody>");
            for (Map.Entry<String, Long> v : counts.versions().entrySet()) {
                body.append("<tr><td class=\"code\">").append(e(v.getKey())).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%,d", v.getValue())).append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        if (perHour.size() >= 2) {
            double[] x = perHour.stream().mapToDouble(h -> h[0] - perHour.get(0)[0]).toArray();
            double[] y = perHour.stream().mapToDouble(h -> h[1]).toArray();
            XYChart chart = new XYChart("Predictions per hour", "Predictions by the hour of their timestamp, from "
                    + HOUR.format(Instant.ofEpochMilli(perHour.get(0)[0] * 3600_000L)) + ".", new Axis("hours since the first",
                            0, Double.NaN), new Axis("predictions", 0, Double.NaN), List.of(new Series("predictions", x, y,
                                    Series.Style.LINE)));
            body.append("<div class=\"charts\"><figure>").append(SvgCharts.render(chart, "volume")).append("<figcaption>")
                    .append(e(chart.caption())).append("</figcaption></figure></div>");
        }
        body.append(AlertsSection.render(session, model, alerts));
        return page(model, session, "/models", body.toString());
    }

    private static String card(String label, String value) {
        return "<div class=\"card\"><div class=\"label\">" + e(label) + "</div><div class=\"big\">" + e(value) + "</div></div>";
    }

    private static String page(String title, Sessions.Session session, String back, String body) {
        StringBuilder top = new StringBuilder();
        if (session != null) {
            top.append("<nav class=\"top\"><a href=\"").append(back == null ? "/models" : back).append("\">")
                    .append(back == null ? "Assay monitoring" : "&larr; Models").append("</a>")
                    .append("<form method=\"post\" action=\"/logout\"><span class=\"hint\">").append(e(session.holder().name()))
                    .append(" (").append(session.holder().role().name().toLowerCase(Locale.ROOT)).append(")</span> ")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(e(session.csrf())).append("\">")
                    .append("<button type=\"submit\">Sign out</button></form></nav>");
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + e(title) + " · Assay</title><style>" + HtmlStyle.CSS + EXTRA_CSS + "</style></head><body><main class=\"wrap\">"
                + top + body + "</main></body></html>";
    }

    private static String e(String s) {
        return XmlText.escape(s == null ? "" : s);
    }
}
