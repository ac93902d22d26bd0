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
 * {@code type: calibration} in a suite on the German credit test split's stored scores, against
 * golden/calibration_german_test.json (scikit-learn 1.2.1's calibration_curve and numpy, written by
 * scripts/golden/calibration_golden.py).
 */
class CalibrationSuiteTest {
    @TempDir
    Path dir;

    private JsonNode run(String checks, int expectedExit) throws IOException {
        for (String part : new String[] {"train", "test"}) {
            Files.copy(Path.of(EvaluateCommandTest.resource("/data/german_credit_" + part + "_predictions.csv")),
                    dir.resolve(part + ".csv"));
        }
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: calibration gate
                data: {current: test.csv, reference: train.csv}
                columns: {label: class, score: proba_bad, prediction: predicted}
                evaluation: {task: binary, positive: bad}
                checks:
                """ + checks);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    private static JsonNode golden(String strategy, int bins) throws IOException {
        JsonNode all = new ObjectMapper().readTree(Path.of(EvaluateCommandTest.resource("/golden/calibration_german_test.json")).toFile());
        for (JsonNode v : all.get("variants")) {
            if (v.get("strategy").asText().equals(strategy) && v.get("n_bins").asInt() == bins) {
                return v;
            }
        }
        throw new IllegalArgumentException(strategy + " " + bins);
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
    void defaultBinsMatchScikitLearnAndConditionsAgainstTheReferenceHold() throws IOException {
        JsonNode check = run("""
                  - type: calibration
                    fail: [ece <= 0.1, ece <= reference + 0.05, brier_score <= 0.2]
                """, 0);
        JsonNode g = golden("uniform", 10);
        assertThat(check.get("status").asText()).isEqualTo("pass");
        for (String id : new String[] {"ece", "mce", "brier_score", "brier_reliability", "brier_resolution", "brier_uncertainty"}) {
            assertThat(measured(check, id)).as(id).isCloseTo(g.get(id).asDouble(), within(1e-12));
        }
        JsonNode bins = check.get("tables").get(0).get("rows");
        assertThat(bins).hasSize(g.get("count").size());
        for (int b = 0; b < bins.size(); b++) {
            assertThat(bins.get(b).get(2).asLong()).isEqualTo(g.get("count").get(b).asLong());
            assertThat(bins.get(b).get(3).asDouble()).isEqualTo(g.get("prob_pred").get(b).asDouble());
            assertThat(bins.get(b).get(4).asDouble()).isEqualTo(g.get("prob_true").get(b).asDouble());
        }
        assertThat(check.get("charts").get(0).get("title").asText()).isEqualTo("Reliability diagram");
    }

    @Test
    void quantileBinsAndAFailedCondition() throws IOException {
        JsonNode check = run("""
                  - type: calibration
                    name: Calibrated scores
                    bins: 5
                    strategy: quantile
                    fail: mce <= 0.1
                """, 1);
        JsonNode g = golden("quantile", 5);
        assertThat(measured(check, "ece")).isCloseTo(g.get("ece").asDouble(), within(1e-12));
        assertThat(check.get("conditions").get(0).get("message").asText()).startsWith("Expecting mce on test.csv: measured 0.1177");
    }

    @Test
    void assayChecksListsTheKindWithItsKeys() {
        CliRun r = CliRun.of("checks");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("calibration: Calibration of binary scores", "bins", "strategy");
    }
}
