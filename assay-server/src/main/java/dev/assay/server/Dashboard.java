package dev.assay.server;

import dev.assay.core.monitor.WindowSpec;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's routes: sign-in with a token (a session cookie), sign-out (a form with the CSRF token), the
 * list of models with their verdict and one page per model ({@code ?version=} selects a version). Pages need a session whose role is at least viewer; without one they
 * redirect to the sign-in page.
 */
final class Dashboard {
    /** A page asked for without a session: answered by a redirect to the sign-in page. */
    static final class SignInRequired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SignInRequired(String path) {
            super(path);
        }
    }

    private final MonitoringStore store;
    private final WindowSummaries summaries;
    private final RegistryRecords registry;
    private final Tokens tokens;
    private final Sessions sessions;
    private final AlertApi alerts;

    Dashboard(MonitoringStore store, WindowSummaries summaries, RegistryRecords registry, Tokens tokens, Sessions sessions,
            AlertApi alerts) {
        this.alerts = alerts;
        this.store = store;
        this.summaries = summaries;
        this.registry = registry;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** The session of a page request; redirects to sign-in without one. */
    Sessions.Session session(Context ctx) {
        return sessions.find(ctx.cookie(Sessions.COOKIE)).orElseThrow(() -> new SignInRequired(ctx.path()));
    }

    static void redirectToSignIn(SignInRequired e, Context ctx) {
        ctx.redirect("/login?next=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    void signInPage(Context ctx) {
        html(ctx, 200, DashboardPages.signIn(next(ctx.queryParam("next")), null));
    }

    void signIn(Context ctx) throws SQLException {
        String token = ctx.formParam("token");
        Optional<Tokens.Holder> holder = token == null || token.isBlank() ? Optional.empty() : tokens.find(token.strip());
        String next = next(ctx.formParam("next"));
        if (holder.isEmpty()) {
            html(ctx, 401, DashboardPages.signIn(next, "Unknown token."));
            return;
        }
        Cookie cookie = new Cookie(Sessions.COOKIE, sessions.open(holder.get()), "/", -1, "https".equals(ctx.scheme()), true, null,
                SameSite.STRICT);
        ctx.cookie(cookie);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        String id = ctx.cookie(Sessions.COOKIE);
        Sessions.Session s = sessions.find(id).orElseThrow(() -> new SignInRequired("/models"));
        if (!s.csrf().equals(ctx.formParam("csrf"))) {
            throw new ApiException(403, "The form's CSRF token does not match the session: reload the page and try again.");
        }
        sessions.close(id);
        ctx.removeCookie(Sessions.COOKIE, "/");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    void models(Context ctx) throws SQLException {
        html(ctx, 200, DashboardPages.models(session(ctx), rows()));
    }

    void model(Context ctx) throws SQLException {
        Sessions.Session s = session(ctx);
        String model = ctx.pathParam("model");
        if (store.model(model).isEmpty()) {
            html(ctx, 404, DashboardPages.unknownModel(s, model, rows()));
            return;
        }
        ModelOverview.Totals totals = new ModelOverview.Totals(store.counts(model), store.referenceRows(model).orElse(null));
        List<AlertView> modelAlerts = alerts.views(model);
        html(ctx, 200, DashboardPages.model(s, overview(model, ctx.queryParam("version"), totals, modelAlerts), modelAlerts));
    }

    private ModelOverview overview(String model, String version, ModelOverview.Totals totals, List<AlertView> modelAlerts)
            throws SQLException {
        WindowSpec spec = ModelConfig.parse(store.model(model).orElseThrow()).window();
        List<WindowView> windows = summaries.all(model).stream().map(WindowView::of).toList();
        return ModelOverview.of(model, spec, windows, version, Instant.now(), registry, totals, modelAlerts);
    }

    private List<DashboardPages.ModelRow> rows() throws SQLException {
        List<DashboardPages.ModelRow> out = new ArrayList<>();
        for (String model : store.models()) {
            out.add(new DashboardPages.ModelRow(model, overview(model, null, null, alerts.views(model)).verdict));
        }
        return out;
    }

    /** Only paths of the dashboard itself are followed after sign-in (no open redirect). */
    private static String next(String next) {
        return next != null && next.matches("/models(/[A-Za-z0-9._-]+)?") ? next : "/models";
    }

    private static void html(Context ctx, int status, String page) {
        ctx.status(status).contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
                        + "frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store").result(page);
    }
}
