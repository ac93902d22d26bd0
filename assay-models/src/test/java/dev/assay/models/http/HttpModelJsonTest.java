package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON mode against a server speaking TF Serving's REST format: {"instances": [[...]]} -> {"predictions": [[...]]}. */
class HttpModelJsonTest {
    private static LogisticRegressionModel classifier;
    private static StubServer tfServing;

    @BeforeAll
    static void serve() throws Exception {
        classifier = LogisticRegressionModel.fit(GermanCredit.train(), GermanCredit.mapping(), "class", "bad", "good");
        int width = GermanCredit.mapping().width();
        tfServing = new StubServer((n, method, path, body) -> {
            JsonNode instances = Json.MAPPER.readTree(body).get("instances");
            StringBuilder out = new StringBuilder("{\"model_version\": \"3\", \"predictions\": [");
            double[] x = new double[width];
            for (int r = 0; r < instances.size(); r++) {
                for (int j = 0; j < width; j++) {
                    x[j] = instances.get(r).get(j).doubleValue();
                }
                double p = classifier.probability(x, 0);
                out.append(r == 0 ? "" : ",").append('[').append(p).append(',').append(1 - p).append(']');
            }
            return new StubServer.Response(200, out.append("]}").toString());
        });
    }

    @AfterAll
    static void stop() {
        tfServing.close();
    }

    @Test
    void tfServingStyleProbabilitiesMatchTheInProcessModel() {
        try (HttpModel remote = HttpModel.json(tfServing.uri("/v1/models/credit:predict"), "{\"signature_name\": \"serving_default\", "
                + "\"instances\": \"$rows\"}").features(GermanCredit.mapping()).classes(List.of("bad", "good")).batchSize(100).build()) {
            Frame data = GermanCredit.test();
            ClassPredictions expected = (ClassPredictions) classifier.predict(data);
            ClassPredictions actual = (ClassPredictions) remote.predict(data);
            assertThat(actual.predicted()).containsExactly(expected.predicted());
            assertThat(actual.probabilities()).containsExactly(expected.probabilities());
            assertThat(remote.info().capabilities().probabilities()).isTrue();
            assertThat(remote.info().metadata()).containsEntry("protocol", "json");
        }
        assertThat(tfServing.received()).last().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/models/credit:predict");
            assertThat(r.body()).startsWith("{\"signature_name\":\"serving_default\",\"instances\":[[");
        });
    }

    @Test
    void rowsAsObjectsAreKeyedByColumnWithRawValues() throws Exception {
        try (StubServer flask = new StubServer((n, method, path, body) -> {
            JsonNode rows = Json.MAPPER.readTree(body).get("rows");
            StringBuilder labels = new StringBuilder("{\"result\": {\"labels\": [");
            for (int r = 0; r < rows.size(); r++) {
                labels.append(r == 0 ? "\"" : ",\"").append(rows.get(r).get("age").asInt() < 30 ? "young" : "other").append('"');
            }
            return new StubServer.Response(200, labels.append("]}}").toString());
        }); HttpModel remote = HttpModel.json(flask.uri("/score"), "{\"rows\": \"$rows\"}")
                .features(new FeatureMapping(List.of(FeatureMapping.Feature.numeric("age"),
                        FeatureMapping.Feature.oneHot("purpose", List.of("radio/tv")))))
                .classes(List.of("young", "other")).rowFormat(HttpModel.RowFormat.OBJECTS).labelOutput("/result/labels").build()) {
            Frame data = GermanCredit.test();
            ClassPredictions p = (ClassPredictions) remote.predict(data);
            assertThat(p.probabilities()).isNull();
            assertThat(remote.info().capabilities().probabilities()).isFalse();
            for (int r = 0; r < data.rowCount(); r++) {
                double age = data.numeric("age", "test").get(r);
                assertThat(p.predicted()[r]).as("row %d", r).isEqualTo(age < 30 ? 0 : 1);
            }
            JsonNode first = Json.MAPPER.readTree(flask.received().get(0).body()).get("rows").get(0);
            assertThat(first.get("purpose").asText()).isEqualTo(data.column("purpose").format(0));
            assertThat(first.get("age").asDouble()).isEqualTo(data.numeric("age", "test").get(0));
        }
    }

    @Test
    void aTemplateWithoutThePlaceholderIsRejected() {
        assertThatThrownBy(() -> HttpModel.json(tfServing.uri("/x"), "{\"instances\": []}").features(GermanCredit.mapping())
                .classes(List.of("bad", "good")).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds the string \"$rows\" 0 times");
    }

    @Test
    void aPointerToNothingNamesTheFieldsTheAnswerHas() {
        try (HttpModel remote = HttpModel.json(tfServing.uri("/v1/models/credit:predict"), "{\"instances\": \"$rows\"}")
                .features(GermanCredit.mapping()).classes(List.of("bad", "good")).probabilityOutput("/outputs").build()) {
            assertThatThrownBy(() -> remote.predict(GermanCredit.test()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("nothing at the JSON Pointer '/outputs'")
                    .hasMessageContaining("[model_version, predictions]");
        }
    }
}
