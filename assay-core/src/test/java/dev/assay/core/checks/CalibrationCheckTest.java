package dev.assay.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.chart.XYChart;
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
import dev.assay.core.result.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationCheckTest {
    static final Schema SCHEMA = Schema.builder().label("class").score("p_bad").build();
    static final EvaluationSettings BAD = EvaluationSettings.defaults().withPositiveClass("bad");

    /**
     * Two uniform bins. Current: scores up to 0.5 have mean 0.2875 and 1 of 4 bad (gap 0.0375), the
     * others mean 0.75 and 3 of 4 bad (gap 0): ece 0.01875. Reference: gaps 0.3 and 0.3, ece 0.3.
     */
    static final Dataset CURRENT = Dataset.of("current", Frame.of("current.csv", List.of(
            TextColumn.of("class", "good", "good", "bad", "good", "bad", "good", "bad", "bad"),
            NumericColumn.of("p_bad", 0.1, 0.2, 0.4, 0.45, 0.6, 0.7, 0.8, 0.9))), SCHEMA);
    static final Dataset REFERENCE = Dataset.of("reference", Frame.of("reference.csv", List.of(
            TextColumn.of("class", "good", "good", "bad", "bad"),
            NumericColumn.of("p_bad", 0.2, 0.4, 0.6, 0.8))), SCHEMA);

    private static Check check(Map<String, Object> keys, String... fail) {
        List<Condition> conditions = java.util.Arrays.stream(fail).map(c -> Condition.parse(c, Severity.FAIL)).toList();
        return new CalibrationCheckKind().create(CheckConfig.of("check 'calibration'", keys),
                new CheckSetup("calibration", conditions, null, BAD, 7));
    }

    @Test
    void theKindIsFoundOnTheClassPathAndReadsItsKeys() {
        assertThat(CheckKinds.discover().get("calibration")).isInstanceOf(CalibrationCheckKind.class);
        Check c = check(Map.of("bins", 2, "strategy", "quantile"));
        assertThat(c.measures()).containsExactly("ece", "mce", "brier_score", "brier_reliability", "brier_resolution",
                "brier_uncertainty");
        assertThat(c.settings()).containsEntry("bins", "2").containsEntry("strategy", "quantile")
                .containsEntry("positive_class", "bad").containsEntry("seed", "7");
        assertThat(check(Map.of()).settings()).containsEntry("bins", "10").containsEntry("strategy", "uniform");
    }

    @Test
    void badKeysAreRejectedWithTheAllowedValues() {
        assertThatThrownBy(() -> check(Map.of("bins", 0))).isInstanceOf(InvalidInputException.class)
                .hasMessage("check 'calibration', key 'bins': the number of bins must be from 1 to 1000, found 0.");
        assertThatThrownBy(() -> check(Map.of("strategy", "equal"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key 'strategy'").hasMessageContaining("uniform, quantile");
    }

    @Test
    void measuresCurrentAndReferenceAndJudgesConditions() {
        CheckResult r = check(Map.of("bins", 2), "ece <= reference + 0.02", "mce <= 0.03")
                .run(new CheckContext(CURRENT, REFERENCE));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.conditions().get(0).passed()).isTrue();
        assertThat(r.conditions().get(1).message()).startsWith("Expecting mce on current.csv: measured 0.0375");
        assertThat(r.measurement("ece").value()).isCloseTo(0.01875, within(1e-15));
        assertThat(r.measurement("ece").reference()).isCloseTo(0.3, within(1e-15));
        assertThat(r.measurement("ece").n()).isEqualTo(8);
        assertThat(r.measurement("mce").value()).isCloseTo(0.0375, within(1e-15));
        assertThat(r.measurement("brier_score").value()).isCloseTo(0.1640625, within(1e-15));
        assertThat(r.measurement("brier_reliability").value()).isCloseTo(0.000703125, within(1e-15));
        assertThat(r.measurement("brier_resolution").value()).isEqualTo(0.0625);
        assertThat(r.measurement("brier_uncertainty").value()).isEqualTo(0.25);
        assertThat(r.message()).isEqualTo("ece = 0.0188, mce = 0.0375 over 2 uniform bins on 8 rows");
        assertThat(r.notes()).contains("Positive class 'bad', scores from column 'p_bad'; 2 uniform bins (2 hold rows); ece, mce"
                + " and the Brier decomposition use these bins.");

        XYChart diagram = (XYChart) r.charts().get(0);
        assertThat(diagram.title()).isEqualTo("Reliability diagram");
        assertThat(diagram.series().get(0).x()).containsExactly(new double[] {0.2875, 0.75}, within(1e-15));
        assertThat(diagram.series().get(0).y()).containsExactly(0.25, 0.75);
        assertThat(diagram.series().get(1).style()).isEqualTo(dev.assay.core.chart.Series.Style.GUIDE);
        assertThat(r.tables().get(0).rows()).hasSize(2);
        assertThat(r.tables().get(0).rows().get(1).subList(0, 3)).containsExactly(0.5, 1.0, 4L);
        assertThat(r.tables().get(1).rows().get(5)).containsExactly("brier score", r.measurement("brier_score").value());
    }

    @Test
    void aMulticlassTaskOrMissingScoresEndInAnErrorThatSaysWhatToDo() {
        Dataset iris = Dataset.of("current", Frame.of(TextColumn.of("species", "setosa", "virginica", "versicolor"),
                TextColumn.of("predicted", "setosa", "virginica", "setosa")),
                Schema.builder().label("species").prediction("predicted").build());
        CheckResult r = new CalibrationCheckKind().create(CheckConfig.of("check 'c'", Map.of()), CheckSetup.named("c"))
                .run(new CheckContext(iris, null));
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).isEqualTo("Calibration measures the scores of a binary task, but the data was evaluated as a"
                + " multiclass task. Set evaluation.task to binary and name the score column (the probability of the positive"
                + " class).");
        Dataset outside = Dataset.of("current", Frame.of("s.csv", List.of(TextColumn.of("class", "good", "bad"),
                NumericColumn.of("p_bad", 0.2, 1.5))), SCHEMA);
        CheckResult o = check(Map.of()).run(new CheckContext(outside, null));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.message()).startsWith("Column 'p_bad' (score) of s.csv holds 1.5 in row 2")
                .contains("outside [0, 1]: calibration compares probabilities with observed positive rates.");
    }
}
