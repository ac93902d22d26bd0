package dev.assay.server;

import dev.assay.report.svg.XmlText;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * The "Alerts" section of a model's dashboard page (status, rule, metric, version, since, silenced or
 * acknowledged) and its acknowledge form, which posts with the session's CSRF token; a viewer sees the
 * alerts without the form.
 */
final class AlertsSection {
    private final Sessions sessions;
    private final AlertApi api;

    AlertsSection(Sessions sessions, AlertApi api) {
        this.sessions = sessions;
        this.api = api;
    }

    /** {@code POST /models/{model}/alerts/{fingerprint}/ack} from the form: checks the CSRF token, then back to the page. */
    void acknowledge(Context ctx) throws SQLException {
        Sessions.Session s = sessions.find(ctx.cookie(Sessions.COOKIE)).orElseThrow(() -> new Dashboard.SignInRequired(ctx.path()));
        if (!s.csrf().equals(ctx.formParam("csrf"))) {
            throw new ApiException(403, "The form's CSRF token does not match the session: reload the page and try again.");
        }
        String model = ctx.pathParam("model");
        String comment = ctx.formParam("comment");
        api.acknowledge(model, ctx.pathParam("fingerprint"), s.holder(), comment == null ? "" : comment.strip());
        ctx.redirect("/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8) + "#alerts", HttpStatus.SEE_OTHER);
    }

    /** The section's HTML for the alerts of {@code model}. */
    static String render(Sessions.Session session, String model, List<AlertView> alerts) {
        StringBuilder b = new StringBuilder("<h2 class=\"section\" id=\"alerts\">Alerts</h2>");
        if (alerts.isEmpty()) {
            return b.append("<p class=\"empty\">No alert has fired. Rules are set with PUT /api/v1/models/").append(e(model))
                    .append("/alerts.</p>").toString();
        }
        boolean canAck = session.holder().role().allows(Role.WRITER);
        for (AlertView v : alerts) {
            var a = v.alert();
            String since = v.firing() ? "since " + Html.time(a.startsAt()) : "resolved " + Html.time(a.endsAt());
            b.append("<div class=\"card\" style=\"margin:0 0 10px\"><p style=\"margin:0 0 4px\"><span class=\"badge s-")
                    .append(!v.firing() ? "pass" : v.status().equals("firing") ? "fail" : "warn").append("\">").append(e(v.status()))
                    .append("</span> <strong>").append(e(a.rule())).append("</strong> <span class=\"hint\">").append(e(a.severity()))
                    .append("</span></p><p style=\"margin:0 0 4px;overflow-wrap:anywhere\"><span class=\"code\">").append(e(a.metric()))
                    .append("</span> · version <span class=\"code\">").append(e(a.version())).append("</span> · ").append(e(since))
                    .append("</p>").append(note(session, model, v, canAck)).append("</div>");
        }
        return b.toString();
    }

    private static String note(Sessions.Session session, String model, AlertView v, boolean canAck) {
        StringBuilder n = new StringBuilder();
        if (!v.silencedBy().isEmpty()) {
            n.append("silenced (").append(e(String.join(", ", v.silencedBy()))).append(") ");
        }
        AlertStore.Stored s = v.stored();
        if (s.ackBy() != null) {
            n.append("acknowledged by ").append(e(s.ackBy())).append(s.ackComment() == null || s.ackComment().isEmpty() ? ""
                    : ": " + e(s.ackComment()));
        } else if (v.firing() && canAck) {
            n.append("<form method=\"post\" style=\"display:flex;flex-wrap:wrap;gap:6px;margin:0\" action=\"/models/").append(e(model))
                    .append("/alerts/").append(e(v.alert().fingerprint())).append("/ack\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(e(session.csrf())).append("\">")
                    .append("<input name=\"comment\" aria-label=\"comment\" placeholder=\"comment\" maxlength=\"1000\" "
                            + "style=\"flex:1 1 160px;font:inherit;padding:5px;border:1px solid var(--line);border-radius:6px\">")
                    .append("<button type=\"submit\">Acknowledge</button></form>");
        }
        return n.length() == 0 ? "" : "<div class=\"hint\">" + n.toString().strip() + "</div>";
    }

    private static String e(String s) {
        return XmlText.escape(s == null ? "" : s);
    }
}
