package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: no_regression} in a suite with two real models on the German credit held-out rows: the
 * suite's model (the random forest) is the candidate, {@code baseline_model} (the logistic regression,
 * a path relative to the suite file) the baseline. Values as examples/models/README.md lists them and as
 * {@code assay compare} finds them for the same two models.
 */
class NoRegressionSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode run(String checks, int expectedExit) throws IOException {
        Files.copy(EXAMPLES.resolve("german-credit/test.csv"), dir.resolve("test.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve("models"));
        Files.copy(EXAMPLES.resolve("models/german_credit_logistic.onnx"), dir.resolve("models/champion.onnx"),
                StandardCopyOption.REPLACE_EXISTING);
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: challenger gate
                data: {current: test.csv}
                model: %s
                columns: {label: class}
                evaluation: {task: binary, positive: bad}
                checks:
                """.formatted(EXAMPLES.resolve("models/german_credit_forest.onnx")) + checks);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(expectedExit);
        return JSON.readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    private static JsonNode measured(JsonNode check, String name, String key) {
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().equals(name) && (key == null ? m.path("key").isMissingNode() || m.path("key").isNull()
                    : m.path("key").asText().equals(key))) {
                return m;
            }
        }
        throw new AssertionError("no measurement " + name + "[" + key + "] in " + check);
    }

    @Test
    void theForestDoesNotRegressAgainstTheLogisticModel() throws IOException {
        JsonNode check = run("""
                  - type: no_regression
                    baseline_model: models/champion.onnx
                    metrics: [accuracy, roc_auc, recall]
                    margin: 0.02
                    resamples: 1000
                    fail:
                      - regressions == 0
                      - difference[roc_auc].lower >= -0.05
                """, 0);
        assertThat(check.get("status").asText()).as(check.toString()).isEqualTo("pass");
        assertThat(measured(check, "baseline", "roc_auc").get("value").asDouble()).isCloseTo(0.7032, within(5e-5));
        assertThat(measured(check, "candidate", "roc_auc").get("value").asDouble()).isCloseTo(0.7422, within(5e-5));
        assertThat(measured(check, "baseline", "accuracy").get("value").asDouble()).isCloseTo(0.7067, within(5e-5));
        assertThat(measured(check, "candidate", "accuracy").get("value").asDouble()).isCloseTo(0.7267, within(5e-5));
        assertThat(measured(check, "regressions", null).get("value").asInt()).isZero();

        CliRun compare = CliRun.of("compare", "--data", EXAMPLES.resolve("german-credit/test.csv").toString(), "--label", "class",
                "--positive", "bad", "--baseline", EXAMPLES.resolve("models/german_credit_logistic.onnx").toString(),
                "--candidate", EXAMPLES.resolve("models/german_credit_forest.onnx").toString(), "--format", "json");
        JsonNode c = JSON.readTree(compare.out());
        assertThat(measured(check, "p_value", "roc_auc").get("value").asDouble())
                .isCloseTo(c.get("delong").get("p_value").asDouble(), within(1e-12));
        assertThat(measured(check, "p_value", "accuracy").get("value").asDouble())
                .isCloseTo(c.get("mcnemar").get("p_value").asDouble(), within(1e-12));
        assertThat(measured(check, "negative_flips", null).get("value").asInt()).isEqualTo(c.get("flips").get("baseline_only").asInt());
        JsonNode d = measured(check, "difference", "roc_auc");
        assertThat(d.get("value").asDouble()).isCloseTo(c.get("metrics").get("roc_auc").get("difference").asDouble(), within(1e-12));
        assertThat(d.toString()).contains("lower", "upper");
    }

    @Test
    void aConditionOnTheIntervalCanFailTheGateAndAMissingModelIsAnError() throws IOException {
        JsonNode check = run("""
                  - type: no_regression
                    baseline_model: models/champion.onnx
                    fail: difference[roc_auc].lower >= 0
                """, 1);
        assertThat(check.get("status").asText()).isEqualTo("fail");
        JsonNode error = run("""
                  - type: no_regression
                    baseline_model: models/challenger.onnx
                """, 2);
        assertThat(error.get("status").asText()).isEqualTo("error");
        assertThat(error.toString()).contains("baseline_model").contains(dir.resolve("models/challenger.onnx").toString());
    }
}
