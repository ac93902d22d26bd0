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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    @Timeout(120)
    void aServerThatDoesNotAnswerTimesOut() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        try (StubServer silent = new StubServer((n, method, path, body) -> {
            released.await(2, TimeUnit.MINUTES);
            return new StubServer.Response(200, predictions(3));
        }); HttpModel model = json(silent).requestTimeout(Duration.ofMillis(300)).maxAttempts(1).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Model 'scorer' at " + silent.uri("/predict") + " did not answer within the request timeout of "
                            + "300 ms (1 attempt). Check that the server is running and listening at that address, or raise the "
                            + "timeout, the deadline or the number of attempts.");
        } finally {
            released.countDown();
        }
    }

    @Test
    @Timeout(120)
    void aServerThatStallsInTheMiddleOfTheBodyTimesOut() throws Exception {
        try (StallingServer stalling = new StallingServer(1000, "{\"predictions\": [[0.25, ");
                HttpModel model = HttpModel.json(stalling.uri("/predict"), TEMPLATE).name("scorer").features(AGE)
                        .classes(List.of("bad", "good")).requestTimeout(Duration.ofMillis(300)).maxAttempts(2)
                        .initialBackoff(Duration.ofMillis(1)).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("Model 'scorer' at " + stalling.uri("/predict") + " did not answer within the request "
                            + "timeout of 300 ms (2 attempts).");
        }
    }

    @Test
    void theDeadlineCoversTheWholeCall() throws Exception {
        // every reading of this clock moves it six minutes on: the first batch starts four minutes before the
        // ten-minute deadline, the second would start two minutes after it
        ManualTicker clock = new ManualTicker(Duration.ofMinutes(6).toNanos());
        try (StubServer server = new StubServer((n, method, path, body) -> new StubServer.Response(200, predictions(2)));
                HttpModel model = json(server).batchSize(2).ticker(clock).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Model 'scorer' at " + server.uri("/predict") + ": the overall deadline of 600000 ms passed before "
                            + "this request could be sent; the earlier requests of the call used it up. Raise the deadline.");
            assertThat(server.requests()).isEqualTo(1);
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

    private static final String ANSWER_PROBLEM = ". Check the output settings against the server's answer.";

    private static String problem(StubServer server, String rows, String problem) {
        return "Model 'scorer': the answer for rows " + rows + " from " + server.uri("/predict") + " is not what was expected: "
                + problem + ANSWER_PROBLEM;
    }

    @Test
    void anHtmlPageIsRecognisedAsNoAnswer() throws Exception {
        String page = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>";
        try (StubServer proxy = new StubServer((n, method, path, body) -> new StubServer.Response(200, page));
                HttpModel model = json(proxy).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(problem(proxy, "1-3", "it is an HTML or XML page, not JSON: not a model's answer but perhaps a "
                            + "proxy, login or error page. It begins: " + page));
        }
    }

    @Test
    void aHostileShapeIsRefusedBeforeAnythingIsAllocated() throws Exception {
        try (StubServer server = new StubServer((n, method, path, body) -> path.endsWith("/infer")
                ? new StubServer.Response(200, "{\"outputs\": [{\"name\": \"probabilities\", \"shape\": [3, 1000000000], "
                        + "\"datatype\": \"FP64\", \"data\": [0.5, 0.5]}, {\"name\": \"label\", \"shape\": [30000000000], "
                        + "\"datatype\": \"BYTES\", \"data\": []}]}")
                : new StubServer.Response(200, "{\"name\": \"m\"}"));
                HttpModel model = HttpModel.openInference(server.uri(""), "m").name("scorer").features(AGE)
                        .classes(List.of("bad", "good")).build()) {
            String where = "Model 'scorer': the answer for rows 1-3 from " + server.uri("/v2/models/m/infer")
                    + " is not what was expected: ";
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(where + "output 'label' has the shape [30000000000]; dimensions must be whole numbers from 0 to "
                            + "2147483647" + ANSWER_PROBLEM);
        }
    }

    @Test
    void scoresOutsideZeroToOneAreNotTakenForProbabilities() throws Exception {
        try (StubServer logits = new StubServer((n, method, path, body) -> new StubServer.Response(200,
                "{\"predictions\": [[0.25, 0.75], [-1.3, 2.5], [0.5, 0.5]]}"));
                HttpModel model = json(logits).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(problem(logits, "1-3", "row 2 has the probability -1.3 for class 'bad' in output '/predictions'; "
                            + "probabilities lie between 0 and 1. If the output holds scores or logits, point the probability "
                            + "output at the probabilities"));
        }
        try (StubServer infinite = new StubServer((n, method, path, body) -> new StubServer.Response(200,
                "{\"predictions\": [[0.25, 0.75], [0.5, 0.5], [Infinity, 0]]}"));
                HttpModel model = json(infinite).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("row 3 has the probability Infinity for class 'bad'");
        }
    }

    @Test
    void notANumberIsAMissingProbabilityAsPythonWritesIt() throws Exception {
        try (StubServer python = new StubServer((n, method, path, body) -> new StubServer.Response(200,
                "{\"predictions\": [[0.25, 0.75], [NaN, NaN], [0.5, \"NaN\"]]}"));
                HttpModel model = json(python).build()) {
            ClassPredictions p = (ClassPredictions) model.predict(rows(3));
            assertThat(p.probabilities()).containsExactly(0.25, 0.75, Double.NaN, Double.NaN, 0.5, Double.NaN);
            assertThat(p.predicted()).as("the first class where no probability is known, as numpy's argmax").containsExactly(1, 0, 0);
        }
    }

    @Test
    void aServerThatMiscountsItsClassesIsCaught() throws Exception {
        String metadata = "{\"name\": \"m\", \"outputs\": [{\"name\": \"probabilities\"}], "
                + "\"parameters\": {\"classes\": \"[\\\"bad\\\", \\\"good\\\", \\\"unknown\\\"]\"}}";
        try (StubServer server = new StubServer((n, method, path, body) -> path.endsWith("/infer")
                ? new StubServer.Response(200, "{\"outputs\": [{\"name\": \"probabilities\", \"shape\": [3, 2], "
                        + "\"datatype\": \"FP64\", \"data\": [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]}]}")
                : new StubServer.Response(200, metadata));
                HttpModel model = HttpModel.openInference(server.uri(""), "m").name("scorer").features(AGE).build()) {
            assertThat(model.info().classes()).containsExactly("bad", "good", "unknown");
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Model 'scorer': the answer for rows 1-3 from " + server.uri("/v2/models/m/infer") + " is not "
                            + "what was expected: the probability output 'probabilities' has shape [3, 2], but the model has 3 "
                            + "classes [bad, good, unknown]" + ANSWER_PROBLEM);
        }
        try (StubServer twice = new StubServer((n, method, path, body) -> new StubServer.Response(200,
                "{\"name\": \"m\", \"parameters\": {\"classes\": [\"bad\", \"bad\"]}}"))) {
            assertThatThrownBy(() -> HttpModel.openInference(twice.uri(""), "m").name("scorer").features(AGE).build())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("HTTP model 'scorer': the metadata at " + twice.uri("/v2/models/m") + " lists a class twice: "
                            + "[bad, bad]. Set the classes in the model settings, each once, in the order of the probability "
                            + "output.");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anAnswerLargerThanTheLimitIsRefused(boolean chunked) throws Exception {
        try (StubServer verbose = new StubServer((n, method, path, body) -> new StubServer.Response(200, predictions(3)
                + " ".repeat(100_000), chunked));
                HttpModel model = json(verbose).maxAnswerBytes(1000).build();
                HttpModel roomy = json(verbose).maxAnswerBytes(200_000).build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Model 'scorer' at " + verbose.uri("/predict") + " answered with more than 1000 bytes. Send smaller "
                            + "batches (batch size), or raise the answer limit if the answers are meant to be this large.");
            assertThat(verbose.requests()).as("not retried").isEqualTo(1);
            assertThat(((ClassPredictions) roomy.predict(rows(3))).predicted()).containsExactly(1, 1, 1);
        }
    }

    @Test
    void classIndicesAsLabelsAreReadAsTheClassesAtThoseIndices() throws Exception {
        try (StubServer indices = new StubServer((n, method, path, body) -> new StubServer.Response(200,
                "{\"labels\": [1, 0, 1]}"));
                HttpModel model = json(indices).labelOutput("/labels").build()) {
            assertThat(((ClassPredictions) model.predict(rows(3))).predicted()).containsExactly(1, 0, 1);
        }
        try (StubServer beyond = new StubServer((n, method, path, body) -> new StubServer.Response(200,
                "{\"labels\": [1, 0, 2]}"));
                HttpModel model = json(beyond).labelOutput("/labels").build()) {
            assertThatThrownBy(() -> model.predict(rows(3)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(problem(beyond, "1-3", "row 3 has the label '2', which is not one of the classes [bad, good] nor "
                            + "a class index from 0 to 1"));
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
