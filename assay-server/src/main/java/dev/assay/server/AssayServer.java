package dev.assay.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.registry.RegistryStore;
import dev.assay.registry.SqlRegistryStore;
import dev.assay.registry.store.Database;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring service: the HTTP API of {@link ModelApi} on Javalin, every route but {@code /health}
 * behind a bearer token whose role must allow it (401 without a known token, 403 with a token of too small
 * a role), errors as JSON {@code {"error": "..."}} with a precise status, nothing stored by a refused request.
 */
public final class AssayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AssayServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLDER = "assay.holder";

    private final Storage storage;
    private final Tokens tokens;
    private final ServerMetrics metrics = new ServerMetrics();
    private final Sessions sessions = new Sessions();
    private final Javalin app;
    private final AlertEvaluation alertEvaluation;
    private final WebhookSender webhooks = new WebhookSender();
    private AlertScheduler alertScheduler;

    private AssayServer(ServerSettings settings, Storage db, RegistryRecords registry) {
        this.storage = db;
        this.tokens = new Tokens(db);
        MonitoringStore store = new MonitoringStore(db);
        AuditLog audit = new AuditLog(db);
        Calibrations calibrations = new Calibrations();
        WindowSummaries summaries = new WindowSummaries(store, calibrations);
        WindowGauges gauges = new WindowGauges(store, summaries, System::currentTimeMillis);
        Silences silences = new Silences(db);
        AlertApi alerts = new AlertApi(store, new AlertStore(db), silences, audit, settings.clock());
        this.alertEvaluation = new AlertEvaluation(db, store, calibrations, silences, webhooks, settings.alertWebhook(), settings.clock(),
                () -> "http://" + settings.host() + ":" + port());
        ModelApi api = new ModelApi(settings.maxBodyBytes(), store, tokens, audit, metrics, calibrations, summaries, alerts);
        Dashboard dashboard = new Dashboard(store, summaries, registry, tokens, sessions, alerts);
        AlertsSection alertsSection = new AlertsSection(sessions, alerts);
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.routes.beforeMatched(this::authorise);
            config.routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok")));
            config.routes.get("/", ctx -> ctx.redirect("/models", HttpStatus.SEE_OTHER));
            config.routes.get("/login", dashboard::signInPage);
            config.routes.post("/login", dashboard::signIn);
            config.routes.post("/logout", dashboard::signOut);
            config.routes.get("/models", dashboard::models, Role.VIEWER);
            config.routes.get("/models/{model}", dashboard::model, Role.VIEWER);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.exposition() + gauges.exposition() + alerts.exposition()), Role.VIEWER);
            config.routes.get("/api/v1/models", ctx -> json(ctx, 200, Map.of("models", store.models())), Role.VIEWER);
            config.routes.put("/api/v1/models/{model}", ctx -> api.putModel(ctx, holder(ctx)), Role.ADMIN);
            config.routes.post("/api/v1/models/{model}/predictions", ctx -> api.predictions(ctx), Role.WRITER);
            config.routes.post("/api/v1/models/{model}/labels", ctx -> api.labels(ctx), Role.WRITER);
            config.routes.put("/api/v1/models/{model}/reference", ctx -> api.reference(ctx, holder(ctx)), Role.ADMIN);
            config.routes.get("/api/v1/models/{model}/summary", ctx -> api.summary(ctx), Role.VIEWER);
            config.routes.put("/api/v1/models/{model}/alerts", ctx -> alerts.putRules(ctx, holder(ctx)), Role.ADMIN);
            config.routes.get("/api/v1/models/{model}/alerts", alerts::get, Role.VIEWER);
            config.routes.post("/api/v1/models/{model}/alerts/{fingerprint}/ack", ctx -> alerts.acknowledge(ctx, holder(ctx)), Role.WRITER);
            config.routes.post("/models/{model}/alerts/{fingerprint}/ack", alertsSection::acknowledge, Role.WRITER);
            config.routes.post("/api/v1/silences", ctx -> alerts.addSilence(ctx, holder(ctx)), Role.WRITER);
            config.routes.get("/api/v1/silences", alerts::listSilences, Role.VIEWER);
            config.routes.delete("/api/v1/silences/{id}", ctx -> alerts.deleteSilence(ctx, holder(ctx)), Role.WRITER);
            config.routes.post("/api/v1/tokens", ctx -> api.token(ctx, holder(ctx)), Role.ADMIN);
            config.routes.get("/api/v1/audit", ctx -> api.audit(ctx), Role.ADMIN);
            config.routes.exception(Dashboard.SignInRequired.class, Dashboard::redirectToSignIn);
            config.routes.exception(ApiException.class, (e, ctx) -> refuse(ctx, e.status(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                refuse(ctx, 500, "Internal error; the request was not stored. The server log has the details.");
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    json(ctx, 404, Map.of("error", "No such route: " + ctx.method() + " " + ctx.path()));
                }
            });
        });
    }

    /**
     * Opens the database (migrating it), installs the admin token when none is stored, and starts serving.
     *
     * @throws InvalidInputException when the database cannot be opened, or no admin token is stored and none is given
     */
    public static AssayServer start(ServerSettings settings) throws SQLException {
        Storage db = Storage.open(settings.dataDir(), settings.jdbcUrl());
        try {
            installAdmin(db, settings.adminToken());
        } catch (RuntimeException | SQLException e) {
            db.close();
            throw e;
        }
        AssayServer server = new AssayServer(settings, db, new RegistryRecords(registry(settings)));
        server.app.start();
        server.alertScheduler = new AlertScheduler(server.alertEvaluation, settings.alertInterval());
        return server;
    }

    /** Installs {@code token} as the admin token when none is stored. */
    private static void installAdmin(Storage db, String token) throws SQLException {
        Tokens tokens = new Tokens(db);
        if (!tokens.hasAdmin()) {
            if (token == null || token.length() < 16) {
                throw new InvalidInputException("No admin token is stored yet: set ASSAY_ADMIN_TOKEN to a secret of at least 16 "
                        + "characters for the first start (only its hash is kept).");
            }
            tokens.add("admin", Role.ADMIN, token);
            new AuditLog(db).record("system", "token.create", "admin token 'admin' installed from ASSAY_ADMIN_TOKEN");
        }
    }

    /** The registry's store when one is configured, else null. */
    private static RegistryStore registry(ServerSettings settings) {
        if (settings.registryUrl() != null) {
            return new SqlRegistryStore(Database.open(settings.registryUrl()));
        }
        return settings.registryDir() == null ? null : new SqlRegistryStore(Database.sqlite(settings.registryDir().resolve("registry.db")));
    }

    /** The port served (the one chosen when 0 was asked). */
    public int port() {
        return app.port();
    }

    /** Evaluates the alert rules on the windows closed by now (the scheduler does this every interval). */
    int evaluateAlerts() {
        return alertEvaluation.run();
    }

    /** Stops the alert scheduler, the HTTP service, the webhook sender, then the database's checkpoints. */
    @Override
    public void close() {
        if (alertScheduler != null) {
            alertScheduler.close();
        }
        app.stop();
        webhooks.close();
        storage.close();
    }

    private void authorise(Context ctx) throws SQLException {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Role required = (Role) roles.iterator().next();
        if (ctx.path().startsWith("/models")) {
            Sessions.Session s = sessions.find(ctx.cookie(Sessions.COOKIE)).orElseThrow(() -> new Dashboard.SignInRequired(ctx.path()));
            allow(s.holder(), required);
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "Missing token: send the header 'Authorization: Bearer TOKEN'.");
        }
        Optional<Tokens.Holder> holder = tokens.find(header.substring(7).strip());
        if (holder.isEmpty()) {
            throw new ApiException(401, "Unknown token.");
        }
        allow(holder.get(), required);
        ctx.attribute(HOLDER, holder.get());
    }

    private static void allow(Tokens.Holder holder, Role required) {
        if (!holder.role().allows(required)) {
            throw new ApiException(403, "The token '" + holder.name() + "' has the role " + holder.role() + "; this route needs "
                    + required + ".");
        }
    }

    private static Tokens.Holder holder(Context ctx) {
        return ctx.attribute(HOLDER);
    }

    private void refuse(Context ctx, int status, String message) {
        metrics.refused(status);
        json(ctx, status, Map.of("error", message));
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
