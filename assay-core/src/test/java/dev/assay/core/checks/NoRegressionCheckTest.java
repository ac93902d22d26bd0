package dev.assay.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Condition;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The check on the 300 German credit rows of compare/german_credit.json: logistic baseline, forest candidate. */
class NoRegressionCheckTest {
    private static JsonNode golden;
    private static Dataset data;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = NoRegressionCheckTest.class.getResourceAsStream("/compare/german_credit.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        JsonNode label = golden.get("label");
        String[] classes = new String[label.size()];
        double[] base = new double[classes.length];
        double[] cand = new double[classes.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = label.get(i).asInt() == 1 ? "bad" : "good";
            base[i] = golden.get("baseline_score").get(i).asDouble();
            cand[i] = golden.get("candidate_score").get(i).asDouble();
        }
        data = Dataset.of("current", Frame.of("german.csv", List.of(TextColumn.of("class", classes),
                NumericColumn.of("logistic", base), NumericColumn.of("forest", cand))),
                Schema.builder().label("class").score("forest").build());
    }

    private static Check check(Map<String, Object> keys, String... fail) {
        List<Condition> conditions = Arrays.stream(fail).map(c -> Condition.parse(c, Severity.FAIL)).toList();
        return new NoRegressionCheckKind().create(CheckConfig.of("check 'no_regression'", keys),
                new CheckSetup("no regression", conditions, null, EvaluationSettings.defaults().withPositiveClass("bad"), 7));
    }

    private static Measurement find(CheckResult r, String name, String key) {
        return r.measurements().stream().filter(m -> m.name().equals(name) && Objects.equals(m.key(), key)).findFirst()
                .orElseThrow(() -> new AssertionError(name + "[" + key + "] in " + r.measurements()));
    }

    @Test
    void measuresDifferencesTestsAndRegressionsAsTheReferences() {
        CheckResult r = check(Map.of("baseline", "logistic", "metrics", List.of("accuracy", "roc_auc", "f1"), "resamples", 500),
                "regressions == 0", "difference[roc_auc].lower >= -0.05", "difference[f1].lower >= 0").run(new CheckContext(data, null));
        assertThat(r.status()).as(r.message()).isEqualTo(Status.FAIL);
        assertThat(r.conditions()).extracting(c -> c.passed()).containsExactly(true, true, false);
        assertThat(find(r, "difference", "roc_auc").value()).isCloseTo(golden.get("delong").get("difference").asDouble(), within(1e-12));
        assertThat(find(r, "baseline", "roc_auc").value()).isCloseTo(golden.get("roc_auc").get("baseline").asDouble(), within(1e-12));
        assertThat(find(r, "p_value", "roc_auc").value()).isCloseTo(golden.get("delong").get("p_value").asDouble(), within(1e-12));
        assertThat(find(r, "p_value", "accuracy").value())
                .isCloseTo(golden.get("mcnemar").get("exact").get("p_value").asDouble(), within(1e-12));
        assertThat(find(r, "negative_flips", null).value()).isEqualTo(golden.get("flips").get("baseline_only").asDouble());
        assertThat(find(r, "positive_flips", null).value()).isEqualTo(golden.get("flips").get("candidate_only").asDouble());
        Measurement d = find(r, "difference", "accuracy");
        assertThat(d.interval().level()).isEqualTo(0.95);
        assertThat(d.interval().lower()).isLessThan(d.value());
        assertThat(d.interval().upper()).isGreaterThan(d.value());
        assertThat(find(r, "regressions", null).value()).isZero();
        assertThat(r.tables().get(0).rows()).hasSize(3);
    }

    @Test
    void aClearlyWorseCandidateRegressesAndALossCountsTheOtherWay() {
        // the baseline is the forest, the candidate the logistic model with its scores reversed
        double[] reversed = data.frame().numeric("logistic", "x").toArray();
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = 1 - reversed[i];
        }
        Dataset worse = Dataset.of("current", data.frame().withColumn(NumericColumn.of("reversed", reversed)),
                Schema.builder().label("class").score("reversed").build());
        CheckResult r = check(Map.of("baseline", "forest", "metrics", List.of("roc_auc", "log_loss"), "margin", 0.02,
                "resamples", 200), "regressions == 0").run(new CheckContext(worse, null));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(find(r, "regressions", null).value()).isEqualTo(2);
        assertThat(find(r, "difference", "log_loss").interval().lower()).isGreaterThan(0.02);
        assertThat(r.message()).isEqualTo("Regressed: roc_auc, log_loss.");
    }

    @Test
    void keysAreValidatedAndBadDataIsAnError() {
        assertThat(CheckKinds.discover().get("no_regression")).isInstanceOf(NoRegressionCheckKind.class);
        assertThatThrownBy(() -> check(Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("give the baseline either as a column");
        assertThatThrownBy(() -> check(Map.of("baseline", "x", "metrics", List.of("auc")))).hasMessageContaining("unknown binary metric 'auc'");
        assertThatThrownBy(() -> check(Map.of("baseline", "x", "alpha", 0.7))).hasMessageContaining("alpha is a significance level");
        assertThatThrownBy(() -> check(Map.of("baseline", "x", "resamples", 10))).hasMessageContaining("resamples");
        CheckResult missing = check(Map.of("baseline", "nope")).run(new CheckContext(data, null));
        assertThat(missing.status()).isEqualTo(Status.ERROR);
        assertThat(missing.message()).contains("nope");
        Dataset few = Dataset.of("current", data.frame().slice(new int[] {0, 1, 2, 3, 5, 8}), data.schema());
        CheckResult small = check(Map.of("baseline", "logistic")).run(new CheckContext(few, null));
        assertThat(small.status()).isEqualTo(Status.ERROR);
        assertThat(small.message()).contains("needs at least 10 rows, got 6");
    }
}
