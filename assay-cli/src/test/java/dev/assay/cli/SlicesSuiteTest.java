package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: slices} and numeric {@code where:} in a suite, and {@code assay evaluate --slices}, on
 * the German credit test split's stored predictions, against golden/slices_german_test.json (pandas
 * 1.5.3 qcut and groupby, scikit-learn 1.2.1, statsmodels 0.13.5 Wilson; scripts/golden/slices_golden.py).
 */
class SlicesSuiteTest {
    private static final String DATA = EvaluateCommandTest.resource("/data/german_credit_test_predictions.csv");

    @TempDir
    Path dir;

    private Path suite(String checks) throws IOException {
        Files.copy(Path.of(DATA), dir.resolve("test.csv"));
        return Files.writeString(dir.resolve("suite.yaml"), """
                suite: slices gate
                data: {current: test.csv}
                columns: {label: class, score: proba_bad, prediction: predicted}
                evaluation: {task: binary, positive: bad}
                checks:
                """ + checks);
    }

    private static Map<String, JsonNode> golden() throws IOException {
        JsonNode all = new ObjectMapper().readTree(Path.of(EvaluateCommandTest.resource("/golden/slices_german_test.json")).toFile());
        Map<String, JsonNode> byKey = new HashMap<>();
        all.get("slices").forEach(s -> byKey.put(s.get("key").asText(), s));
        byKey.put("filters", all.get("filters"));
        return byKey;
    }

    @Test
    void slicesAndNumericWhereMatchTheGoldenValuesEndToEnd() throws IOException {
        Path s = suite("""
                  - name: Recall by age and status
                    type: slices
                    columns: [personal_status, age]
                    pairs: true
                    min_size: 20
                    fail: min(recall[*]) >= 0.2
                    warn: recall[personal_status=male single,age=41..75] >= 0.3
                  - name: Applicants under 25
                    metric: recall
                    where: {age: "< 25"}
                  - name: Applicants from 28 to 37
                    metric: recall
                    where: {age: "(28, 37]"}
                """);
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.out()).contains("WARN    Recall by age and status");
        JsonNode checks = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
        Map<String, JsonNode> golden = golden();
        int members = 0;
        for (JsonNode m : checks.get(0).get("measurements")) {
            JsonNode g = golden.get(m.get("key").asText());
            String name = m.get("name").asText();
            assertThat(m.get("value").asDouble()).as(m.get("key").asText() + " " + name).isCloseTo(g.get(name).asDouble(), within(1e-12));
            assertThat(m.get("n").asInt()).isEqualTo(g.get("n").asInt());
            if (!name.equals("f1")) {
                assertThat(m.get("interval").get("lower").asDouble()).isCloseTo(g.get(name + "_wilson").get(0).asDouble(), within(1e-12));
            }
            members++;
        }
        assertThat(members).isEqualTo(13 * 3);
        JsonNode table = checks.get(0).get("tables").get(0);
        assertThat(table.get("columns").toString()).startsWith("[\"slice\",\"n\",\"positives\",\"recall\",\"recall 95% CI\"");
        assertThat(checks.get(1).get("measurements").get(0).get("value").asDouble())
                .isCloseTo(golden.get("filters").get(0).get("recall").asDouble(), within(1e-12));
        assertThat(checks.get(2).get("measurements").get(0).get("value").asDouble())
                .isCloseTo(golden.get("filters").get(3).get("recall").asDouble(), within(1e-12));
        assertThat(Files.readString(dir.resolve("r/summary.md"))).contains("Recall by age and status");
        assertThat(Files.readString(dir.resolve("r/report.html"))).contains("Metrics per slice").contains("age in (41, 75]");
    }

    @Test
    void aMalformedIntervalIsASuiteErrorAtItsLine() throws IOException {
        Path s = suite("  - metric: recall\n    where: {age: \"[25, 40\"}\n");
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("never").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + s + " line 7").contains("cannot read '[25, 40' as a range");
    }

    @Test
    void aComparisonOnCategoriesIsASuiteErrorAtItsLine() throws IOException {
        Path s = suite("  - metric: recall\n    name: status\n    where: {personal_status: \">= 3\"}\n");
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("never").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + s + " line 8: the 'where' of check 'status': column 'personal_status' of ")
                .contains("does not hold numbers");
    }

    @Test
    void anUnknownSliceColumnIsAnErrorNamingTheSuiteLineAndTheClosestColumn() throws IOException {
        Path s = suite("  - type: slices\n    columns: [agee]\n");
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 7").contains("Did you mean 'age'?");
    }

    @Test
    void evaluatePrintsTheSliceTableAndAJsonMember() throws IOException {
        CliRun text = CliRun.of("evaluate", "--data", DATA, "--label", "class", "--positive", "bad", "--prediction", "predicted",
                "--slices", "personal_status", "--ci", "wilson", "--min-slice-size", "20");
        assertThat(text.exitCode()).as(text.err()).isEqualTo(0);
        assertThat(text.out()).contains("Metrics per slice (3 measured")
                .containsPattern("personal_status = male mar/wid +20 +8 +0\\.25 +0\\.071–0\\.591 .*weak evidence: 8 positive rows")
                .contains("Slices not measured (1; a slice needs at least 20 rows)").containsPattern("personal_status = male div/sep +16 +11 too small");
        CliRun json = CliRun.of("evaluate", "--data", DATA, "--label", "class", "--positive", "bad", "--prediction", "predicted",
                "--slices", "age", "--format", "json");
        JsonNode slices = new ObjectMapper().readTree(json.out()).get("slices");
        Map<String, JsonNode> golden = golden();
        assertThat(slices).hasSize(4);
        for (JsonNode sl : slices) {
            JsonNode g = golden.get(sl.get("key").asText());
            assertThat(sl.get("slice").asText()).isEqualTo(g.get("slice").asText());
            assertThat(sl.get("positives").asInt()).isEqualTo(g.get("positives").asInt());
            assertThat(sl.get("metrics").get("f1").get("value").asDouble()).isCloseTo(g.get("f1").asDouble(), within(1e-12));
        }
        CliRun bad = CliRun.of("evaluate", "--data", DATA, "--label", "class", "--prediction", "predicted", "--slices", "age",
                "--slice-bins", "1");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--slice-bins: the number of quantile bins must be between 2 and 100, not 1.");
    }
}
