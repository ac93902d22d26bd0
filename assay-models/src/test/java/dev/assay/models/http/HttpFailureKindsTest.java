package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.FeatureMapping;
import com.sun.net.httpserver.HttpServer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpFailureKindsTest {
    private final HttpFailureKinds kinds = new HttpFailureKinds();

    @Test
    void namesStatusesTimeoutsAndRefusedConnections() {
        assertThat(kinds.kindOf(new InvalidInputException("Model 'm' at http://x answered HTTP 503: busy (1 attempt). Check")))
                .isEqualTo("http_503");
        assertThat(kinds.kindOf(new InvalidInputException("Model 'm' at http://x did not answer within the request timeout of 10 ms")))
                .isEqualTo("timeout");
        assertThat(kinds.kindOf(new InvalidInputException("Model 'm' at http://x could not be reached (connection refused)")))
                .isEqualTo("connection_refused");
        assertThat(kinds.kindOf(new IllegalStateException("other", new ConnectException()))).isEqualTo("connection_refused");
        assertThat(kinds.kindOf(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aRealRefusedConnectionAndARealStatusAreNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HttpModel refused = HttpModel.json(URI.create("http://127.0.0.1:" + port + "/predict"), "{\"instances\": \"$rows\"}")
                .features(FeatureMapping.numeric(List.of("x"))).valueOutput("/predictions")
                .maxAttempts(1).build();
        Frame one = Frame.of(NumericColumn.of("x", 1));
        Throwable failure = catchThrowable(() -> refused.predict(one));
        refused.close();
        assertThat(kinds.kindOf(failure)).isEqualTo("connection_refused");

        HttpServer busy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        busy.createContext("/predict", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        busy.start();
        try (HttpModel model = HttpModel.json(URI.create("http://127.0.0.1:" + busy.getAddress().getPort() + "/predict"),
                "{\"instances\": \"$rows\"}").features(FeatureMapping.numeric(List.of("x"))).valueOutput("/predictions")
                .maxAttempts(1).build()) {
            assertThat(kinds.kindOf(catchThrowable(() -> model.predict(one)))).isEqualTo("http_503");
        } finally {
            busy.stop(0);
        }
    }
}
