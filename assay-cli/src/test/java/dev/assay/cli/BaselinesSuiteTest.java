package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: baselines} in a suite on the German credit test split's stored predictions, against
 * golden/baselines_german_test.json (scikit-learn 1.2.1's DummyClassifier and metrics, written by
 * scripts/golden/baselines_golden.py).
 */
class BaselinesSuiteTest {
    @TempDir
    Path dir;

    private JsonNode run(String checks, int expectedExit) throws IOException {
        Files.copy(Path.of(EvaluateCommandTest.resource("/data/german_credit_test_predictions.csv")), dir.resolve("test.csv"));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: baselines gate
                data: {current: test.csv}
                columns: {label: class, score: proba_bad, prediction: predicted}
                evaluation: {task: binary, positive: bad}
                checks:
                """ + checks);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    private static double measured(JsonNode check, String name, String key) {
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().equals(name) && (key == null ? m.path("key").isMissingNode() || m.path("key").isNull()
                    : m.path("key").asText().equals(key))) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no measurement " + name + "[" + key + "] in " + check);
    }

    @Test
    void matchesScikitLearnAndTheLiftConditionHolds() throws IOException {
        JsonNode check = run("""
                  - type: baselines
                    fail: accuracy_lift >= 0.02
                    warn: minority_recall >= 0.5
                """, 0);
        JsonNode g = new ObjectMapper().readTree(Path.of(EvaluateCommandTest.resource("/golden/baselines_german_test.json")).toFile());
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(measured(check, "prevalence", "class=bad")).isCloseTo(g.get("prevalence").get("bad").asDouble(), within(1e-12));
        assertThat(measured(check, "prevalence", "class=good")).isCloseTo(g.get("prevalence").get("good").asDouble(), within(1e-12));
        assertThat(measured(check, "imbalance_ratio", null)).isCloseTo(g.get("imbalance_ratio").asDouble(), within(1e-12));
        for (String s : new String[] {"most_frequent", "stratified", "uniform"}) {
            assertThat(measured(check, "baseline_accuracy", "strategy=" + s)).as(s)
                    .isCloseTo(g.get("baseline_accuracy").get(s).asDouble(), within(1e-12));
        }
        for (String id : new String[] {"accuracy_lift", "minority_precision", "minority_recall", "minority_f1", "average_precision"}) {
            assertThat(measured(check, id, null)).as(id).isCloseTo(g.get(id).asDouble(), within(1e-12));
        }
    }

    @Test
    void aHigherBarFailsAndAWideMarginAddsTheWarningNote() throws IOException {
        JsonNode check = run("""
                  - type: baselines
                    margin: 0.05
                    fail: accuracy_lift >= 0.05
                """, 1);
        assertThat(check.get("status").asText()).isEqualTo("fail");
        assertThat(check.get("notes").toString()).contains("WARN: accuracy is misleading here: the model's accuracy 0.7133 is"
                + " within 0.05 of the majority-class baseline 0.6900 (always predicting 'good', 69.0% of rows)");
    }

    @Test
    void assayChecksListsTheKindWithItsKey() {
        CliRun r = CliRun.of("checks");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("baselines: Class imbalance and accuracy against dummy baselines", "margin");
    }
}
