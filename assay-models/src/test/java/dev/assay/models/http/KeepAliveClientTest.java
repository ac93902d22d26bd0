package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.load.LoadTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lean load client and the load target of an HTTP model against real servers on loopback. */
class KeepAliveClientTest {
    private final HttpFailureKinds kinds = new HttpFailureKinds();

    @Test
    void fixedLengthAndChunkedAnswersArriveWholeOverOneClient() throws Exception {
        String big = "x".repeat(50_000);
        try (StubServer server = new StubServer((n, method, path, body) -> new StubServer.Response(200,
                "{\"n\": " + n + ", \"echo\": \"" + new String(body, StandardCharsets.UTF_8).length() + big + "\"}", n % 2 == 0));
                KeepAliveClient client = new KeepAliveClient(server.uri("/"), Map.of("X-Team", "risk"), 5_000, 1 << 20)) {
            byte[] request = client.request("POST", "/score?v=1", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= 20; i++) {
                String answer = new String(client.send(request, true), StandardCharsets.UTF_8);
                assertThat(answer).isEqualTo("{\"n\": " + i + ", \"echo\": \"8" + big + "\"}");
            }
            assertThat(client.send(request, false)).isEmpty();
            assertThat(server.received()).hasSize(21).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/score");
                assertThat(r.customHeader()).isEqualTo("risk");
                assertThat(r.body()).isEqualTo("{\"a\": 1}");
            });
        }
    }

    @Test
    void failuresAreNamedByStatusTimeoutAndRefusal() throws Exception {
        try (StubServer server = new StubServer((n, method, path, body) -> {
            if (path.equals("/slow")) {
                Thread.sleep(2_000);
            }
            return new StubServer.Response(path.equals("/busy") ? 503 : 200, "{\"error\": \"busy\"}");
        }); KeepAliveClient client = new KeepAliveClient(server.uri("/"), Map.of(), 10_000, 1 << 20);
                KeepAliveClient impatient = new KeepAliveClient(server.uri("/"), Map.of(), 300, 1 << 20)) {
            // a patient client for the answers, so a slow start on a busy machine is not taken for a timeout
            assertThatThrownBy(() -> client.send(client.request("GET", "/busy", null), true))
                    .satisfies(e -> assertThat(kinds.kindOf(e)).isEqualTo("http_503")).hasMessageContaining("busy");
            assertThat(client.send(client.request("GET", "/ok", null), true)).isNotEmpty();
            assertThatThrownBy(() -> impatient.send(impatient.request("GET", "/slow", null), true))
                    .satisfies(e -> assertThat(kinds.kindOf(e)).isEqualTo("timeout"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (KeepAliveClient client = new KeepAliveClient(URI.create("http://127.0.0.1:" + port), Map.of(), 1_000, 1 << 20)) {
            assertThatThrownBy(() -> client.send(client.request("GET", "/", null), true))
                    .satisfies(e -> assertThat(kinds.kindOf(e)).isEqualTo("connection_refused"));
        }
    }

    @Test
    void answersLargerThanTheLimitFail() throws Exception {
        try (StubServer server = new StubServer((n, method, path, body) -> new StubServer.Response(200, "y".repeat(5_000), n == 2));
                KeepAliveClient client = new KeepAliveClient(server.uri("/"), Map.of(), 5_000, 1_000)) {
            byte[] get = client.request("GET", "/", null);
            assertThatThrownBy(() -> client.send(get, true)).isInstanceOf(IOException.class).hasMessageContaining("more than 1000 bytes");
            assertThatThrownBy(() -> client.send(get, true)).isInstanceOf(IOException.class).hasMessageContaining("more than 1000 bytes");
        }
    }

    @Test
    void theLoadTargetOfAModelDecodesEveryAnswerAndRefusesShortOnes() throws Exception {
        try (StubServer server = new StubServer((n, method, path, body) -> {
            int rows = Json.MAPPER.readTree(body).get("instances").size();
            StringBuilder out = new StringBuilder("{\"predictions\": [");
            for (int r = 0; r < (n == 3 ? rows - 1 : rows); r++) {
                out.append(r == 0 ? "" : ",").append("[0.25, 0.75]");
            }
            return new StubServer.Response(200, out.append("]}").toString());
        }); HttpModel remote = HttpModel.json(server.uri("/v1/models/credit:predict"), "{\"instances\": \"$rows\"}")
                .features(GermanCredit.mapping()).classes(List.of("bad", "good")).batchSize(10).build()) {
            Frame data = GermanCredit.test();
            LoadTarget target = remote.loadTarget(data);
            target.call(0);
            target.call(1);
            assertThatThrownBy(() -> target.call(2)).hasMessageContaining("holds 9 rows");
            target.call(3);
            assertThat(server.received()).hasSize(4);
            assertThat(server.received().get(0).body()).startsWith("{\"instances\":[[");
            assertThat(server.received().get(1).body()).isNotEqualTo(server.received().get(0).body());
            ((AutoCloseable) target).close();
        }
    }
}
