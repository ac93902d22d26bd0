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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multiclass (one-vs-rest per class) and regression fairness, in a suite and through {@code assay fairness},
 * on the professor salaries (rank and salary predicted by scikit-learn) against the golden values of
 * {@code scripts/golden/fairness_golden.py} ({@code multiclass} and {@code regressions} of fairness_golden.json).
 */
class FairnessTasksTest {
    private static final Path FIXTURES = Path.of("../assay-core/src/test/resources/golden/fairness");
    private static final String DATA = FIXTURES.resolve("professor_predictions.csv").toString();
    private static final List<String> RATES = List.of("selection_rate", "true_positive_rate", "false_positive_rate",
            "positive_predictive_value");

    @TempDir
    Path dir;

    private static JsonNode golden(String section, String name) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        for (JsonNode c : mapper.readTree(FIXTURES.resolve("fairness_golden.json").toFile()).get(section)) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no golden case " + name);
    }

    private JsonNode run(String columns, String evaluation, String checks, int exitCode) throws IOException {
        Files.copy(Path.of(DATA), dir.resolve("professors.csv"));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: professors
                data: {current: professors.csv}
                columns: {%s}
                evaluation: {%s}
                checks:
                """.formatted(columns, evaluation) + checks);
        CliRun run = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    private static Map<String, JsonNode> measurements(JsonNode check) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode m : check.get("measurements")) {
            out.put(m.get("key").isNull() ? m.get("name").asText() : m.get("name").asText() + "[" + m.get("key").asText() + "]", m);
        }
        return out;
    }

    private static JsonNode fairness(String... args) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of("fairness", "--data", DATA, "--format", "json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void multiclassSuiteMeasuresEveryClassOneVsRest() throws IOException {
        JsonNode check = run("label: rank, prediction: predicted_rank", "task: multiclass", """
                  - type: fairness
                    groups: [sex]
                    privileged: {sex: Male}
                    fail: "min(disparate_impact[*]) >= 0.8"
                    warn: "max(demographic_parity_difference[*]) <= 0.2"
                """, 1);
        Map<String, JsonNode> m = measurements(check);
        Iterator<Map.Entry<String, JsonNode>> classes = golden("multiclass", "professor_rank_sex").get("classes").fields();
        int seen = 0;
        while (classes.hasNext()) {
            Map.Entry<String, JsonNode> c = classes.next();
            String key = "[class=" + c.getKey() + "]";
            c.getValue().get("fairlearn").get("between_groups").fields().forEachRemaining(e -> assertThat(
                    m.get(e.getKey() + key).get("value").asDouble()).as(e.getKey() + key).isCloseTo(e.getValue().asDouble(), within(1e-12)));
            assertThat(m.get("disparate_impact" + key).get("value").asDouble())
                    .isCloseTo(c.getValue().get("aif360").get("disparate_impact").asDouble(), within(1e-12));
            for (String rate : RATES) {
                assertThat(m.get(rate + "[sex=Female,class=" + c.getKey() + "]").get("value").asDouble()).as(rate)
                        .isCloseTo(c.getValue().get("groups").get("sex=Female").get(rate).asDouble(), within(1e-12));
            }
            assertThat(m.get("selection_rate_p_value" + key).get("value").asDouble())
                    .isCloseTo(c.getValue().get("chi2").get("p").asDouble(), within(1e-10));
            seen++;
        }
        assertThat(seen).isEqualTo(3);
        // disparate impact of AssocProf is 0.798: the four-fifths rule fails for that class only
        assertThat(check.get("status").asText()).isEqualTo("fail");
        assertThat(check.get("conditions").get(0).get("message").asText()).contains("disparate_impact[class=AssocProf]");
        assertThat(check.get("notes").toString()).contains("one-vs-rest for each of the 3 classes");
    }

    @Test
    void multiclassWithSeveralGroupingsKeysByGroupingAndClass() throws IOException {
        JsonNode check = run("label: rank, prediction: predicted_rank", "task: multiclass", """
                  - type: fairness
                    groups: [sex, discipline]
                    ci: false
                    fail: "demographic_parity_difference[discipline,class=Prof] <= 0.5"
                """, 0);
        Map<String, JsonNode> m = measurements(check);
        JsonNode golden = golden("multiclass", "professor_rank_discipline").get("classes");
        for (String c : List.of("AssocProf", "AsstProf", "Prof")) {
            assertThat(m.get("equalized_odds_difference[discipline,class=" + c + "]").get("value").asDouble())
                    .isCloseTo(golden.get(c).get("fairlearn").get("between_groups").get("equalized_odds_difference").asDouble(), within(1e-12));
        }
    }

    @Test
    void regressionSuiteComparesErrorsAndPredictions() throws IOException {
        JsonNode check = run("label: salary, prediction: predicted_salary", "task: regression", """
                  - type: fairness
                    groups: [sex]
                    fail: "mean_absolute_error_ratio >= 0.7"
                    warn: "mean_prediction_difference.upper <= 20000"
                """, 1);
        Map<String, JsonNode> m = measurements(check);
        JsonNode golden = golden("regressions", "professor_salary_sex");
        golden.get("differences").get("between_groups").fields().forEachRemaining(e -> assertThat(
                m.get(e.getKey()).get("value").asDouble()).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-9)));
        assertThat(m.get("mean_absolute_error[sex=Female]").get("value").asDouble())
                .isCloseTo(golden.get("mean_absolute_error").get("sex=Female").asDouble(), within(1e-9));
        assertThat(m.get("mean_prediction[sex=Male]").get("value").asDouble())
                .isCloseTo(golden.get("mean_prediction").get("sex=Male").asDouble(), within(1e-9));
        JsonNode interval = m.get("mean_prediction_difference").get("interval");
        assertThat(interval.get("lower").asDouble()).isLessThan(m.get("mean_prediction_difference").get("value").asDouble());
        // MAE ratio 0.658 (women's predictions are closer): the gate at 0.7 fails
        assertThat(check.get("status").asText()).isEqualTo("fail");
    }

    @Test
    void commandMulticlassJsonKeysEveryMeasureByClass() throws IOException {
        JsonNode out = fairness("--label", "rank", "--prediction", "predicted_rank", "--task", "multiclass", "--group", "sex",
                "--privileged", "Male", "--resamples", "0");
        JsonNode golden = golden("multiclass", "professor_rank_sex").get("classes");
        assertThat(out.get("classes").toString()).isEqualTo("[\"AssocProf\",\"AsstProf\",\"Prof\"]");
        golden.fields().forEachRemaining(c -> {
            c.getValue().get("fairlearn").get("between_groups").fields().forEachRemaining(e -> assertThat(
                    out.get("metrics").get(e.getKey() + "[class=" + c.getKey() + "]").get("value").asDouble())
                    .isCloseTo(e.getValue().asDouble(), within(1e-12)));
            JsonNode female = out.get("groups").get("sex=Female,class=" + c.getKey());
            JsonNode expected = c.getValue().get("groups").get("sex=Female");
            for (String count : List.of("n", "tp", "fp", "fn", "tn")) {
                assertThat(female.get(count).asLong()).as(c.getKey() + " " + count).isEqualTo(expected.get(count).asLong());
            }
            assertThat(female.get("class").asText()).isEqualTo(c.getKey());
        });
    }

    @Test
    void commandRegressionJsonHasDifferencesRatiosAndGroups() throws IOException {
        JsonNode out = fairness("--label", "salary", "--prediction", "predicted_salary", "--task", "regression", "--group", "sex",
                "--aggregation", "to_overall");
        JsonNode golden = golden("regressions", "professor_salary_sex");
        golden.get("differences").get("to_overall").fields().forEachRemaining(e -> assertThat(
                out.get("metrics").get(e.getKey()).get("value").asDouble()).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-9)));
        assertThat(out.get("metrics").get("mean_absolute_error_difference").get("interval").get("level").asDouble()).isEqualTo(0.95);
        assertThat(out.get("groups").get("sex=Female").get("n").asInt()).isEqualTo(39);
        assertThat(out.get("groups").get("sex=Female").get("mean_absolute_error").asDouble())
                .isCloseTo(golden.get("mean_absolute_error").get("sex=Female").asDouble(), within(1e-9));
        CliRun text = CliRun.of("fairness", "--data", DATA, "--label", "salary", "--prediction", "predicted_salary", "--task",
                "regression", "--group", "sex", "--resamples", "0");
        assertThat(text.out()).contains("mean_absolute_error_ratio").contains("Groups by sex");
    }

    @Test
    void badInputForTheOtherTasksSaysWhatToFix() {
        CliRun run = CliRun.of("fairness", "--data", DATA, "--label", "rank", "--prediction", "predicted_rank", "--task", "regression",
                "--group", "sex");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("column 'rank' (label) of a regression task must hold numbers").doesNotContain("Exception");
        run = CliRun.of("fairness", "--data", DATA, "--label", "rank", "--prediction", "predicted_rank", "--task", "multiclass",
                "--group", "sex", "--threshold", "0.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--threshold applies to --task binary only");
        run = CliRun.of("fairness", "--data", DATA, "--label", "rank", "--prediction", "predicted_rank", "--task", "ordinal",
                "--group", "sex");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("binary, multiclass, regression");
    }
}
