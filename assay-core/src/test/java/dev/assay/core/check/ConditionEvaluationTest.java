package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluating conditions against measurements, and the words of their outcomes. */
class ConditionEvaluationTest {
    private static final String NO_REFERENCE = "add a reference data set to the suite (data.reference) that holds the columns ";

    /** Recall overall and per region (with intervals and reference values), drift per column, and a few odd values. */
    private static final List<Measurement> MEASURED = List.of(
            measurement("recall", null, 0.812, new Interval(0.79, 0.83, 0.95, "wilson"), 0.83, 4210),
            measurement("recall", "region=EU", 0.741, new Interval(0.70, 0.78, 0.95, "wilson"), 0.76, 312),
            measurement("recall", "region=US", 0.85, new Interval(0.82, 0.88, 0.95, "wilson"), 0.84, 2000),
            measurement("recall", "region=APAC", 0.83, new Interval(0.80, 0.86, 0.9, "wilson"), 0.80, 1898),
            Measurement.of("psi", "age", 0.31, 1000),
            Measurement.of("psi", "income", 0.05, 1000),
            Measurement.of("psi", "hours", 0.25, 1000),
            Measurement.of("drift", "age", 1, 1000),
            Measurement.of("drift", "income", 0, 1000),
            new Measurement("roc_auc", Double.NaN, null, null, 10, "the label has a single class", List.of()),
            Measurement.of("f1", 0.5, 10),
            new Measurement("accuracy", "group=a", Double.NaN, null, null, 0, "no rows", List.of()),
            Measurement.of("accuracy", "group=b", 0.9, 10),
            new Measurement("mae", null, 2.5, null, Double.NaN, 10, null, List.of()));

    private static Measurement measurement(String name, String key, double value, Interval interval, double reference, long n) {
        return new Measurement(name, key, value, interval, reference, n, null, List.of());
    }

    private static ConditionOutcome evaluate(String condition) {
        return Condition.parse(condition, Severity.FAIL).evaluate(MEASURED, "test.csv");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "recall >= 0.85|recall|0.812|0.85|Expecting recall on test.csv: measured 0.812 (95% CI 0.79–0.83, n=4210) to be at least 0.85",
            "recall > 0.812|recall|0.812|0.812|Expecting recall on test.csv: measured 0.812 (95% CI 0.79–0.83, n=4210) to be above 0.812",
            "recall.lower >= 0.8|recall|0.79|0.8|Expecting recall.lower on test.csv: measured 0.79 (95% CI 0.79–0.83, n=4210) to be at least 0.8",
            "recall.upper <= 0.8|recall|0.83|0.8|Expecting recall.upper on test.csv: measured 0.83 (95% CI 0.79–0.83, n=4210) to be at most 0.8",
            "recall >= reference - 0.01|recall|0.812|0.82|Expecting recall on test.csv: measured 0.812 (95% CI 0.79–0.83, n=4210) to be "
                    + "at least 0.82 (reference 0.83 - 0.01)",
            "recall[region=EU] >= 0.8|recall[region=EU]|0.741|0.8|Expecting recall[region=EU] on test.csv: measured 0.741 "
                    + "(95% CI 0.7–0.78, n=312) to be at least 0.8",
            "recall[region=EU] >= reference * 0.99|recall[region=EU]|0.741|0.7524|Expecting recall[region=EU] on test.csv: measured "
                    + "0.741 (95% CI 0.7–0.78, n=312) to be at least 0.7524 (reference 0.76 * 0.99)",
            "recall[region=EU].upper < 0.75|recall[region=EU]|0.78|0.75|Expecting recall[region=EU].upper on test.csv: measured 0.78 "
                    + "(95% CI 0.7–0.78, n=312) to be below 0.75",
            "psi[age] < 0.2|psi[age]|0.31|0.2|Expecting psi[age] on test.csv: measured 0.31 (n=1000) to be below 0.2",
            "recall[*] >= 0.8|recall[*]|0.741|0.8|Expecting recall[*] on test.csv: measured 0.741 (1 of 3 members fail) to be at least "
                    + "0.8; worst: recall[region=EU] 0.741 (95% CI 0.7–0.78, n=312)",
            "recall[*] >= reference|recall[*]|0.741|0.76|Expecting recall[*] on test.csv: measured 0.741 (1 of 3 members fail) to be at "
                    + "least 0.76 (reference 0.76); worst: recall[region=EU] 0.741 (95% CI 0.7–0.78, n=312)",
            "recall[*].lower >= 0.75|recall[*]|0.7|0.75|Expecting recall[*].lower on test.csv: measured 0.7 (1 of 3 members fail) to be "
                    + "at least 0.75; worst: recall[region=EU] 0.7 (95% CI 0.7–0.78, n=312)",
            "psi[*] != 0.25|psi[*]|0.25|0.25|Expecting psi[*] on test.csv: measured 0.25 (1 of 3 members fail) to be other than 0.25; "
                    + "worst: psi[hours] 0.25 (n=1000)",
            "min(recall[*]) >= 0.8|recall[*]|0.741|0.8|Expecting min(recall[*]) on test.csv: measured 0.741 (3 members) to be at least "
                    + "0.8; worst: recall[region=EU] 0.741 (95% CI 0.7–0.78, n=312)",
            "max(psi[*]) < 0.2|psi[*]|0.31|0.2|Expecting max(psi[*]) on test.csv: measured 0.31 (3 members) to be below 0.2; worst: "
                    + "psi[age] 0.31 (n=1000)",
            "mean(psi[*]) <= 0.2|psi[*]|0.2033|0.2|Expecting mean(psi[*]) on test.csv: measured 0.2033 (3 members) to be at most 0.2; "
                    + "worst: psi[age] 0.31 (n=1000)",
            "min(recall[*].lower) >= 0.75|recall[*]|0.7|0.75|Expecting min(recall[*].lower) on test.csv: measured 0.7 (3 members) to be "
                    + "at least 0.75; worst: recall[region=EU] 0.7 (95% CI 0.7–0.78, n=312)",
            "max(recall[*].upper) <= 0.87|recall[*]|0.88|0.87|Expecting max(recall[*].upper) on test.csv: measured 0.88 (3 members) to "
                    + "be at most 0.87; worst: recall[region=US] 0.88 (95% CI 0.82–0.88, n=2000)",
            "mean(recall[*]) >= reference + 0.01|recall[*]|0.807|0.81|Expecting mean(recall[*]) on test.csv: measured 0.807 (3 members) "
                    + "to be at least 0.81 (mean reference 0.8 + 0.01); worst: recall[region=EU] 0.741 (95% CI 0.7–0.78, n=312)",
            "count(psi[*] > 0.2) <= 1|psi[*]|2|1|Expecting count(psi[*] > 0.2) on test.csv: measured 2 (of 3 members: psi[age], "
                    + "psi[hours]) to be at most 1; worst: psi[age] 0.31 (n=1000)",
            "count(drift[*]) == 0|drift[*]|1|0|Expecting count(drift[*]) on test.csv: measured 1 (of 2 members: drift[age]) to be equal "
                    + "to 0; worst: drift[age] 1 (n=1000)",
            "count(drift[*]) >= 2|drift[*]|1|2|Expecting count(drift[*]) on test.csv: measured 1 (of 2 members: drift[age]) to be at "
                    + "least 2; worst: drift[age] 1 (n=1000)",
            "count(psi[*] > 0.5) >= 1|psi[*]|0|1|Expecting count(psi[*] > 0.5) on test.csv: measured 0 (of 3 members) to be at least 1",
            "count(recall[*] < reference - 0.01) == 0|recall[*]|1|0|Expecting count(recall[*] < reference - 0.01) on test.csv: measured "
                    + "1 (of 3 members: recall[region=EU]) to be equal to 0; worst: recall[region=EU] 0.741 (95% CI 0.7–0.78, n=312)",
            "count(recall[*].lower < 0.81) <= 1|recall[*]|2|1|Expecting count(recall[*].lower < 0.81) on test.csv: measured 2 (of 3 "
                    + "members: recall[region=EU], recall[region=APAC]) to be at most 1; worst: recall[region=EU] 0.7 (95% CI 0.7–0.78, n=312)"})
    void failedConditionsSayWhatWasMeasuredAgainstWhat(String condition, String metric, double measured, double threshold,
            String message) {
        ConditionOutcome o = evaluate(condition);
        assertThat(o).isEqualTo(new ConditionOutcome(condition, Severity.FAIL, metric, o.measured(), o.threshold(), false, message));
        assertThat(o.measured()).isCloseTo(measured, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(o.threshold()).isCloseTo(threshold, org.assertj.core.data.Offset.offset(5e-5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "recall >= 0.8|recall|0.812|0.8",
            "recall >= 0.812|recall|0.812|0.812",
            "recall.lower >= 0.79|recall|0.79|0.79",
            "recall >= reference - 0.02|recall|0.812|0.81",
            "recall[region=US] >= 0.85|recall[region=US]|0.85|0.85",
            "recall[region=EU] >= reference - 0.02|recall[region=EU]|0.741|0.74",
            "recall[*] >= 0.74|recall[*]|0.741|0.74",
            "recall[*] >= reference - 0.02|recall[*]|0.741|0.74",
            "min(recall[*]) >= 0.74|recall[*]|0.741|0.74",
            "max(psi[*]) <= 0.31|psi[*]|0.31|0.31",
            "mean(recall[*]) >= reference - 0.01|recall[*]|0.807|0.79",
            "count(psi[*] > 0.2) <= 2|psi[*]|2|2",
            "count(drift[*]) <= 1|drift[*]|1|1",
            "count(psi[*] > 0.5) == 0|psi[*]|0|0"})
    void heldConditionsHaveNoMessage(String condition, String metric, double measured, double threshold) {
        ConditionOutcome o = evaluate(condition);
        assertThat(o.passed()).isTrue();
        assertThat(o.message()).isNull();
        assertThat(o.metric()).isEqualTo(metric);
        assertThat(o.measured()).isCloseTo(measured, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(o.threshold()).isCloseTo(threshold, org.assertj.core.data.Offset.offset(5e-5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "roc_auc <= 1|roc_auc|NaN|NaN|Expecting roc_auc on test.csv to be at most 1, but roc_auc is undefined: the label has a "
                    + "single class.",
            "roc_auc.lower >= 0.5|roc_auc|NaN|NaN|Expecting roc_auc.lower on test.csv to be at least 0.5, but the check computes no "
                    + "interval for roc_auc.",
            "f1.lower >= 0.4|f1|NaN|NaN|Expecting f1.lower on test.csv to be at least 0.4, but the check computes no interval for f1.",
            "max(psi[*].upper) < 0.2|psi[*]|NaN|NaN|Expecting max(psi[*].upper) on test.csv to be below 0.2, but the check computes no "
                    + "interval for psi[age].",
            "f1 >= reference - 0.02|f1|0.5|NaN|Expecting f1 on test.csv to be at least reference - 0.02, but there is no value of f1 on "
                    + "the reference data; " + NO_REFERENCE + "f1 needs.",
            "mae <= reference|mae|2.5|NaN|Expecting mae on test.csv to be at most reference, but mae is undefined on the reference data.",
            "min(psi[*]) >= reference|psi[*]|0.05|NaN|Expecting min(psi[*]) on test.csv to be at least reference, but there is no value "
                    + "of psi[age] on the reference data; " + NO_REFERENCE + "psi needs.",
            "count(psi[*] > reference) <= 1|psi[*]|NaN|NaN|Expecting count(psi[*] > reference) on test.csv to be at most 1, but there "
                    + "is no value of psi[age] on the reference data; " + NO_REFERENCE + "psi needs.",
            "min(accuracy[*]) >= 0.5|accuracy[*]|NaN|NaN|Expecting min(accuracy[*]) on test.csv to be at least 0.5, but "
                    + "accuracy[group=a] is undefined: no rows.",
            "accuracy[*] >= 0.5|accuracy[*]|NaN|NaN|Expecting accuracy[*] on test.csv to be at least 0.5, but accuracy[group=a] is "
                    + "undefined: no rows.",
            "count(accuracy[*]) >= 0|accuracy[*]|NaN|NaN|Expecting count(accuracy[*]) on test.csv to be at least 0, but "
                    + "accuracy[group=a] is undefined: no rows.",
            "f1[*] >= 0.1|f1[*]|NaN|NaN|Expecting f1[*] on test.csv to be at least 0.1, but the check measured f1 as one value, not per "
                    + "member, so f1[*] selects nothing.",
            "count(f1[*]) == 0|f1[*]|NaN|NaN|Expecting count(f1[*]) on test.csv to be equal to 0, but the check measured f1 as one value, "
                    + "not per member, so f1[*] selects nothing.",
            "recall[region=eu] >= 0.8|recall[region=eu]|NaN|NaN|Expecting recall[region=eu] on test.csv to be at least 0.8, but the "
                    + "check measured no recall[region=eu]; it measured recall, recall[region=EU], recall[region=US], recall[region=APAC] "
                    + "(did you mean recall[region=EU]?).",
            "f1[class=a] >= 0.8|f1[class=a]|NaN|NaN|Expecting f1[class=a] on test.csv to be at least 0.8, but the check measured no "
                    + "f1[class=a]; it measured f1.",
            "psi >= 0.8|psi|NaN|NaN|Expecting psi on test.csv to be at least 0.8, but the check measured no psi; it measured psi[age], "
                    + "psi[income], psi[hours].",
            "median >= 1|median|NaN|NaN|Expecting median on test.csv to be at least 1, but the check measured no median; it measured "
                    + "recall, recall[region=EU], recall[region=US], recall[region=APAC], psi[age], psi[income], psi[hours], drift[age], "
                    + "drift[income], roc_auc and 4 more.",
            "max(median[*]) >= 1|median[*]|NaN|NaN|Expecting max(median[*]) on test.csv to be at least 1, but the check measured no "
                    + "median; it measured recall, recall[region=EU], recall[region=US], recall[region=APAC], psi[age], psi[income], "
                    + "psi[hours], drift[age], drift[income], roc_auc and 4 more."})
    void undecidableConditionsNeverHoldAndSayWhy(String condition, String metric, double measured, double threshold, String message) {
        ConditionOutcome o = evaluate(condition);
        assertThat(o).isEqualTo(new ConditionOutcome(condition, Severity.FAIL, metric, measured, threshold, false, message));
    }

    @Test
    void leavesOutTheDataSetWhenItHasNoName() {
        assertThat(Condition.parse("psi[age] < 0.2", Severity.WARN).evaluate(MEASURED, null).message())
                .isEqualTo("Expecting psi[age]: measured 0.31 (n=1000) to be below 0.2");
    }

    @Test
    void showsEnoughDigitsToTellTheValueFromTheThreshold() {
        List<Measurement> close = List.of(Measurement.of("recall", 0.84999, 100));
        assertThat(Condition.parse("recall >= 0.85", Severity.FAIL).evaluate(close, "a.csv").message())
                .isEqualTo("Expecting recall on a.csv: measured 0.84999 (n=100) to be at least 0.85");
        assertThat(Condition.parse("recall >= 0.8", Severity.FAIL).evaluate(List.of(Measurement.of("recall", 0.123456789, 100)), "a.csv")
                .message()).isEqualTo("Expecting recall on a.csv: measured 0.1235 (n=100) to be at least 0.8");
    }

    @Test
    void listsAtMostTenMeasurements() {
        List<Measurement> many = java.util.stream.IntStream.range(0, 25).mapToObj(i -> Measurement.of("psi", "c" + i, 0.1, 10)).toList();
        assertThat(Condition.parse("psi[c99] < 0.2", Severity.FAIL).evaluate(many, "a.csv").message())
                .isEqualTo("Expecting psi[c99] on a.csv to be below 0.2, but the check measured no psi[c99]; it measured psi[c0], "
                        + "psi[c1], psi[c2], psi[c3], psi[c4], psi[c5], psi[c6], psi[c7], psi[c8], psi[c9] and 15 more (did you mean "
                        + "psi[c9]?).");
    }
}
