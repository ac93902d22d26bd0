package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts in the service on German-credit data: the reference is the training split; a window of held-out rows is
 * normal, a window of applicants aged 50 or more (a subpopulation) has drifted in age. The service clock is a
 * test clock moved by hand, and windows are evaluated by calling the evaluation the scheduler runs.
 */
class AlertsTest {
    static final String ADMIN = AssayServerTest.ADMIN;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String RULES = """
            # BH across the columns of a window, two windows in a row
            - name: feature drift
              metric: drift_p[*]
              below: 0.05
              for: 2
            - name: age shift
              metric: psi[age]
              above: 0.2
              severity: critical
            """;

    /** A clock moved by the test. */
    static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(String start) {
            now = Instant.parse(start);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    final TestClock clock = new TestClock("2026-11-28T00:00:00Z");
    final HttpClient http = HttpClient.newHttpClient();
    WebhookReceiver receiver;
    AssayServer server;
    String writer;
    String viewer;

    /** The database: null for SQLite in the test's folder. */
    String jdbcUrl() {
        return null;
    }

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(200, 0);
        server = startServer(ADMIN);
        writer = JSON.readTree(send("POST", "/api/v1/tokens", ADMIN, "{\"name\": \"oncall\", \"role\": \"writer\"}").body()).get("token")
                .asText();
        viewer = JSON.readTree(send("POST", "/api/v1/tokens", ADMIN, "{\"name\": \"grafana\", \"role\": \"viewer\"}").body()).get("token")
                .asText();
        assertThat(send("PUT", "/api/v1/models/credit", ADMIN, "{\"window\": \"P1D\", \"positive\": \"bad\", \"alert_grace\": \"PT1H\"}")
                .statusCode()).isEqualTo(201);
        CreditStream train = CreditStream.read("train.csv", r -> true);
        HttpResponse<String> ref = send("PUT", "/api/v1/models/credit/reference", ADMIN, "text/csv", train.referenceCsv());
        assertThat(ref.statusCode()).as(ref.body()).isEqualTo(200);
        HttpResponse<String> rules = send("PUT", "/api/v1/models/credit/alerts", ADMIN, "application/yaml", RULES);
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        // day 1 normal, days 2 and 3 the applicants aged 50 or more, day 4 normal again
        CreditStream test = CreditStream.read("test.csv", r -> true);
        CreditStream older = CreditStream.read("german_credit.csv", r -> Integer.parseInt(r.get("age")) >= 50);
        int half = older.rows.size() / 2;
        post(test.predictions("n", "2026-11-28", 0, 150));
        post(older.predictions("o", "2026-11-29", 0, half));
        post(older.predictions("o", "2026-11-30", half, older.rows.size()));
        post(test.predictions("n", "2026-12-01", 150, 300));
    }

    AssayServer startServer(String adminToken) throws Exception {
        return AssayServer.start(new ServerSettings("127.0.0.1", 0, dir, jdbcUrl(), 1 << 20, adminToken)
                .withAlerts(Duration.ofHours(1), receiver.url()).withClock(clock));
    }

    @AfterEach
    void stop() {
        server.close();
        receiver.close();
    }

    @Test
    void aDriftedSubpopulationFiresAfterTwoWindowsAndResolvesOnANormalOneSurvivingARestart() throws Exception {
        clock.now = Instant.parse("2026-11-29T00:59:00Z");
        assertThat(server.evaluateAlerts()).as("day 1 is within its grace").isZero();
        clock.now = Instant.parse("2026-11-29T01:00:00Z");
        assertThat(server.evaluateAlerts()).isEqualTo(1);
        assertThat(server.evaluateAlerts()).as("a window is evaluated once").isZero();
        clock.now = Instant.parse("2026-11-30T01:00:00Z");
        assertThat(server.evaluateAlerts()).isEqualTo(1);
        // the first drifted window: psi fires at once, BH drift needs a second window
        Map<String, JsonNode> day2 = byMetric(drain());
        assertThat(day2.keySet()).containsExactly("psi[age]");
        assertThat(labels(day2.get("psi[age]"))).isEqualTo("age shift|credit|v1|psi[age]|critical");
        assertThat(alert(alerts(), "drift_p[age]")).isNull();
        clock.now = Instant.parse("2026-12-01T01:00:00Z");
        assertThat(server.evaluateAlerts()).isEqualTo(1);
        // the older applicants differ in age and, as one expects, in years of employment and at their residence
        Map<String, JsonNode> firedNow = byMetric(drain());
        assertThat(firedNow.keySet()).containsExactlyInAnyOrder("drift_p[age]", "drift_p[employment]", "drift_p[residence_since]");
        JsonNode fired = firedNow.get("drift_p[age]");
        assertThat(fired.get("version").asText()).isEqualTo("4");
        assertThat(fired.get("status").asText()).isEqualTo("firing");
        assertThat(fired.get("receiver").asText()).isEqualTo("assay");
        assertThat(labels(fired)).isEqualTo("feature drift|credit|v1|drift_p[age]|warning");
        assertThat(fired.get("groupLabels").toString()).isEqualTo("{\"alertname\":\"feature drift\",\"model\":\"credit\"}");
        JsonNode firing = fired.get("alerts").get(0);
        assertThat(firing.get("status").asText()).isEqualTo("firing");
        assertThat(firing.get("startsAt").asText()).isEqualTo("2026-12-01T01:00:00Z");
        assertThat(firing.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(firing.get("generatorURL").asText()).endsWith("/models/credit");
        String fingerprint = firing.get("fingerprint").asText();

        JsonNode age = alert(alerts(), "drift_p[age]");
        assertThat(age.get("state").asText()).isEqualTo("firing");
        assertThat(age.get("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(age.get("value").asDouble()).isLessThan(1e-6);
        assertThat(send("POST", "/api/v1/models/credit/alerts/" + fingerprint + "/ack", viewer, "{\"comment\": \"x\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> ack = send("POST", "/api/v1/models/credit/alerts/" + fingerprint + "/ack", writer,
                "{\"comment\": \"older applicants from the new partner\"}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/models/credit/alerts/0000000000000000/ack", writer, "{}").statusCode()).isEqualTo(404);
        JsonNode summaryAlert = alert(JSON.readTree(send("GET", "/api/v1/models/credit/summary", viewer, null, null).body()).get("alerts"),
                "drift_p[age]");
        assertThat(summaryAlert.get("status").asText()).isEqualTo("acknowledged");
        assertThat(summaryAlert.get("acknowledged").get("by").asText()).isEqualTo("oncall");
        assertThat(summaryAlert.get("acknowledged").get("comment").asText()).isEqualTo("older applicants from the new partner");
        String metrics = send("GET", "/metrics", viewer, null, null).body();
        assertThat(metrics).contains("# TYPE assay_alerts gauge").contains(
                "assay_alerts{model=\"credit\",version=\"v1\",alertname=\"feature drift\",metric=\"drift_p[age]\",state=\"acknowledged\"} 1");

        server.close();
        server = startServer(null);
        assertThat(server.evaluateAlerts()).as("nothing closed since").isZero();
        assertThat(receiver.next(1)).as("no notification again after the restart").isNull();
        assertThat(alert(alerts(), "drift_p[age]").get("acknowledged").get("by").asText()).isEqualTo("oncall");

        clock.now = Instant.parse("2026-12-02T01:00:00Z");
        assertThat(server.evaluateAlerts()).isEqualTo(1);
        Map<String, JsonNode> resolvedNow = byMetric(drain());
        assertThat(resolvedNow.keySet()).contains("drift_p[age]", "psi[age]");
        JsonNode resolved = resolvedNow.get("drift_p[age]");
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(labels(resolved)).isEqualTo("feature drift|credit|v1|drift_p[age]|warning");
        assertThat(resolved.get("alerts").get(0).get("startsAt").asText()).isEqualTo("2026-12-01T01:00:00Z");
        assertThat(resolved.get("alerts").get(0).get("endsAt").asText()).isEqualTo("2026-12-02T01:00:00Z");
        assertThat(resolved.get("alerts").get(0).get("fingerprint").asText()).isEqualTo(fingerprint);
        JsonNode after = alert(alerts(), "drift_p[age]");
        assertThat(after.get("state").asText()).isEqualTo("resolved");
        assertThat(after.get("acknowledged").isNull()).isTrue();
        String audit = send("GET", "/api/v1/audit", ADMIN, null, null).body();
        assertThat(audit).contains("alerts.rules").contains("alert.ack").contains("oncall").doesNotContain(writer).doesNotContain(ADMIN);
    }

    @Test
    void aSilencedAlertFiresWithoutNotifying() throws Exception {
        assertThat(send("POST", "/api/v1/silences", viewer, "{\"matchers\": {\"model\": \"credit\"}, \"endsAt\": \"2026-12-31T00:00:00Z\", "
                + "\"comment\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/silences", writer, "{\"matchers\": {\"team\": \"credit\"}, \"endsAt\": \"2026-12-31T00:00:00Z\", "
                + "\"comment\": \"x\"}").body()).contains("'team' is not a label");
        assertThat(send("POST", "/api/v1/silences", writer, "{\"matchers\": {\"model\": \"credit\"}, \"endsAt\": \"2026-11-01T00:00:00Z\", "
                + "\"comment\": \"x\"}").body()).contains("Field 'endsAt'");
        HttpResponse<String> created = send("POST", "/api/v1/silences", writer, "{\"matchers\": {\"model\": \"credit\", \"alertname\": "
                + "\"age shift\"}, \"endsAt\": \"2026-12-31T00:00:00Z\", \"comment\": \"known partner launch\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        clock.now = Instant.parse("2026-11-30T01:00:00Z");
        assertThat(server.evaluateAlerts()).isEqualTo(2);
        assertThat(receiver.next(2)).as("the age shift is silenced").isNull();
        JsonNode shift = alert(alerts(), "psi[age]");
        assertThat(shift.get("state").asText()).isEqualTo("firing");
        assertThat(shift.get("status").asText()).isEqualTo("silenced");
        assertThat(shift.get("silencedBy").get(0).asText()).isEqualTo(id);
        assertThat(send("GET", "/api/v1/silences", viewer, null, null).body()).contains(id).contains("\"status\":\"active\"")
                .contains("known partner launch");
        assertThat(send("DELETE", "/api/v1/silences/" + id, viewer, null, null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/silences/" + id, writer, null, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/silences/" + id, writer, null, null).statusCode()).isEqualTo(404);
        assertThat(alert(alerts(), "psi[age]").get("silenced").asBoolean()).isFalse();
        clock.now = Instant.parse("2026-12-01T01:00:00Z");
        server.evaluateAlerts();
        assertThat(byMetric(drain())).containsKey("drift_p[age]").doesNotContainKey("psi[age]");
        String audit = send("GET", "/api/v1/audit", ADMIN, null, null).body();
        assertThat(audit).contains("silence.create").contains("silence.delete").doesNotContain(writer);
    }

    @Test
    void badRulesAreRefusedNamingTheRuleAndTheKeyAndOnlyAnAdminSetsThem() throws Exception {
        assertError(send("PUT", "/api/v1/models/credit/alerts", ADMIN, "application/yaml", RULES.replace("above: 0.2", "abov: 0.2")),
                "rule 2 has an unknown key 'abov'");
        assertError(send("PUT", "/api/v1/models/credit/alerts", ADMIN, "application/yaml", RULES.replace("for: 2", "for: 0")),
                "rule 1 ('feature drift') has for: 0");
        assertError(send("PUT", "/api/v1/models/credit/alerts", ADMIN, "application/json", "[{\"name\": \"a\", \"metric\": \"rows\", "
                + "\"below\": 10}, {\"name\": \"a\", \"metric\": \"rows\", \"above\": 1000}]"), "rule 2 has name 'a', already the name of rule 1");
        assertError(send("PUT", "/api/v1/models/credit/alerts", ADMIN, "application/yaml", "- name: [unclosed"), "line 1");
        assertError(send("PUT", "/api/v1/models/credit/alerts", ADMIN, "application/json", "{\"name\": \"x\"}"), "must be a list");
        assertError(send("PUT", "/api/v1/models/credit/alerts", ADMIN, "application/yaml", ""), "empty");
        assertThat(send("PUT", "/api/v1/models/credit/alerts", writer, "application/yaml", RULES).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/models/nobody/alerts", ADMIN, "application/yaml", RULES).statusCode()).isEqualTo(404);
        JsonNode got = JSON.readTree(send("GET", "/api/v1/models/credit/alerts", viewer, null, null).body());
        assertThat(got.get("rules")).hasSize(2);
        assertThat(got.get("rules").get(1).get("metric").asText()).isEqualTo("psi[age]");
        assertThat(got.get("alerts")).isEmpty();
        assertError(send("PUT", "/api/v1/models/credit", ADMIN, "{\"alert_grace\": \"soon\"}"), "field 'alert_grace'");
        assertError(send("PUT", "/api/v1/models/credit", ADMIN, "{\"webhook\": \"ftp://x\"}"), "field 'webhook'");
        send("PUT", "/api/v1/models/credit", ADMIN, "{\"webhook\": \"https://hooks.example/services/SECRET\"}");
        assertThat(send("GET", "/api/v1/audit", ADMIN, null, null).body()).doesNotContain("SECRET").contains("hooks.example");
    }

    @Test
    void theSchedulerEvaluatesClosedWindowsOnItsOwnAndStopsWithTheServer() throws Exception {
        server.close();
        server = AssayServer.start(new ServerSettings("127.0.0.1", 0, dir, jdbcUrl(), 1 << 20, null)
                .withAlerts(Duration.ofMillis(100), receiver.url()).withClock(clock));
        clock.now = Instant.parse("2026-11-30T01:00:00Z");
        assertThat(byMetric(drain()).keySet()).containsExactly("psi[age]");
        long t0 = System.nanoTime();
        server.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("assay-alerts") && t.isAlive())
                .count()).as("the scheduler's thread has stopped").isZero();
        server = startServer(null);
    }

    @Test
    void theDashboardShowsTheAlertsAndAcknowledgesThroughACsrfProtectedForm() throws Exception {
        clock.now = Instant.parse("2026-12-01T01:00:00Z");
        server.evaluateAlerts();
        String fingerprint = alert(alerts(), "drift_p[age]").get("fingerprint").asText();
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String admin = signIn(browser, ADMIN);
        String page = page(browser, admin);
        Files.writeString(Path.of("target", "alerts-dashboard.html"), page);
        assertThat(page).contains("id=\"alerts\">Alerts</h2>").contains("drift_p[age]").contains("age shift")
                .contains("action=\"/models/credit/alerts/" + fingerprint + "/ack\"");
        String verdict = page.substring(page.indexOf("id=\"verdict\""), page.indexOf("id=\"alerts\""));
        assertThat(verdict).contains(">ALERT<").contains("feature drift").contains(" on drift_p[age] is firing since");
        String csrf = page.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        String path = "/models/credit/alerts/" + fingerprint + "/ack";
        assertThat(form(browser, admin, path, "csrf=guess&comment=x").statusCode()).isEqualTo(403);
        HttpResponse<String> acked = form(browser, admin, path, "csrf=" + csrf + "&comment=on+it");
        assertThat(acked.statusCode()).as(acked.body()).isEqualTo(303);
        assertThat(page(browser, admin)).contains("acknowledged by admin: on it");
        String asViewer = signIn(browser, viewer);
        assertThat(page(browser, asViewer)).contains("drift_p[age]").doesNotContain("/ack\"");
        String viewerCsrf = page(browser, asViewer).replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        String other = alert(alerts(), "drift_p[employment]").get("fingerprint").asText();
        assertThat(form(browser, asViewer, "/models/credit/alerts/" + other + "/ack", "csrf=" + viewerCsrf).statusCode()).isEqualTo(403);
    }

    private String signIn(HttpClient browser, String token) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private String page(HttpClient browser, String session) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/models/credit"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> form(HttpClient browser, String session, String path, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode alerts() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/models/credit/alerts", viewer, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("alerts");
    }

    private static JsonNode alert(JsonNode alerts, String metric) {
        for (JsonNode a : alerts) {
            if (a.get("metric").asText().equals(metric)) {
                return a;
            }
        }
        return null;
    }

    /** The payloads received until none comes for a second. */
    private List<JsonNode> drain() throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n = receiver.next(10); n != null; n = receiver.next(1)) {
            out.add(n);
        }
        return out;
    }

    /** Payloads (one alert each) by the alert's metric; a metric notified twice fails. */
    private static Map<String, JsonNode> byMetric(List<JsonNode> payloads) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode p : payloads) {
            assertThat(p.get("alerts")).hasSize(1);
            assertThat(out.put(p.get("commonLabels").get("metric").asText(), p)).as("one notification per alert").isNull();
        }
        return out;
    }

    private static String labels(JsonNode payload) {
        JsonNode l = payload.get("commonLabels");
        return String.join("|", l.get("alertname").asText(), l.get("model").asText(), l.get("version").asText(), l.get("metric").asText(),
                l.get("severity").asText());
    }

    private void post(String predictions) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/models/credit/predictions", ADMIN, predictions);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> r, String message) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).containsIgnoringCase(message);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, "application/json", body);
    }

    private HttpResponse<String> send(String method, String path, String token, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
