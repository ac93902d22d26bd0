package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntSupplier;

/** Requests to a running service with the admin token, for tests. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final IntSupplier port;
    private final String token;

    ApiClient(IntSupplier port, String token) {
        this.port = port;
        this.token = token;
    }

    HttpResponse<String> send(String method, String path, String type, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
                .header("Authorization", "Bearer " + token);
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String type, String body) throws IOException, InterruptedException {
        return send(method, path, type, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The JSON answer of a request that must succeed with {@code status}. */
    JsonNode ok(int status, String method, String path, String type, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, type, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    JsonNode summary(String model) throws IOException, InterruptedException {
        return ok(200, "GET", "/api/v1/models/" + model + "/summary", null, null);
    }

    static void assertError(HttpResponse<String> r, int status, String message) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(JSON.readTree(r.body()).get("error").asText()).containsIgnoringCase(message);
    }
}
