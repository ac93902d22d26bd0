package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.registry.Lineage;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A running service watching German-credit predictions: reference {@code train.csv}; version {@code v1} with a window of
 * held-out rows (2026-11-28, half labelled) and a drifted window of applicants aged 50 or more (2026-11-29, 40 labelled);
 * version {@code v2} with 60 held-out rows on 2026-11-27; the registry holding a German-credit ONNX model as version 1
 * with alias {@code production}. A second model, {@link #MARKUP}, has a feature and a version full of markup and quotes.
 */
final class MonitoredCredit implements AutoCloseable {
    static final String ADMIN = "admin-secret-0123456789";
    static final String MARKUP = "markup";
    static final String MARKUP_FEATURE = "<script>alert(\"x\")</script>\\";
    static final String MARKUP_VERSION = "v\"<b>'";
    private static final ObjectMapper JSON = new ObjectMapper();

    final AssayServer server;
    final ModelVersion registered;
    final CreditStream older;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie;

    private MonitoredCredit(AssayServer server, ModelVersion registered, CreditStream older) {
        this.server = server;
        this.registered = registered;
        this.older = older;
    }

    static MonitoredCredit start(Path dir) throws Exception {
        Path registryDir = dir.resolve("registry");
        ModelRegistry registry = ModelRegistry.inFolder(registryDir);
        ModelVersion v1 = registry.register("credit", Path.of("../examples/models/german_credit_logistic.onnx"), Map.of(), Lineage.NONE,
                "ci").version();
        registry.store().moveAlias("credit", "production", 1, Clock.systemUTC(), "ci", "first release");
        AssayServer server = AssayServer.start(new ServerSettings("127.0.0.1", 0, dir.resolve("data"), null, 1 << 20, ADMIN)
                .withRegistry(registryDir, null));
        MonitoredCredit m = new MonitoredCredit(server, v1, CreditStream.read("german_credit.csv", r -> Integer.parseInt(r.get("age")) >= 50));
        m.load();
        return m;
    }

    private void load() throws Exception {
        ok(api("PUT", "/api/v1/models/credit", "application/json", "{\"window\": \"P1D\", \"positive\": \"bad\"}"));
        ok(api("PUT", "/api/v1/models/credit/reference", "text/csv", CreditStream.read("train.csv", r -> true).referenceCsv()));
        CreditStream test = CreditStream.read("test.csv", r -> true);
        ok(api("POST", "/api/v1/models/credit/labels", "application/json", older.labels("old", 0, 40)));
        ok(api("POST", "/api/v1/models/credit/predictions", "application/json", test.predictions("t", "2026-11-28", 0, 300)));
        ok(api("POST", "/api/v1/models/credit/predictions", "application/json", older.predictions("old", "2026-11-29", 0, older.rows.size())));
        ok(api("POST", "/api/v1/models/credit/labels", "application/json", test.labels("t", 0, 150)));
        ok(api("POST", "/api/v1/models/credit/predictions", "application/json", test.predictions("b", "2026-11-27", 0, 60, "v2")));

        ok(api("PUT", "/api/v1/models/" + MARKUP, "application/json", "{\"positive\": \"1\"}"));
        StringBuilder csv = new StringBuilder("\"" + MARKUP_FEATURE.replace("\"", "\"\"") + "\",score,prediction,label\n");
        for (int i = 0; i < 200; i++) {
            double score = 0.1 + 0.8 * (i % 50) / 49.0;
            csv.append(String.format(Locale.ROOT, "%d,%.4f,%d,%d%n", i % 50, score, score >= 0.5 ? 1 : 0, i % 3 == 0 ? 1 - (score >= 0.5 ? 1
                    : 0) : score >= 0.5 ? 1 : 0));
        }
        ok(api("PUT", "/api/v1/models/" + MARKUP + "/reference", "text/csv", csv.toString()));
        String feature = JSON.writeValueAsString(MARKUP_FEATURE);
        String version = JSON.writeValueAsString(MARKUP_VERSION);
        ok(api("POST", "/api/v1/models/" + MARKUP + "/predictions", "application/json", IntStream.range(0, 100).mapToObj(i -> String.format(
                Locale.ROOT, "{\"id\": \"m%d\", \"timestamp\": \"2026-11-20T%02d:00:00Z\", \"version\": %s, \"features\": {%s: %d}, "
                        + "\"prediction\": \"1\", \"score\": 0.9}", i, i % 24, version, feature, 40 + i % 50)).collect(Collectors.joining(",", "[",
                                "]"))));
    }

    HttpResponse<String> api(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN);
        if (type != null) {
            b.header("Content-Type", type);
        }
        return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode summary(String model) throws Exception {
        return JSON.readTree(ok(api("GET", "/api/v1/models/" + model + "/summary", null, null)).body());
    }

    /** A dashboard page, signed in with the admin token. */
    HttpResponse<String> page(String path) throws Exception {
        if (cookie == null) {
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("token=" + ADMIN))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String c = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = c.substring(0, c.indexOf(';'));
        }
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The summary's windows of {@code version}, oldest first. */
    static List<JsonNode> windows(JsonNode summary, String version) {
        List<JsonNode> out = new ArrayList<>();
        summary.get("windows").forEach(w -> {
            if (w.get("version").asText().equals(version)) {
                out.add(w);
            }
        });
        return out;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return r;
    }

    @Override
    public void close() {
        server.close();
    }
}
