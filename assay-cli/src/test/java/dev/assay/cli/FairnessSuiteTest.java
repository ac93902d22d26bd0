package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: fairness} in a suite, on the German credit test split's stored predictions, against the
 * golden values of the fairness core ({@code fairness_golden.json} of assay-core, written by
 * {@code scripts/golden/fairness_golden.py} from the same rows).
 */
class FairnessSuiteTest {
    private static final Path GOLDEN = Path.of("../assay-core/src/test/resources/golden/fairness/fairness_golden.json");

    @TempDir
    Path dir;

    private Path suite(String columns, String checks) throws IOException {
        Files.copy(Path.of(EvaluateCommandTest.GERMAN_TEST), dir.resolve("test.csv"));
        return Files.writeString(dir.resolve("suite.yaml"), """
                suite: fairness gate
                data: {current: test.csv}
                columns: {label: class, score: proba_bad, prediction: predicted%s}
                evaluation: {task: binary, positive: bad}
                checks:
                """.formatted(columns) + checks);
    }

    private JsonNode run(Path suite, int exitCode) throws IOException {
        CliRun run = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
    }

    private static Map<String, JsonNode> measurements(JsonNode check) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode m : check.get("measurements")) {
            out.put(m.get("key").isNull() ? m.get("name").asText() : m.get("name").asText() + "[" + m.get("key").asText() + "]", m);
        }
        return out;
    }

    private static JsonNode golden(String name) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        for (JsonNode c : mapper.readTree(GOLDEN.toFile()).get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no golden case " + name);
    }

    @Test
    void oneGroupingGivesPlainMeasuresThatMatchTheGoldenValues() throws IOException {
        Path s = suite("", """
                  - name: Age
                    type: fairness
                    groups: [age]
                    edges: {age: [0, 25, 100]}
                    privileged: {age: "(25, 100]"}
                    fail: ["disparate_impact >= 0.8", "equalized_odds_difference <= 0.1"]
                    warn: "min(selection_rate[*]) >= 0.1"
                """);
        JsonNode check = run(s, 1).get(0);
        assertThat(check.get("status").asText()).isEqualTo("fail");
        Map<String, JsonNode> m = measurements(check);
        JsonNode golden = golden("german_age");
        golden.get("fairlearn").get("between_groups").fields().forEachRemaining(e ->
                assertThat(m.get(e.getKey()).get("value").asDouble()).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-12)));
        assertThat(m.get("disparate_impact").get("value").asDouble())
                .isCloseTo(golden.get("aif360").get("disparate_impact").asDouble(), within(1e-12));
        assertThat(m.get("disparate_impact").get("interval").get("method").asText()).isEqualTo("bootstrap-percentile");
        JsonNode young = golden.get("groups").get("age=[0, 25]");
        assertThat(m.get("selection_rate[age=[0, 25]]").get("value").asDouble()).isCloseTo(young.get("selection_rate").asDouble(), within(1e-12));
        assertThat(m.get("true_positive_rate[age=[0, 25]]").get("n").asInt()).isEqualTo(young.get("tp").asInt() + young.get("fn").asInt());
        assertThat(m.get("selection_rate[age=[0, 25]]").get("interval").get("method").asText()).isEqualTo("wilson");
        assertThat(m.get("selection_rate_p_value").get("value").asDouble()).isCloseTo(golden.get("chi2").get("p").asDouble(), within(1e-10));
        assertThat(m).doesNotContainKey("selection_rate[age=< 0]");
        JsonNode conditions = check.get("conditions");
        assertThat(conditions.get(0).get("passed").asBoolean()).isTrue();
        assertThat(conditions.get(1).get("message").asText()).startsWith("Expecting equalized_odds_difference on test.csv: measured 0.2412");
        assertThat(conditions.get(2).get("passed").asBoolean()).isTrue();
        assertThat(check.get("tables").get(0).get("title").asText()).startsWith("Groups by age");
        assertThat(check.get("tables").get(2).get("rows").get(0).get(3).asDouble()).isCloseTo(golden.get("chi2").get("p").asDouble(), within(1e-10));
        JsonNode chart = check.get("charts").get(0);
        assertThat(chart.get("categories").toString()).isEqualTo("[\"[0, 25]\",\"(25, 100]\"]");
        assertThat(chart.get("series").get(0).get("lower").get(0).asDouble()).isLessThan(young.get("selection_rate").asDouble());
    }

    @Test
    void severalGroupingsAreKeyedAndTheSchemaNamesTheProtectedColumns() throws IOException {
        Path s = suite(", protected: [foreign_worker, personal_status]", """
                  - name: Default groups
                    type: fairness
                    intersections: true
                    convention: fairlearn
                    ci: false
                    fail: "demographic_parity_difference[personal_status] <= 0.5"
                  - name: Plain id with several groupings
                    type: fairness
                    fail: "demographic_parity_difference <= 0.5"
                """);
        JsonNode checks = run(s, 1);
        Map<String, JsonNode> m = measurements(checks.get(0));
        assertThat(checks.get(0).get("status").asText()).isEqualTo("pass");
        assertThat(m.get("demographic_parity_difference[personal_status]").get("value").asDouble()).isCloseTo(golden("german_personal_status")
                .get("fairlearn").get("between_groups").get("demographic_parity_difference").asDouble(), within(1e-12));
        assertThat(m.get("demographic_parity_difference[personal_status]").get("interval").isNull()).isTrue();
        assertThat(m).containsKey("demographic_parity_ratio[foreign_worker&personal_status]")
                .containsKey("selection_rate[foreign_worker=yes,personal_status=male single]")
                .doesNotContainKey("disparate_impact[foreign_worker]");
        assertThat(checks.get(1).get("status").asText()).isEqualTo("fail");
        assertThat(checks.get(1).get("conditions").get(0).get("message").asText()).contains("the check measured no demographic_parity_difference; it measured "
                + "demographic_parity_difference[foreign_worker]");
    }

    @Test
    void smallGroupsAreLeftOutAndUndefinedValuesSaySo() throws IOException {
        Path s = suite("", """
                  - name: Foreign workers
                    type: fairness
                    groups: [foreign_worker]
                    warn: demographic_parity_ratio >= 0.8
                """);
        JsonNode check = run(s, 0).get(0);
        Map<String, JsonNode> m = measurements(check);
        assertThat(m.get("demographic_parity_ratio").get("value").isNull()).isTrue();
        assertThat(m.get("demographic_parity_ratio").get("note").asText()).contains("fewer than two groups have a defined selection_rate and at least 30 rows");
        assertThat(check.get("notes").toString()).contains("Left out of the comparisons by foreign_worker for having fewer than 30 rows: foreign_worker=no (10 rows).");
        assertThat(check.get("conditions").get(0).get("message").asText()).contains("demographic_parity_ratio is undefined");
    }

    @Test
    void theFavourableOutcomeCanBeTheOtherClass() throws IOException {
        Path s = suite("", """
                  - name: Approvals by age
                    type: fairness
                    groups: [age]
                    edges: {age: [0, 25, 100]}
                    favorable: good
                    privileged: {age: "(25, 100]"}
                    fail: disparate_impact >= 0.8
                """);
        JsonNode check = run(s, 0).get(0);
        Map<String, JsonNode> m = measurements(check);
        JsonNode groups = golden("german_age").get("groups");
        double young = 1 - groups.get("age=[0, 25]").get("selection_rate").asDouble();
        double old = 1 - groups.get("age=(25, 100]").get("selection_rate").asDouble();
        assertThat(m.get("selection_rate[age=[0, 25]]").get("value").asDouble()).isCloseTo(young, within(1e-12));
        assertThat(m.get("disparate_impact").get("value").asDouble()).isCloseTo(young / old, within(1e-12));
        assertThat(check.get("notes").toString()).contains("Favourable outcome 'good'");
    }

    @Test
    void badSettingsNameTheKey() throws IOException {
        Path s = suite("", """
                  - name: Bad
                    type: fairness
                    groups: [age]
                    convention: sklearn
                """);
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("convention").contains("explicit, fairlearn, aif360");
        Files.writeString(s, Files.readString(s).replace("convention: sklearn", "privileged: {sex: male}"));
        run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'sex' is not one of the compared groups [age]");
        Files.writeString(s, Files.readString(s).replace("privileged: {sex: male}", "favorable: great"));
        JsonNode check = run(s, 2).get(0);
        assertThat(check.get("message").asText()).contains("favorable: 'great' is not a value of the label column 'class', which holds [bad, good]");
        Files.writeString(s, Files.readString(s).replace("favorable: great", "edges: {age: [25]}"));
        run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("one bin edge");
    }
}
