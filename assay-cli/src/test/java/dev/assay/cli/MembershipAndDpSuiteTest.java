package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: membership_inference} and {@code type: dp_release} in a suite on the German-credit example: the example
 * logistic regression (trained on train.csv) attacked with its training rows as reference, and noised group counts
 * and rates released at a stated epsilon.
 */
class MembershipAndDpSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path suite(String model, String checks) throws IOException {
        Files.copy(EXAMPLES.resolve("german-credit/train.csv"), dir.resolve("train.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(EXAMPLES.resolve("german-credit/test.csv"), dir.resolve("test.csv"), StandardCopyOption.REPLACE_EXISTING);
        return Files.writeString(dir.resolve("suite.yaml"), """
                suite: privacy gate
                data: {current: test.csv, reference: train.csv}
                model: %s
                columns: {label: class}
                evaluation: {task: binary, positive: bad}
                checks:
                """.formatted(EXAMPLES.resolve("models/" + model)) + checks);
    }

    private JsonNode report(Path suite, int exitCode) throws IOException {
        CliRun run = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
    }

    @Test
    void membershipInferenceMatchesTheGoldenAttackAndJudgesItsConditions() throws IOException {
        JsonNode checks = report(suite("german_credit_logistic.tribuo.gz", """
                  - type: membership_inference
                    attack: loss
                    fail: [auc <= 0.6, epsilon_lower_bound <= 1, "tpr_at_fpr[0.01].upper <= 0.05"]
                """), 0);
        JsonNode check = checks.get(0);
        assertThat(check.get("status").asText()).isEqualTo("pass");
        JsonNode golden = new ObjectMapper().readTree(Path.of("../assay-core/src/test/resources/golden/privacy/membership.json")
                .toFile()).get("cases").get(1);
        assertThat(golden.get("fixture").asText()).isEqualTo("membership_logistic.csv");
        JsonNode loss = golden.get("attacks").get("loss");
        assertThat(ReportMeasurements.value(check, "auc")).isCloseTo(loss.get("auc").asDouble(), within(1e-12));
        assertThat(ReportMeasurements.value(check, "advantage")).isCloseTo(loss.get("advantage").asDouble(), within(1e-12));
        assertThat(ReportMeasurements.value(check, "epsilon_lower_bound")).isCloseTo(loss.get("epsilon_lower_bound").asDouble(),
                within(1e-9));
        JsonNode tpr = ReportMeasurements.measurement(check, "tpr_at_fpr[0.01]");
        assertThat(tpr.get("interval").get("upper").asDouble()).isCloseTo(loss.get("tpr_at_fpr").get("0.01").get("ci_high").asDouble(),
                within(1e-9));
    }

    @Test
    void theOverfitForestFailsAStrictGate() throws IOException {
        JsonNode checks = report(suite("german_credit_forest.tribuo.gz", """
                  - type: membership_inference
                    fail: epsilon_lower_bound <= 0.5
                """), 1);
        assertThat(checks.get(0).get("status").asText()).isEqualTo("fail");
        assertThat(ReportMeasurements.value(checks.get(0), "epsilon_lower_bound")).isGreaterThan(0.5);
    }

    @Test
    void dpReleasePublishesNoisedGroupNumbersWithinTheBudget() throws IOException {
        JsonNode checks = report(suite("german_credit_logistic.tribuo.gz", """
                  - type: dp_release
                    group_by: personal_status
                    statistics: [count, positive_rate, selection_rate, accuracy]
                    epsilon: 2
                    reproducible: true
                    fail: epsilon_spent <= 2
                """), 0);
        JsonNode check = checks.get(0);
        assertThat(ReportMeasurements.value(check, "epsilon_spent")).isLessThanOrEqualTo(2).isGreaterThan(1.9999);
        assertThat(ReportMeasurements.value(check, "delta_spent")).isEqualTo(0);
        Map<String, Integer> counts = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("test.csv"));
        int column = List.of(lines.get(0).split(",")).indexOf("personal_status");
        lines.stream().skip(1).forEach(l -> counts.merge(l.split(",")[column], 1, Integer::sum));
        // 4 histograms share epsilon 2: each count has discrete Laplace noise of scale 2 (std 2.8); 8 std allowed
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double noised = ReportMeasurements.value(check, "count[personal_status=" + e.getKey() + "]");
            assertThat(noised).as(e.getKey()).isCloseTo(e.getValue(), within(23.0));
            assertThat(noised).isEqualTo(Math.rint(noised));
            double accuracy = ReportMeasurements.value(check, "accuracy[personal_status=" + e.getKey() + "]");
            assertThat(accuracy).isBetween(0.0, 1.0);
        }
        assertThat(check.get("tables").get(0).get("title").asText()).contains("laplace, epsilon 2");
        // the exact counts must not be what was released (the chance that all four noise draws are 0 is below 0.04^4)
        assertThat(counts.entrySet().stream().allMatch(e -> ReportMeasurements.value(check, "count[personal_status=" + e.getKey()
                + "]") == e.getValue())).isFalse();
    }

    @Test
    void dpReleaseOverItsBudgetOrWithoutEpsilonIsASuiteError() throws IOException {
        CliRun run = CliRun.of("run", suite("german_credit_logistic.tribuo.gz", """
                  - type: dp_release
                    group_by: personal_status
                    mechanism: gaussian
                    delta: 0.5
                    epsilon: 1
                """).toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("delta in (0, 0.01]");
        CliRun missing = CliRun.of("run", suite("german_credit_logistic.tribuo.gz", """
                  - type: dp_release
                    group_by: personal_status
                """).toString(), "--out", dir.resolve("r2").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing key 'epsilon'");
    }
}
