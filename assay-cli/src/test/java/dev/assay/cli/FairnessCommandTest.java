package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay fairness} end to end on the German credit test split's stored predictions, against the
 * golden values of the fairness core ({@code assay-core/src/test/resources/golden/fairness/fairness_golden.json},
 * written by {@code scripts/golden/fairness_golden.py} from the same 300 rows: Fairlearn's and AIF360's
 * definitions, scipy's chi-square and Fisher tests, statsmodels' Holm adjustment).
 */
class FairnessCommandTest {
    private static final String DATA = EvaluateCommandTest.GERMAN_TEST;
    private static final Path GOLDEN = Path.of("../assay-core/src/test/resources/golden/fairness/fairness_golden.json");
    private static final List<String> RATES = List.of("selection_rate", "base_rate", "accuracy", "true_positive_rate",
            "false_positive_rate", "true_negative_rate", "false_negative_rate", "positive_predictive_value",
            "negative_predictive_value");

    @TempDir
    Path dir;

    private static JsonNode golden(String name) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        for (JsonNode c : mapper.readTree(GOLDEN.toFile()).get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no golden case " + name);
    }

    private static JsonNode json(String... args) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of("fairness", "--data", DATA, "--label", "class", "--positive", "bad",
                "--format", "json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static void assertGroupsMatch(JsonNode groups, JsonNode golden) {
        Iterator<Map.Entry<String, JsonNode>> it = golden.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> g = it.next();
            JsonNode mine = groups.get(g.getKey());
            assertThat(mine).as(g.getKey()).isNotNull();
            for (String count : List.of("tp", "fp", "fn", "tn", "n")) {
                assertThat(mine.get(count).asLong()).as(g.getKey() + " " + count).isEqualTo(g.getValue().get(count).asLong());
            }
            for (String rate : RATES) {
                assertThat(mine.get(rate).get("value").asDouble()).as(g.getKey() + " " + rate)
                        .isCloseTo(g.getValue().get(rate).asDouble(), within(1e-12));
            }
        }
    }

    @Test
    void jsonMatchesTheGoldenValuesByAgeWithAPrivilegedGroup() throws IOException {
        JsonNode golden = golden("german_age");
        JsonNode out = json("--prediction", "predicted", "--group", "age", "--edges", "age=0,25,100", "--privileged", "(25, 100]");
        assertThat(out.get("rows").asInt()).isEqualTo(300);
        assertThat(out.get("privileged").get("age").asText()).isEqualTo("age=(25, 100]");
        JsonNode metrics = out.get("metrics");
        Iterator<Map.Entry<String, JsonNode>> it = golden.get("fairlearn").get("between_groups").fields();
        int compared = 0;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = metrics.get(e.getKey());
            assertThat(m.get("value").asDouble()).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-12));
            assertThat(m.get("interval").get("lower").asDouble()).isLessThanOrEqualTo(m.get("value").asDouble());
            assertThat(m.get("interval").get("upper").asDouble()).isGreaterThanOrEqualTo(m.get("value").asDouble());
            compared++;
        }
        assertThat(compared).isEqualTo(10);
        for (String id : List.of("disparate_impact", "statistical_parity_difference", "average_odds_difference")) {
            assertThat(metrics.get(id).get("value").asDouble()).as(id).isCloseTo(golden.get("aif360").get(id).asDouble(), within(1e-12));
        }
        assertThat(metrics.size()).isEqualTo(13);
        assertGroupsMatch(out.get("groups"), golden.get("groups"));
        // no age is below 0 or above 100, so those bins cannot hold a row and are not groups
        assertThat(out.get("groups").fieldNames()).toIterable().containsExactly("age=[0, 25]", "age=(25, 100]");
        JsonNode tests = out.get("tests");
        assertThat(tests.get(0).get("group").asText()).isEqualTo("all groups");
        assertThat(tests.get(0).get("p_value").asDouble()).isCloseTo(golden.get("chi2").get("p").asDouble(), within(1e-10));
        assertThat(tests.get(1).get("adjusted_p_value").asDouble()).isCloseTo(golden.get("tests").get(0).get("holm").asDouble(), within(1e-10));
    }

    @Test
    void toOverallAggregationAndTheFairlearnConventionMatchTheGoldenValues() throws IOException {
        JsonNode age = json("--prediction", "predicted", "--group", "age", "--edges", "age=0,25,100", "--aggregation", "to_overall");
        golden("german_age").get("fairlearn").get("to_overall").fields().forEachRemaining(e -> assertThat(
                age.get("metrics").get(e.getKey()).get("value").asDouble()).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-12)));
        // personal_status has groups of 16 and 20 rows: Fairlearn keeps them (no minimum size).
        JsonNode status = json("--prediction", "predicted", "--group", "personal_status", "--convention", "fairlearn");
        JsonNode golden = golden("german_personal_status");
        golden.get("fairlearn").get("between_groups").fields().forEachRemaining(e -> assertThat(
                status.get("metrics").get(e.getKey()).get("value").asDouble()).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-12)));
        assertGroupsMatch(status.get("groups"), golden.get("groups"));
    }

    @Test
    void smallGroupsAreLeftOutAndSaidSoUnlessAConventionKeepsThem() throws IOException {
        JsonNode explicit = json("--prediction", "predicted", "--group", "foreign_worker", "--privileged", "no");
        JsonNode dp = explicit.get("metrics").get("demographic_parity_difference");
        assertThat(dp.get("value").isNull()).isTrue();
        assertThat(dp.get("undefined_reason").asText()).contains("fewer than two groups").contains("at least 30 rows");
        assertThat(dp.get("excluded").get(0).asText()).isEqualTo("foreign_worker=no: 10 rows, below the minimum group size 30");
        assertThat(explicit.get("groups").get("foreign_worker=no").get("compared").asBoolean()).isFalse();
        // AIF360 divides by the privileged group's selection rate of 0: numpy's inf.
        JsonNode aif = json("--prediction", "predicted", "--group", "foreign_worker", "--privileged", "no", "--convention", "aif360");
        assertThat(aif.get("metrics").get("disparate_impact").get("value").asText()).isEqualTo("Infinity");
        assertThat(aif.get("metrics").get("statistical_parity_difference").get("value").asDouble())
                .isCloseTo(golden("german_foreign_worker").get("aif360").get("statistical_parity_difference").asDouble(), within(1e-12));
    }

    @Test
    void severalGroupColumnsAreKeyedByColumnAndIntersection() throws IOException {
        JsonNode out = json("--prediction", "predicted", "--group", "foreign_worker,personal_status", "--intersections",
                "--min-group-size", "10", "--privileged", "foreign_worker=yes", "--resamples", "0");
        JsonNode metrics = out.get("metrics");
        assertThat(metrics.has("disparate_impact[foreign_worker]")).isTrue();
        assertThat(metrics.has("disparate_impact[personal_status]")).isFalse();
        assertThat(metrics.has("demographic_parity_ratio[foreign_worker&personal_status]")).isTrue();
        assertThat(metrics.get("demographic_parity_ratio[personal_status]").get("no_interval").asText()).contains("resamples = 0");
        assertThat(out.get("groups").has("foreign_worker=yes,personal_status=male single")).isTrue();
    }

    @Test
    void aModelPredictsAsEvaluateDoes() throws IOException {
        CliRun run = CliRun.of("fairness", "--data", "../examples/german-credit/test.csv", "--label", "class", "--positive", "bad",
                "--model", "../examples/models/german_credit_forest.onnx", "--group", "age", "--edges", "age=0,25,100",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode groups = new ObjectMapper().readTree(run.out()).get("groups");
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (String g : List.of("age=[0, 25]", "age=(25, 100]")) {
            tp += groups.get(g).get("tp").asLong();
            fp += groups.get(g).get("fp").asLong();
            fn += groups.get(g).get("fn").asLong();
        }
        // The demo's confusion matrix of this model on these rows (RunCommandTest): 31 TP, 20 FP, 62 FN.
        assertThat(List.of(tp, fp, fn)).containsExactly(31L, 20L, 62L);
    }

    @Test
    void textOutputListsMeasuresGroupsAndTests() {
        CliRun run = CliRun.of("fairness", "--data", DATA, "--label", "class", "--positive", "bad", "--prediction", "predicted",
                "--group", "age", "--edges", "age=0,25,100", "--privileged", "(25, 100]");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("By age (privileged group age=(25, 100])").containsPattern("disparate_impact +1\\.76471  95% CI")
                .contains("demographic_parity_difference   0.156").contains("Groups by age").contains("Do selection rates differ by age?");
    }

    @Test
    void scoresWithAThresholdBecomeClasses() throws IOException {
        JsonNode out = json("--prediction", "proba_bad", "--threshold", "0.5", "--group", "personal_status", "--resamples", "0");
        JsonNode stored = json("--prediction", "predicted", "--group", "personal_status", "--resamples", "0");
        // The stored predictions are the scores at 0.5.
        assertThat(out.get("groups")).isEqualTo(stored.get("groups"));
    }

    @Test
    void badInputExitsWithTwoAndSaysWhatToFix() throws IOException {
        Path one = Files.writeString(dir.resolve("one.csv"), "y,p,sex\n1,1,F\n0,0,F\n1,0,F\n");
        assertError(CliRun.of("fairness", "--data", one.toString(), "--label", "y", "--prediction", "p", "--group", "sex"),
                "protected column 'sex'", "a single value ('F') in all 3 rows");
        assertError(CliRun.of("fairness", "--data", DATA, "--label", "class", "--prediction", "proba_bad", "--group", "age"),
                "holds scores (0.251611 at row 1", "Give --threshold T");
        assertError(CliRun.of("fairness", "--data", DATA, "--label", "class", "--prediction", "predicted", "--group", "foreign_worker",
                "--privileged", "Yes"), "the privileged group 'Yes' does not occur", "did you mean 'yes'?");
        assertError(CliRun.of("fairness", "--data", DATA, "--label", "class", "--prediction", "predicted", "--group", "sex"), "sex");
        assertError(CliRun.of("fairness", "--data", DATA, "--label", "class", "--group", "age"), "give either --prediction");
        assertError(CliRun.of("fairness", "--data", DATA, "--label", "class", "--prediction", "predicted", "--group", "age,foreign_worker",
                "--privileged", "yes"), "name the column, e.g. --privileged age=VALUE");
        assertError(CliRun.of("fairness", "--data", DATA, "--label", "class", "--prediction", "predicted", "--group", "age",
                "--edges", "age=25,x"), "'x' is not a number");
        assertError(CliRun.of("fairness", "--data", DATA, "--label", "class", "--prediction", "predicted", "--group", "age",
                "--convention", "sklearn"), "Use one of [explicit, fairlearn, aif360]");
    }

    @Test
    void missingValuesInTheProtectedColumnFormTheirOwnGroupAndAreSaid() throws IOException {
        StringBuilder csv = new StringBuilder("y,p,sex\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2).append(',').append(i % 3 == 0 ? 1 : 0).append(',').append(i < 15 ? "F" : i < 35 ? "M" : "").append('\n');
        }
        Path data = Files.writeString(dir.resolve("missing.csv"), csv.toString());
        CliRun run = CliRun.of("fairness", "--data", data.toString(), "--label", "y", "--prediction", "p", "--group", "sex",
                "--min-group-size", "0", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.get("groups").get("sex=missing").get("n").asInt()).isEqualTo(5);
        assertThat(out.get("notes").toString()).contains("column 'sex' has 5 missing value(s); they form the group 'missing'.");
    }

    private static void assertError(CliRun run, String... parts) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").doesNotContain("Exception").contains(parts);
    }
}
