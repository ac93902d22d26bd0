package dev.assay.server;

import dev.assay.report.HtmlStyle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's server-rendered pages: sign-in, the list of models and one page per model. Every value is
 * escaped; forms that change anything carry the session's CSRF token. The style is the report's; the model page is
 * the {@link VerdictSection}, the model's alerts ({@link AlertsSection}, which needs the session for its forms), then
 * its {@link #SECTIONS}.
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
            .version-nav{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:4px 0 8px}
            .version-nav a{padding:2px 10px;border:1px solid var(--line);border-radius:12px;text-decoration:none;color:var(--ink)}
            .version-nav a[aria-current]{background:var(--ink);color:#fff;border-color:var(--ink)}
            .level{margin:0 0 6px}.level+.hint{margin-left:0}
            .reasons{margin:8px 0;padding-left:20px}.reasons li{margin:4px 0;overflow-wrap:anywhere}
            td.bad{color:var(--fail);font-weight:600}
            table.drift .code{display:block;white-space:normal;overflow-wrap:break-word}
            table.drift .note{display:block;font-size:12px;color:var(--muted)}
            table.drift .stat{white-space:nowrap}
            p.hint{margin-left:0}
            @media (max-width:520px){table.drift th,table.drift td,table.versions th,table.versions td{padding:6px 5px;font-size:13px}
            table.drift .code{overflow-wrap:anywhere}}
            """;

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

    /** A model of the index page with the verdict on its latest version (null before its first window). */
    record ModelRow(String model, Verdict verdict) {
    }

    private static final DashboardSection VERDICT = new VerdictSection();
    /** The model page's sections below the verdict and the alerts, top to bottom. */
    static final List<DashboardSection> SECTIONS = List.of(new TotalsSection(), new DriftSection(), new PerformanceSection(),
            new VolumeSection(), new DriftTrendSection(), new VersionsSection());

    static String models(Sessions.Session session, List<ModelRow> models) {
        return models(session, models, "");
    }

    static String unknownModel(Sessions.Session session, String model, List<ModelRow> models) {
        return models(session, models, "<p class=\"error-box\" role=\"alert\">No model named " + e(model) + ".</p>");
    }

    private static String models(Sessions.Session session, List<ModelRow> models, String message) {
        StringBuilder rows = new StringBuilder();
        for (ModelRow m : models) {
            rows.append("<tr><td><a href=\"/models/").append(e(path(m.model()))).append("\">").append(e(m.model())).append("</a></td><td>")
                    .append(m.verdict() == null ? "<span class=\"empty\">no window yet</span>" : "<span class=\"badge "
                            + m.verdict().css() + "\">" + m.verdict().level() + "</span>").append("</td><td class=\"code\">")
                    .append(m.verdict() == null ? "" : e(m.verdict().window().version())).append("</td></tr>");
        }
        return page("Models", session, null, "<h1>Models</h1>" + message + (models.isEmpty()
                ? "<p class=\"empty\">No model yet: create one with PUT /api/v1/models/NAME or send its reference.</p>"
                : "<div class=\"table-wrap fit\"><table class=\"models\"><thead><tr><th>model</th><th>verdict</th><th>latest version</th>"
                        + "</tr></thead><tbody>" + rows + "</tbody></table></div>"));
    }

    static String model(Sessions.Session session, ModelOverview overview, List<AlertView> alerts) {
        StringBuilder body = new StringBuilder("<p class=\"eyebrow\">model</p><h1>").append(e(overview.model)).append("</h1>");
        if (!overview.versions.isEmpty()) {
            body.append("<nav class=\"version-nav\" aria-label=\"versions\"><span class=\"hint\">version</span>");
            for (ModelOverview.VersionSeen v : overview.versions) {
                boolean current = v.version().equals(overview.selected);
                body.append("<a class=\"code\" href=\"/models/").append(e(path(overview.model))).append("?version=")
                        .append(e(URLEncoder.encode(v.version(), StandardCharsets.UTF_8))).append("\"")
                        .append(current ? " aria-current=\"page\"" : "").append(">").append(e(v.version())).append("</a>");
            }
            body.append("</nav>");
        }
        body.append(VERDICT.html(overview)).append(AlertsSection.render(session, overview.model, alerts));
        for (DashboardSection section : SECTIONS) {
            body.append(section.html(overview));
        }
        return page(overview.model, session, "/models", body.toString());
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
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
        return Html.e(s);
    }
}
