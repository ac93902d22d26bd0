package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code assay evaluate --weak-segments} on Adult with the example logistic regression (the forest's float32 probabilities reach 1.0000001, which evaluate reports as an input problem), in text and JSON. */
class EvaluateWeakSegmentsTest {
    private static final String ADULT = Path.of("../examples/models/adult.csv").toAbsolutePath().normalize().toString();
    private static final String FOREST = Path.of("../examples/models/adult_logistic.onnx").toAbsolutePath().normalize().toString();

    @Test
    void jsonHoldsTheSegmentsWorstFirst() throws IOException {
        CliRun r = CliRun.of("evaluate", "--data", ADULT, "--label", "income-per-year", "--model", FOREST, "--positive", ">50K",
                "--weak-segments", "--segment-metric", "recall", "--max-segments", "3", "--segment-columns", "education,sex,age",
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode w = new ObjectMapper().readTree(r.out()).get("weak_segments");
        assertThat(w.get("metric").asText()).isEqualTo("recall");
        assertThat(w.get("tried").asInt()).isGreaterThan(50);
        assertThat(w.get("significant").asInt()).isPositive();
        JsonNode segments = w.get("segments");
        assertThat(segments.size()).isBetween(1, 3);
        for (int i = 0; i < segments.size(); i++) {
            JsonNode s = segments.get(i);
            assertThat(s.get("value").asDouble()).isLessThan(s.get("rest").asDouble());
            assertThat(s.get("adjusted_p").asDouble()).isLessThanOrEqualTo(0.05).isGreaterThanOrEqualTo(s.get("p_value").asDouble());
            assertThat(s.get("interval").get("upper").asDouble()).isGreaterThanOrEqualTo(s.get("value").asDouble());
            if (i > 0) {
                assertThat(s.get("impact").asDouble()).isLessThanOrEqualTo(segments.get(i - 1).get("impact").asDouble());
            }
        }
    }

    @Test
    void textShowsTheTableAndTheCount() {
        CliRun r = CliRun.of("evaluate", "--data", ADULT, "--label", "income-per-year", "--model", FOREST, "--positive", ">50K",
                "--weak-segments", "--segment-columns", "education,sex,race");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Weak segments by accuracy").contains("adjusted p").contains("one-sided Fisher exact test");
    }

    @Test
    void anUnknownMetricOrAMulticlassTaskIsAnInputError() {
        CliRun bad = CliRun.of("evaluate", "--data", EvaluateCommandTest.GERMAN_TEST, "--label", "class", "--prediction",
                "predicted", "--weak-segments", "--segment-metric", "auc");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--segment-metric").contains("recall").doesNotContain("Exception");
        CliRun unknown = CliRun.of("evaluate", "--data", EvaluateCommandTest.GERMAN_TEST, "--label", "class", "--prediction",
                "predicted", "--weak-segments", "--segment-columns", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("nope").doesNotContain("Exception");
    }
}
