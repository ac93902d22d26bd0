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
 * Conditions on confidence bounds in a suite file, on German credit's 300 test rows with stored
 * predictions (recall: 38 of 93 bad risks caught).
 */
class RunIntervalsTest {
    @TempDir
    Path dir;

    private Path suite(String checks) throws IOException {
        Files.copy(Path.of(EvaluateCommandTest.resource("/data/german_credit_test_predictions.csv")), dir.resolve("test.csv"));
        return Files.writeString(dir.resolve("suite.yaml"), """
                suite: recall with uncertainty
                data: {current: test.csv}
                columns: {label: class, score: proba_bad, prediction: predicted}
                evaluation: {task: binary, positive: bad}
                seed: 3
                checks:
                """ + checks);
    }

    @Test
    void lowerBoundsAreJudgedAndReported() throws IOException {
        Path s = suite("""
                  - metric: recall
                    ci: {method: wilson}
                    fail: recall.lower >= 0.3
                    warn: recall.lower >= 0.35
                  - metric: roc_auc
                    ci: true
                    fail: roc_auc.lower >= 0.65
                """);
        Path out = dir.resolve("r");
        CliRun run = CliRun.of("run", s.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("WARN    recall - recall = 0.4086 (95% CI 0.3143–0.5102) on 300 rows")
                .contains("warn recall.lower >= 0.35: Expecting recall.lower on test.csv: measured 0.3143 (95% CI 0.3143–0.5102,"
                        + " n=300) to be at least 0.35")
                .contains("PASS    roc_auc - roc_auc = 0.7502 (95% CI ");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode checks = report.get("checks");
        JsonNode recall = checks.get(0).get("measurements").get(0);
        // statsmodels 0.13.5: proportion_confint(38, 93, method='wilson')
        assertThat(recall.get("interval").get("lower").asDouble()).isCloseTo(0.31425494945885146, within(1e-12));
        assertThat(recall.get("interval").get("upper").asDouble()).isCloseTo(0.5102004004809282, within(1e-12));
        assertThat(recall.get("interval").get("method").asText()).isEqualTo("wilson");
        JsonNode auc = checks.get(1).get("measurements").get(0);
        assertThat(auc.get("interval").get("method").asText()).isEqualTo("bootstrap-bca");
        assertThat(auc.get("interval").get("lower").asDouble()).isGreaterThan(0.65).isLessThan(auc.get("value").asDouble());
        assertThat(auc.get("interval").get("upper").asDouble()).isGreaterThan(auc.get("value").asDouble()).isLessThan(0.85);
        assertThat(report.get("provenance").get("checks").get("roc_auc").toString())
                .contains("\"ci.method\":\"bca\",\"ci.resamples\":\"1000\",\"ci.level\":\"0.95\"", "\"seed\":\"3\"");
    }

    @Test
    void badIntervalSettingsAreASuiteErrorAtTheirLine() throws IOException {
        Path s = suite("""
                  - metric: recall
                    ci: {resamples: 10}
                """);
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("never").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + s + " line 8: 'ci.resamples' must be at least 100 for a bootstrap interval,"
                + " got 10. Use 1000 or more for 95% intervals.\n");
    }
}
