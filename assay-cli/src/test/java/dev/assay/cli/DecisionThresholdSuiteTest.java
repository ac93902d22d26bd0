package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: decision_threshold} in a suite on the German credit test split's stored scores, against
 * golden/thresholds_german_test.json (scikit-learn 1.2.1's metric functions and numpy by brute force
 * over every threshold, written by scripts/golden/thresholds_golden.py).
 */
class DecisionThresholdSuiteTest {
    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    private CliRun runSuite(String header, String checks) throws IOException {
        Files.copy(Path.of(EvaluateCommandTest.resource("/data/german_credit_test_predictions.csv")), dir.resolve("test.csv"));
        Files.copy(Path.of(EvaluateCommandTest.resource("/data/iris_predictions.csv")), dir.resolve("iris.csv"));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), header + "checks:\n" + checks);
        return CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
    }

    private JsonNode run(String checks, int expectedExit) throws IOException {
        CliRun r = runSuite("""
                suite: threshold gate
                data: {current: test.csv}
                columns: {label: class, score: proba_bad, prediction: predicted}
                evaluation: {task: binary, positive: bad}
                """, checks);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    private static JsonNode golden() throws IOException {
        return new ObjectMapper().readTree(Path.of(EvaluateCommandTest.resource("/golden/thresholds_german_test.json")).toFile());
    }

    private static double measured(JsonNode check, String name) {
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().equals(name)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no measurement " + name + " in " + check);
    }

    @Test
    void statlogCostsChooseTheLeastCostlyThreshold() throws IOException {
        JsonNode check = run("""
                  - type: decision_threshold
                    costs: {false_positive: 1, false_negative: 5}
                    fail: [optimal_expected_cost <= 0.6, threshold <= 0.5]
                    warn: expected_cost <= 0.8
                """, 0);
        JsonNode g = golden().get("costs").get(0);
        assertThat(g.get("false_negative").asDouble()).isEqualTo(5);
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(measured(check, "threshold")).isEqualTo(g.get("optimal_threshold").asDouble());
        assertThat(measured(check, "cost_optimal_threshold")).isEqualTo(g.get("optimal_threshold").asDouble());
        assertThat(measured(check, "optimal_expected_cost")).isCloseTo(g.get("optimal_cost").asDouble(), within(TOLERANCE));
        assertThat(measured(check, "expected_cost")).isCloseTo(g.get("cost_at_0.5").asDouble(), within(TOLERANCE));
        assertThat(measured(check, "bayes_threshold")).isCloseTo(1.0 / 6, within(TOLERANCE));
        List<String> titles = new ArrayList<>();
        check.get("charts").forEach(c -> titles.add(c.get("title").asText()));
        assertThat(titles).containsExactly("ROC curve", "Precision-recall curve", "Expected cost against the threshold");
        assertThat(check.get("tables").get(0).get("rows").get(0).get(1).asDouble()).isEqualTo(g.get("optimal_threshold").asDouble());
    }

    @Test
    void bestF1AndConstrainedPrecisionMatchTheBruteForce() throws IOException {
        JsonNode check = run("""
                  - type: decision_threshold
                    optimize: f1
                    fail: f1 >= 0.6
                  - type: decision_threshold
                    name: Precision at 90% recall
                    optimize: precision
                    constraint: "recall >= 0.9"
                    fail: precision >= 0.3
                """, 0);
        JsonNode g = golden();
        assertThat(measured(check, "threshold")).isEqualTo(g.get("optima").get("f1").get("threshold").asDouble());
        assertThat(measured(check, "f1")).isCloseTo(g.get("optima").get("f1").get("value").asDouble(), within(TOLERANCE));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile());
        JsonNode constrained = report.get("checks").get(1);
        JsonNode e = g.get("constrained").get(0);
        assertThat(e.get("constraint").asText()).isEqualTo("recall >= 0.9");
        assertThat(measured(constrained, "threshold")).isEqualTo(e.get("threshold").asDouble());
        assertThat(measured(constrained, "precision")).isCloseTo(e.get("value").asDouble(), within(TOLERANCE));
        assertThat(measured(constrained, "recall")).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void anUnreachableConstraintSaysWhatIsReachable() throws IOException {
        JsonNode check = run("""
                  - type: decision_threshold
                    optimize: recall
                    constraint: "precision >= 1.5"
                    fail: recall >= 0.5
                """, 2);
        assertThat(check.get("status").asText()).isEqualTo("error");
        assertThat(check.toString()).contains("No threshold meets precision >= 1.5", "the highest reachable precision is 1.00000");
    }

    @Test
    void multiclassIsRejectedAtTheSuiteLine() throws IOException {
        CliRun r = runSuite("""
                suite: iris
                data: {current: iris.csv}
                columns: {label: species, prediction: predicted}
                evaluation: {task: multiclass}
                """, """
                  - type: decision_threshold
                    fail: f1 >= 0.5
                """);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("suite.yaml line 6", "decision_threshold needs binary scores", "multiclass");
    }

    @Test
    void badKeysAreNamed() throws IOException {
        CliRun r = runSuite("""
                suite: bad
                data: {current: test.csv}
                columns: {label: class, score: proba_bad}
                evaluation: {task: binary, positive: bad}
                """, """
                  - type: decision_threshold
                    costs: {false_postive: 1}
                """);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown cost 'false_postive'", "false_positive");
    }

    @Test
    void assayChecksListsTheKindWithItsKeys() {
        CliRun r = CliRun.of("checks");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("decision_threshold:", "optimize", "constraint", "costs");
    }
}
