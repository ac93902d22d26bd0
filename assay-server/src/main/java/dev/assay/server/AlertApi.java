package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.monitor.alert.AlertRule;
import dev.assay.core.monitor.alert.AlertRules;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The alert routes: a model's rules ({@code PUT}/{@code GET .../alerts}), acknowledgements and silences, and
 * the {@code assay_alerts} gauges of {@code /metrics}. Every change is audited with the token's name.
 */
final class AlertApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MonitoringStore store;
    private final AlertStore alerts;
    private final Silences silences;
    private final AuditLog audit;
    private final Clock clock;

    AlertApi(MonitoringStore store, AlertStore alerts, Silences silences, AuditLog audit, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.silences = silences;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code PUT .../alerts}: the rule list as YAML or JSON (a list, or an object with {@code rules}); replaces the rules. */
    void putRules(Context ctx, Tokens.Holder by) throws SQLException {
        String model = existing(ctx);
        Object parsed = parse(ctx.body(), ctx.contentType());
        if (parsed instanceof Map && ((Map<?, ?>) parsed).containsKey("rules")) {
            parsed = ((Map<?, ?>) parsed).get("rules");
        }
        List<AlertRule> rules;
        try {
            rules = AlertRules.parse(parsed, "The body");
        } catch (InvalidInputException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String name = rules.get(i).name();
            if (names.contains(name)) {
                throw ApiException.badRequest("The body, rule " + (i + 1) + " has name '" + name + "', already the name of rule "
                        + (names.indexOf(name) + 1) + "; give every rule its own name.");
            }
            names.add(name);
        }
        String json;
        try {
            json = JSON.writeValueAsString(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        alerts.putRules(model, json, names, clock.instant());
        audit.record(by.name(), "alerts.rules", model + " " + rules.size() + " rules: " + String.join(", ", names));
        AssayServer.json(ctx, 200, Map.of("model", model, "rules", rules.size()));
    }

    /** {@code GET .../alerts}: the rules and every alert with its state. */
    void get(Context ctx) throws SQLException, IOException {
        String model = existing(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("rules", JSON.readValue(alerts.rules(model).orElse("[]"), List.class));
        out.put("alerts", json(views(model)));
        AssayServer.json(ctx, 200, out);
    }

    /** The model's alerts as shown now. */
    List<AlertView> views(String model) throws SQLException {
        return AlertView.of(alerts.alerts(model), silences.all(), clock.instant());
    }

    static List<Map<String, Object>> json(List<AlertView> views) {
        return views.stream().map(AlertView::toJson).toList();
    }

    /** {@code POST .../alerts/{fingerprint}/ack}: body {@code {"comment": "..."}}. */
    void acknowledge(Context ctx, Tokens.Holder by) throws SQLException {
        String model = existing(ctx);
        JsonNode body = object(ctx.body());
        acknowledge(model, ctx.pathParam("fingerprint"), by, body.path("comment").asText(""));
        AssayServer.json(ctx, 200, Map.of("model", model, "fingerprint", ctx.pathParam("fingerprint"), "acknowledged", true));
    }

    void acknowledge(String model, String fingerprint, Tokens.Holder by, String comment) throws SQLException {
        if (comment.length() > 1000) {
            throw ApiException.badRequest("Field 'comment' is longer than 1000 characters.");
        }
        alerts.acknowledge(model, fingerprint, by.name(), comment, clock.instant());
        audit.record(by.name(), "alert.ack", model + " " + fingerprint + (comment.isEmpty() ? "" : ": " + comment));
    }

    /**
     * {@code POST /api/v1/silences}: {@code {"matchers": {"model": ..., "version": ..., "alertname": ..., "metric": ...},
     * "startsAt": ..., "endsAt": ..., "comment": ...}}; at least one matcher, {@code startsAt} defaults to now.
     */
    void addSilence(Context ctx, Tokens.Holder by) throws SQLException {
        JsonNode body = object(ctx.body());
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!List.of("matchers", "startsAt", "endsAt", "comment").contains(f)) {
                throw ApiException.badRequest("Unknown field '" + f + "' in the silence; the fields are matchers, startsAt, endsAt "
                        + "and comment.");
            }
        }
        JsonNode m = body.path("matchers");
        if (!m.isObject() || m.isEmpty()) {
            throw ApiException.badRequest("Field 'matchers' must be an object of one or more of model, version, alertname and metric to "
                    + "the value to silence, e.g. {\"model\": \"credit\", \"alertname\": \"feature drift\"}.");
        }
        Map<String, String> matchers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Silences.MATCHERS.contains(e.getKey()) || !e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw ApiException.badRequest("Field 'matchers': '" + e.getKey() + "' " + (Silences.MATCHERS.contains(e.getKey())
                        ? "must be a non-empty string" : "is not a label; use model, version, alertname or metric") + ".");
            }
            matchers.put(e.getKey(), e.getValue().asText());
        }
        Instant now = clock.instant();
        Instant startsAt = body.has("startsAt") ? time(body, "startsAt") : now;
        Instant endsAt = time(body, "endsAt");
        if (!endsAt.isAfter(startsAt) || !endsAt.isAfter(now)) {
            throw ApiException.badRequest("Field 'endsAt' (" + endsAt + ") must be after startsAt (" + startsAt + ") and in the future.");
        }
        String comment = body.path("comment").asText("").strip();
        if (comment.isEmpty() || comment.length() > 1000) {
            throw ApiException.badRequest("Field 'comment' must say why the alerts are silenced (1 to 1000 characters).");
        }
        String id = silences.add(matchers, startsAt, endsAt, comment, by.name(), now);
        audit.record(by.name(), "silence.create", id + " " + matchers + " from " + startsAt + " to " + endsAt + ": " + comment);
        AssayServer.json(ctx, 201, Map.of("id", id));
    }

    /** {@code DELETE /api/v1/silences/{id}}. */
    void deleteSilence(Context ctx, Tokens.Holder by) throws SQLException {
        String id = ctx.pathParam("id");
        if (!silences.delete(id)) {
            throw ApiException.notFound("No silence has id '" + id + "'; GET /api/v1/silences lists them.");
        }
        audit.record(by.name(), "silence.delete", id);
        AssayServer.json(ctx, 200, Map.of("id", id, "deleted", true));
    }

    /** {@code GET /api/v1/silences}: every silence with its status (pending, active, expired). */
    void listSilences(Context ctx) throws SQLException {
        Instant now = clock.instant();
        AssayServer.json(ctx, 200, Map.of("silences", silences.all().stream().map(s -> s.toJson(now)).toList()));
    }

    /** The {@code assay_alerts} gauges: 1 per alert, labelled with its model, version, name, metric and status. */
    String exposition() throws SQLException {
        StringBuilder s = new StringBuilder("# HELP assay_alerts Alerts by model, version, rule, metric and state (firing, "
                + "acknowledged, silenced, resolved).\n# TYPE assay_alerts gauge\n");
        for (AlertView v : AlertView.of(alerts.alerts(null), silences.all(), clock.instant())) {
            s.append(String.format(Locale.ROOT, "assay_alerts{model=\"%s\",version=\"%s\",alertname=\"%s\",metric=\"%s\",state=\"%s\"} 1%n",
                    ServerMetrics.escape(v.alert().model()), ServerMetrics.escape(v.alert().version()),
                    ServerMetrics.escape(v.alert().rule()),
                    ServerMetrics.escape(v.alert().metric()), v.status()));
        }
        return s.toString();
    }

    private String existing(Context ctx) throws SQLException {
        String model = ctx.pathParam("model");
        if (store.model(model).isEmpty()) {
            throw ApiException.notFound("Unknown model '" + model + "': create it with PUT /api/v1/models/" + model + " first.");
        }
        return model;
    }

    private static Object parse(String body, String contentType) {
        if (body.isBlank()) {
            throw ApiException.badRequest("The body is empty: send the rule list as YAML or JSON (- name: ..., metric: ..., above: ...).");
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                return JSON.readValue(body, Object.class);
            } catch (IOException e) {
                throw ApiException.badRequest("Malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(body);
        } catch (MarkedYAMLException e) {
            throw ApiException.badRequest("The body is not valid YAML at line " + (e.getProblemMark().getLine() + 1) + ", column "
                    + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem() + ".");
        } catch (YAMLException e) {
            throw ApiException.badRequest("The body is not valid YAML: " + e.getMessage());
        }
    }

    private static JsonNode object(String body) {
        if (body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (!n.isObject()) {
                throw ApiException.badRequest("The body must be a JSON object.");
            }
            return n;
        } catch (IOException e) {
            throw ApiException.badRequest("Malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Instant time(JsonNode body, String field) {
        try {
            return Instant.parse(body.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Field '" + field + "' must be an ISO-8601 instant such as 2026-12-01T09:00:00Z; it is "
                    + body.path(field) + ".");
        }
    }
}
