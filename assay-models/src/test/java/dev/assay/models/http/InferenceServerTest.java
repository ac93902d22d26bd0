package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassPredictions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's endpoints, called with plain HTTP requests. */
class InferenceServerTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static LogisticRegressionModel model;
    private static InferenceServer server;

    @BeforeAll
    static void serve() {
        model = LogisticRegressionModel.fit(GermanCredit.train(), GermanCredit.mapping(), "class", "bad", "good");
        server = InferenceServer.start(model, "credit", "127.0.0.1", 0, 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void bindsToLoopbackOnAFreePort() {
        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
    }

    @Test
    void healthAndReadiness() throws Exception {
        assertThat(json(get("/v2/health/live")).get("live").asBoolean()).isTrue();
        assertThat(json(get("/v2/health/ready")).get("ready").asBoolean()).isTrue();
        HttpResponse<String> ready = get("/v2/models/credit/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("ready").asBoolean()).isTrue();
    }

    @Test
    void metadataListsTensorsTaskAndClasses() throws Exception {
        JsonNode meta = json(get("/v2/models/credit"));
        int width = GermanCredit.mapping().width();
        assertThat(meta.get("name").asText()).isEqualTo("credit");
        assertThat(meta.get("inputs").get(0).toString()).isEqualTo("{\"name\":\"input\",\"datatype\":\"FP64\",\"shape\":[-1," + width + "]}");
        assertThat(meta.get("outputs").toString()).isEqualTo("[{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[-1]},"
                + "{\"name\":\"probabilities\",\"datatype\":\"FP64\",\"shape\":[-1,2]}]");
        assertThat(meta.get("parameters").get("task").asText()).isEqualTo("binary");
        assertThat(meta.get("parameters").get("classes").asText()).isEqualTo("[\"bad\",\"good\"]");
        assertThat(meta.get("parameters").get("input_names").asText()).contains("\"checking_status=<0\"", "\"job\"");
    }

    @Test
    void infersFromOneTensorPerColumn() throws Exception {
        HttpResponse<String> response = post("/v2/models/credit/infer", "{\"id\": \"r1\", \"inputs\": ["
                + column("duration", "FP64", "6, 48") + "," + column("credit_amount", "FP64", "1169, 5951") + ","
                + column("installment_commitment", "INT64", "4, 2") + "," + column("residence_since", "FP64", "4, 2") + ","
                + column("age", "FP32", "67, 22") + "," + column("existing_credits", "FP64", "2, 1") + ","
                + column("num_dependents", "FP64", "1, 1") + ","
                + column("checking_status", "BYTES", "\"<0\", \"0<=X<200\"") + ","
                + column("credit_history", "BYTES", "\"critical/other existing credit\", \"existing paid\"") + ","
                + column("purpose", "BYTES", "\"radio/tv\", \"radio/tv\"") + ","
                + column("savings_status", "BYTES", "\"no known savings\", \"<100\"") + ","
                + column("employment", "BYTES", "\">=7\", \"1<=X<4\"") + ","
                + column("personal_status", "BYTES", "\"male single\", \"female div/dep/mar\"") + ","
                + column("housing", "BYTES", "\"own\", \"own\"") + "," + column("job", "BYTES", "\"skilled\", \"skilled\"") + "]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("id").asText()).isEqualTo("r1");
        ClassPredictions expected = (ClassPredictions) model.predict(GermanCredit.train().slice(new int[] {0, 1}));
        JsonNode outputs = answer.get("outputs");
        assertThat(outputs.get(0).get("name").asText()).isEqualTo("label");
        assertThat(outputs.get(0).get("data").get(0).asText()).isEqualTo(expected.classes().get(expected.predicted()[0]));
        assertThat(outputs.get(1).get("name").asText()).isEqualTo("probabilities");
        assertThat(outputs.get(1).get("shape").toString()).isEqualTo("[2,2]");
        for (int i = 0; i < 4; i++) {
            assertThat(outputs.get(1).get("data").get(i).doubleValue()).isEqualTo(expected.probabilities()[i]);
        }
    }

    private static String column(String name, String type, String data) {
        return "{\"name\": \"" + name + "\", \"shape\": [2], \"datatype\": \"" + type + "\", \"data\": [" + data + "]}";
    }

    @Test
    void aWrongShapeIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/v2/models/credit/infer",
                "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 3], \"datatype\": \"FP64\", \"data\": [1, 2, 3]}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("input 'input' has shape [1, 3]; expected [rows, "
                + GermanCredit.mapping().width() + "]");
    }

    @Test
    void aTensorWithTooFewValuesIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/v2/models/credit/infer", "{\"inputs\": [{\"name\": \"input\", \"shape\": [2, "
                + GermanCredit.mapping().width() + "], \"datatype\": \"FP64\", \"data\": [1, 2, 3]}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("holds 3 values; its shape needs " + 2 * GermanCredit.mapping().width());
    }

    @Test
    void aBrokenOneHotGroupIsABadRequest() throws Exception {
        int width = GermanCredit.mapping().width();
        double[] row = new double[width];
        java.util.Arrays.fill(row, 2.0);
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < width; i++) {
            data.append(i == 0 ? "" : ",").append(row[i]);
        }
        HttpResponse<String> response = post("/v2/models/credit/infer", "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, " + width
                + "], \"datatype\": \"FP64\", \"data\": [" + data + "]}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("row 1: the one-hot inputs of column 'checking_status' must hold a single 1");
    }

    @Test
    void anUnknownInputIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/v2/models/credit/infer",
                "{\"inputs\": [{\"name\": \"salary\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).startsWith("unknown input 'salary'");
    }

    @Test
    void aMissingFeatureColumnIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> response = post("/v2/models/credit/infer",
                "{\"inputs\": [{\"name\": \"age\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [30]}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("needs the input column 'duration'");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/v2/models/credit/infer", "{\"inputs\": [");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).startsWith("the request is not valid JSON");
    }

    @Test
    void unknownModelsPathsAndMethods() throws Exception {
        HttpResponse<String> unknownModel = get("/v2/models/other");
        assertThat(unknownModel.statusCode()).isEqualTo(404);
        assertThat(json(unknownModel).get("error").asText()).contains("unknown model 'other'");
        assertThat(get("/v1/models/credit").statusCode()).isEqualTo(404);
        assertThat(get("/v2/models/credit/explain").statusCode()).isEqualTo(404);
        assertThat(get("/v2/models/credit/infer").statusCode()).isEqualTo(405);
    }

    @Test
    void aModelThatIsNotThreadSafeIsServedOneCallAtATime() throws Exception {
        ConcurrencyProbe probe = new ConcurrencyProbe(model);
        try (InferenceServer s = InferenceServer.start(probe, "probe", "127.0.0.1", 0, 4);
                HttpModel remote = HttpModel.openInference(s.baseUri(), "probe").features(GermanCredit.mapping()).batchSize(30)
                        .build()) {
            Frame data = GermanCredit.test();
            List<Thread> threads = new java.util.ArrayList<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            for (int t = 0; t < 4; t++) {
                threads.add(DaemonThreads.start("client-" + t, () -> {
                    try {
                        remote.predict(data);
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(probe.calls()).isEqualTo(4 * 10);
            assertThat(probe.maxConcurrent()).isEqualTo(1);
        }
    }

    @Test
    void closingStopsTheServer() throws Exception {
        InferenceServer s = InferenceServer.start(model, "short-lived");
        URI live = s.baseUri().resolve("/v2/health/live");
        assertThat(CLIENT.send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        s.close();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(live).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void aPortInUseIsReported() {
        assertThatThrownBy(() -> InferenceServer.start(model, "again", "127.0.0.1", server.port(), 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Cannot serve model 'again' on 127.0.0.1:" + server.port());
    }

    /** Records how many calls overlap; says it is not thread-safe. */
    private static final class ConcurrencyProbe implements dev.assay.core.model.Model {
        private final LogisticRegressionModel delegate;
        private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger max = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        ConcurrencyProbe(LogisticRegressionModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public dev.assay.core.model.ModelInfo info() {
            dev.assay.core.model.ModelInfo i = delegate.info();
            return new dev.assay.core.model.ModelInfo("probe", i.kind(), i.task(), i.classes(), i.features(),
                    new dev.assay.core.model.ModelCapabilities(true, false, false, 1), i.metadata());
        }

        @Override
        public dev.assay.core.model.Predictions predict(Frame features) {
            max.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1);
                return delegate.predict(features);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                active.decrementAndGet();
                calls.incrementAndGet();
            }
        }

        int calls() {
            return calls.get();
        }

        int maxConcurrent() {
            return max.get();
        }
    }
}
