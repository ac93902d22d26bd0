package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failures of the server or the network, each against a real server started here. */
class HttpModelFailureTest {
    private static final FeatureMapping AGE = FeatureMapping.numeric(List.of("age"));
    private static final String TEMPLATE = "{\"instances\": \"$rows\"}";

    private static Frame rows(int n) {
        return GermanCredit.test().slice(java.util.stream.IntStream.range(0, n).toArray());
    }

    private static String predictions(int n) {
        StringBuilder s = new StringBuilder("{\"predictions\": [");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append("[0.25, 0.75]");
        }
        return s.append("]}").toString();
    }

    private static HttpModel.Builder json(StubServer server) {
        return HttpModel.json(server.uri("/predict"), TEMPLATE).name("scorer").features(AGE).classes(List.of("bad", "good"));
    }

    @Test
    void aClosedPortNamesTheUrlAndTheModel() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> HttpModel.openInference(base, "credit").features(AGE).maxAttempts(2)
                .initialBackoff(Duration.ofMillis(10)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Model 'credit' at http://127.0.0.1:" + port + "/v2/models/credit could not be reached")
                .hasMessageContaining("(2 attempts)")
                .hasMessageContaining("Check that the server is running");
    }

    @Test
    void aSlowServerTimesOutWithinTheLimit() throws Exception {
        try (StubServer slow = new StubServer((n, method, path, body) -> {
            Thread.sleep(5_000);
            return new StubServer.Response(200, predictions(3));
        }); HttpModel model = json(slow).requestTimeout(Duration.ofMillis(300)).maxAttempts(1).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Model 'scorer' at " + slow.uri("/predict"))
                    .hasMessageContaining("did not answer within the request timeout of 300 ms (1 attempt)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300 + 1500));
        }
    }

    @Test
    void theDeadlineBoundsAllRetries() throws Exception {
        try (StubServer slow = new StubServer((n, method, path, body) -> {
            Thread.sleep(5_000);
            return new StubServer.Response(200, predictions(3));
        }); HttpModel model = json(slow).requestTimeout(Duration.ofMillis(400)).deadline(Duration.ofMillis(600))
                .initialBackoff(Duration.ofMillis(10)).maxAttempts(10).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("did not answer within the overall deadline of 600 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600 + 1500));
            assertThat(slow.requests()).isBetween(2, 3);
        }
    }

    @Test
    void aServerErrorShowsTheStatusAndTheStartOfTheBody() throws Exception {
        String longBody = "{\"error\": \"division by zero\", \"trace\": \"" + "x".repeat(2000) + "\"}";
        try (StubServer failing = new StubServer((n, method, path, body) -> new StubServer.Response(500, longBody));
                HttpModel model = json(failing).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("answered HTTP 500: {\"error\": \"division by zero\"")
                    .hasMessageContaining(longBody.substring(0, 500) + "...")
                    .hasMessageNotContaining(longBody.substring(0, 501));
            assertThat(failing.requests()).as("a 500 is not retried").isEqualTo(1);
        }
    }

    @Test
    void malformedJsonSaysWhere() throws Exception {
        try (StubServer broken = new StubServer((n, method, path, body) -> new StubServer.Response(200, "{\"predictions\": [[0.2, 0.8],"));
                HttpModel model = json(broken).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Model 'scorer': the answer for rows 1-3 from " + broken.uri("/predict"))
                    .hasMessageContaining("is not valid JSON")
                    .hasMessageContaining("line 1, column");
        }
    }

    @Test
    void theWrongNumberOfRowsIsReportedWithBothCounts() throws Exception {
        try (StubServer short1 = new StubServer((n, method, path, body) -> new StubServer.Response(200, predictions(2)));
                HttpModel model = json(short1).batchSize(5).build()) {
            assertThatThrownBy(() -> model.predict(rows(8)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("the answer for rows 1-5")
                    .hasMessageContaining("holds 2 rows in output '/predictions', expected 5");
        }
    }

    @Test
    void missingOutputsNameWhatWasThere() throws Exception {
        try (StubServer server = new StubServer((n, method, path, body) -> path.endsWith("/infer")
                ? new StubServer.Response(200, "{\"outputs\": [{\"name\": \"output-0\", \"shape\": [3], \"datatype\": \"INT64\", "
                        + "\"data\": [0, 1, 1]}]}")
                : new StubServer.Response(200, "{\"name\": \"m\", \"outputs\": [{\"name\": \"output-0\"}]}"));
                HttpModel model = HttpModel.openInference(server.uri(""), "m").features(AGE).classes(List.of("0", "1")).build()) {
            assertThat(model.info().capabilities().probabilities()).isFalse();
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("has the outputs [output-0] but none named 'label' or 'probabilities'");
        }
    }

    @Test
    void integerLabelsAreMatchedToClassNames() throws Exception {
        try (StubServer server = new StubServer((n, method, path, body) -> path.endsWith("/infer")
                ? new StubServer.Response(200, "{\"outputs\": [{\"name\": \"output-0\", \"shape\": [3], \"datatype\": \"INT64\", "
                        + "\"data\": [0, 1, 1]}]}")
                : new StubServer.Response(200, "{\"name\": \"m\", \"platform\": \"sklearn\"}"));
                HttpModel model = HttpModel.openInference(server.uri("/"), "m").features(AGE).classes(List.of("0", "1"))
                        .labelOutput("output-0").build()) {
            ClassPredictions p = (ClassPredictions) model.predict(rows(3));
            assertThat(p.predicted()).containsExactly(0, 1, 1);
            assertThat(model.info().metadata()).containsEntry("server_platform", "sklearn");
        }
    }

    @Test
    void oneProbabilityPerRowIsTheSecondClassOfABinaryModel() throws Exception {
        try (StubServer sigmoid = new StubServer((n, method, path, body) -> new StubServer.Response(200,
                "{\"predictions\": [[0.875], [0.25], [0.5]]}"));
                HttpModel model = json(sigmoid).build()) {
            ClassPredictions p = (ClassPredictions) model.predict(rows(3));
            assertThat(p.probabilities()).containsExactly(0.125, 0.875, 0.75, 0.25, 0.5, 0.5);
            assertThat(p.predicted()).containsExactly(1, 0, 0);
        }
    }

    @Test
    void retriesSucceedAfterTwoUnavailableAnswers() throws Exception {
        try (StubServer flaky = new StubServer((n, method, path, body) -> n <= 2
                ? new StubServer.Response(503, "{\"error\": \"warming up\"}") : new StubServer.Response(200, predictions(3)));
                HttpModel model = json(flaky).maxAttempts(3).initialBackoff(Duration.ofMillis(20)).build()) {
            ClassPredictions p = (ClassPredictions) model.predict(rows(3));
            assertThat(p.predicted()).containsExactly(1, 1, 1);
            assertThat(flaky.requests()).isEqualTo(3);
        }
    }

    @Test
    void retriesStopAtTheBoundWithTheLastAnswer() throws Exception {
        try (StubServer down = new StubServer((n, method, path, body) -> new StubServer.Response(502, "bad gateway"));
                HttpModel model = json(down).maxAttempts(3).initialBackoff(Duration.ofMillis(10)).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("answered HTTP 502: bad gateway (3 attempts)");
            assertThat(down.requests()).isEqualTo(3);
        }
    }

    @Test
    void theBearerTokenComesFromTheNamedVariableAndHeadersAreSent() throws Exception {
        Map<String, String> environment = Map.of("SCORING_TOKEN", "s3cret-token");
        try (StubServer server = new StubServer((n, method, path, body) -> new StubServer.Response(200, predictions(3)));
                HttpModel model = json(server).bearerTokenVariable("SCORING_TOKEN").environment(environment::get)
                        .header("X-Team", "risk").build()) {
            model.predict(rows(3));
            assertThat(server.received()).singleElement().satisfies(r -> {
                assertThat(r.authorization()).isEqualTo("Bearer s3cret-token");
                assertThat(r.customHeader()).isEqualTo("risk");
            });
            assertThat(model.info().metadata().values()).noneMatch(v -> v.contains("s3cret"));
        }
    }

    @Test
    void theProcessEnvironmentIsReadByDefault() throws Exception {
        String path = System.getenv("PATH");
        assertThat(path).as("the test JVM has a PATH").isNotBlank();
        try (StubServer server = new StubServer((n, method, p, body) -> new StubServer.Response(200, predictions(1)));
                HttpModel model = json(server).bearerTokenVariable("PATH").build()) {
            model.predict(rows(1));
            assertThat(server.received().get(0).authorization()).isEqualTo("Bearer " + path.strip());
        }
    }

    @Test
    void anUnsetTokenVariableIsReportedByName() {
        assertThatThrownBy(() -> HttpModel.json(URI.create("http://127.0.0.1:9/x"), TEMPLATE).features(AGE)
                .task(Task.REGRESSION).bearerTokenVariable("NO_SUCH_TOKEN").environment(name -> null).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environment variable NO_SUCH_TOKEN, which is not set");
    }

    @Test
    void aHeaderTheClientMayNotSendIsReported() {
        assertThatThrownBy(() -> HttpModel.json(URI.create("http://127.0.0.1:9/x"), TEMPLATE).features(AGE).task(Task.REGRESSION)
                .header("Connection", "close").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot send the header 'Connection'");
    }

    @Test
    void unknownClassesAreReportedBeforeAnyRequest() {
        assertThatThrownBy(() -> HttpModel.json(URI.create("http://127.0.0.1:9/x"), TEMPLATE).features(AGE).task(Task.BINARY).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("class labels are unknown");
    }
}
