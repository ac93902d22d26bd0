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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation metrics per protected group ({@code metrics:} of the fairness check, {@code assay fairness --metrics})
 * against the golden metric frames of {@code fairness_golden.json} (scikit-learn's f1_score, recall_score,
 * precision_score, accuracy_score, balanced_accuracy_score and roc_auc_score per group, and Fairlearn's
 * MetricFrame difference and ratio, written by {@code scripts/golden/fairness_golden.py}).
 */
class FairnessMetricsTest {
    private static final Path GOLDEN = Path.of("../assay-core/src/test/resources/golden/fairness/fairness_golden.json");
    private static final Path ADULT = Path.of("../assay-core/src/test/resources/golden/fairness/adult_predictions.csv");

    @TempDir
    Path dir;

    private static JsonNode golden(String name) throws IOException {
        for (JsonNode c : JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(GOLDEN.toFile())
                .get("metric_frames")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no golden metric frame " + name);
    }

    private static JsonNode json(String data, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("fairness", "--data", data, "--format", "json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    /** Every golden group value and every golden disparity of {@code method} in {@code values(name, key)}. */
    private static void assertMatches(JsonNode golden, String method, java.util.function.BiFunction<String, String, JsonNode> values) {
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> g = golden.get("groups").fields(); g.hasNext();) {
            Map.Entry<String, JsonNode> group = g.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = group.getValue().fields(); m.hasNext();) {
                Map.Entry<String, JsonNode> metric = m.next();
                JsonNode mine = values.apply(metric.getKey(), group.getKey());
                if (mine != null) {
                    assertThat(mine.get("value").asDouble()).as(metric.getKey() + "[" + group.getKey() + "]")
                            .isCloseTo(metric.getValue().asDouble(), within(1e-12));
                    compared++;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> d = golden.get("disparities").get(method).fields(); d.hasNext();) {
            Map.Entry<String, JsonNode> e = d.next();
            JsonNode mine = values.apply(e.getKey(), null);
            if (mine != null) {
                assertThat(mine.get("value").asDouble()).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-12));
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(6);
    }

    @Test
    void suiteCheckMeasuresMetricsPerGroupAndTheirDisparities() throws IOException {
        Files.copy(Path.of(EvaluateCommandTest.GERMAN_TEST), dir.resolve("test.csv"));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: fairness metrics
                data: {current: test.csv}
                columns: {label: class, score: proba_bad, prediction: predicted}
                evaluation: {task: binary, positive: bad}
                checks:
                  - name: Age
                    type: fairness
                    groups: [age]
                    edges: {age: [0, 25, 100]}
                    min_group_size: 0
                    metrics: [f1, recall, precision, roc_auc]
                    ci: {resamples: 200}
                    fail: ["f1_difference <= 0.1", "min(recall[*]) >= 0.2"]
                """);
        CliRun run = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode check = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode x : check.get("measurements")) {
            m.put(x.get("key").isNull() ? x.get("name").asText() : x.get("name").asText() + "[" + x.get("key").asText() + "]", x);
        }
        JsonNode golden = golden("german_age");
        assertMatches(golden, "between_groups", (id, group) -> m.get(group == null ? id : id + "[" + group + "]"));
        assertThat(m).containsKeys("roc_auc[age=[0, 25]]", "roc_auc_ratio", "f1_ratio");
        JsonNode f1 = m.get("f1_difference");
        assertThat(f1.get("interval").get("lower").asDouble()).isLessThan(f1.get("value").asDouble());
        assertThat(m.get("recall[age=[0, 25]]").get("interval").get("method").asText()).isEqualTo("bootstrap-percentile");
        JsonNode conditions = check.get("conditions");
        assertThat(conditions.get(0).get("passed").asBoolean()).isEqualTo(golden.get("disparities").get("between_groups")
                .get("f1_difference").asDouble() <= 0.1);
        assertThat(conditions.get(1).get("passed").asBoolean()).isTrue();
        List<String> titles = new ArrayList<>();
        check.get("tables").forEach(t -> titles.add(t.get("title").asText()));
        assertThat(titles).anyMatch(t -> t.startsWith("Metrics by age (overall f1 ")).contains("Metric disparities by age");
    }

    @Test
    void unknownMetricIsRefusedAtItsSuiteLineWithTheChoices() throws IOException {
        Files.copy(Path.of(EvaluateCommandTest.GERMAN_TEST), dir.resolve("test.csv"));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: fairness metrics
                data: {current: test.csv}
                columns: {label: class, prediction: predicted}
                evaluation: {task: binary, positive: bad}
                checks:
                  - type: fairness
                    groups: [foreign_worker]
                    metrics: [f1, recal]
                """);
        CliRun run = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("suite.yaml", "line 8", "unknown metric 'recal'", "Did you mean 'recall'", "roc_auc")
                .doesNotContain("Exception");
    }

    @Test
    void cliGivesMetricsPerGroupInJsonAgainstTheGoldenValuesOfTwoGroupings() throws IOException {
        JsonNode out = json(EvaluateCommandTest.GERMAN_TEST, "--label", "class", "--positive", "bad", "--prediction", "proba_bad",
                "--threshold", "0.5", "--group", "foreign_worker", "--metrics", "roc_auc", "--min-group-size", "0", "--resamples", "100");
        JsonNode golden = golden("german_foreign_worker");
        JsonNode groups = out.get("groups");
        JsonNode metrics = out.get("metrics");
        assertThat(metrics.get("roc_auc_difference").get("value").asDouble()).isCloseTo(golden.get("disparities")
                .get("between_groups").get("roc_auc_difference").asDouble(), within(1e-12));
        assertThat(groups.get("foreign_worker=yes").get("roc_auc").get("value").asDouble()).isCloseTo(golden.get("groups")
                .get("foreign_worker=yes").get("roc_auc").asDouble(), within(1e-12));
        assertThat(groups.get("foreign_worker=yes").get("roc_auc").get("interval").get("upper").asDouble()).isLessThanOrEqualTo(1.0);

        JsonNode adult = json(ADULT.toString(), "--label", "label", "--prediction", "predicted", "--positive", "1", "--group", "sex,race",
                "--metrics", "f1,recall,accuracy,balanced_accuracy", "--aggregation", "to_overall", "--resamples", "20");
        for (String name : List.of("adult_sex", "adult_race")) {
            JsonNode g = golden(name);
            String key = g.get("columns").get(0).asText();
            assertMatches(g, "to_overall", (id, group) -> group == null ? adult.get("metrics").get(id + "[" + key + "]")
                    : adult.get("groups").get(group) == null ? null : adult.get("groups").get(group).get(id));
        }
        assertThat(adult.get("groups").get("sex=Female").get("selection_rate")).isNotNull();
    }

    @Test
    void cliPrintsTheMetricsRefusesAnUnknownOneAndSaysWhyAScoreMetricIsUndefined() throws IOException {
        CliRun text = CliRun.of("fairness", "--data", ADULT.toString(), "--label", "label", "--prediction", "predicted",
                "--positive", "1", "--group", "sex", "--metrics", "f1", "--resamples", "0");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Metrics by sex", "f1_difference", "f1_ratio", "sex=Female");
        CliRun bad = CliRun.of("fairness", "--data", ADULT.toString(), "--label", "label", "--prediction", "predicted",
                "--positive", "1", "--group", "sex", "--metrics", "f1,recal");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--metrics: 'recal' is not a metric", "recall").doesNotContain("Exception");
        JsonNode noScores = json(ADULT.toString(), "--label", "label", "--prediction", "predicted", "--positive", "1",
                "--group", "sex", "--metrics", "roc_auc", "--resamples", "0");
        assertThat(noScores.get("metrics").get("roc_auc_difference").get("undefined_reason").asText()).isNotBlank();
    }

    @Test
    void regressionMetricsPerGroupMatchTheGoldenMeanAbsoluteErrors() throws IOException {
        JsonNode golden = null;
        for (JsonNode r : JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(GOLDEN.toFile())
                .get("regressions")) {
            golden = r.get("name").asText().equals("diabetes_sex") ? r : golden;
        }
        JsonNode out = json("../assay-core/src/test/resources/golden/fairness/diabetes_predictions.csv", "--label", "label",
                "--prediction", "predicted", "--task", "regression", "--group", "sex", "--metrics", "mae,r2", "--resamples", "50");
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.get("mean_absolute_error").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> g = it.next();
            assertThat(out.get("groups").get(g.getKey()).get("mae").get("value").asDouble()).as(g.getKey())
                    .isCloseTo(g.getValue().asDouble(), within(1e-9));
        }
        assertThat(out.get("metrics").get("mae_difference").get("value").asDouble()).isCloseTo(golden.get("differences")
                .get("between_groups").get("mean_absolute_error_difference").asDouble(), within(1e-9));
        assertThat(out.get("metrics").get("mae_ratio").get("value").asDouble()).isCloseTo(out.get("metrics")
                .get("mean_absolute_error_ratio").get("value").asDouble(), within(1e-9));
        assertThat(out.get("groups").get("sex=1").get("r2").get("interval")).isNotNull();
    }
}
