package dev.assay.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class BaselinesCheckTest {
    static final Schema SCHEMA = Schema.builder().label("class").prediction("predicted").score("p_bad").build();
    static final EvaluationSettings BAD = EvaluationSettings.defaults().withPositiveClass("bad");

    /** 6 good, 2 bad; the model is right on 7 of 8 rows (one bad row called good). */
    static final Dataset CURRENT = Dataset.of("current", Frame.of("current.csv", List.of(
            TextColumn.of("class", "good", "good", "good", "good", "good", "good", "bad", "bad"),
            TextColumn.of("predicted", "good", "good", "good", "good", "good", "good", "bad", "good"),
            NumericColumn.of("p_bad", 0.1, 0.2, 0.1, 0.3, 0.2, 0.4, 0.9, 0.45))), SCHEMA);

    private static Check check(Map<String, Object> keys, String... fail) {
        List<Condition> conditions = Arrays.stream(fail).map(c -> Condition.parse(c, Severity.FAIL)).toList();
        return new BaselinesCheckKind().create(CheckConfig.of("check 'baselines'", keys),
                new CheckSetup("baselines", conditions, null, BAD, 7));
    }

    private static double value(CheckResult r, String name, String key) {
        return r.measurements().stream().filter(m -> m.name().equals(name) && Objects.equals(m.key(), key)).findFirst()
                .map(Measurement::value).orElseThrow(() -> new AssertionError(name + "[" + key + "]"));
    }

    @Test
    void theKindIsFoundOnTheClassPathAndReadsItsKeys() {
        assertThat(CheckKinds.discover().get("baselines")).isInstanceOf(BaselinesCheckKind.class);
        Check c = check(Map.of("margin", 0.05));
        assertThat(c.measures()).contains("prevalence", "imbalance_ratio", "baseline_accuracy", "accuracy_lift", "minority_f1",
                "average_precision");
        assertThat(c.settings()).containsEntry("margin", "0.05").containsEntry("positive_class", "bad");
        assertThat(check(Map.of()).settings()).containsEntry("margin", "0.01");
        assertThatThrownBy(() -> check(Map.of("margin", -0.1))).isInstanceOf(InvalidInputException.class)
                .hasMessage("check 'baselines', key 'margin': the margin is a difference of accuracies, from 0 to 1, found -0.1.");
    }

    @Test
    void measuresImbalanceBaselinesAndTheMinorityClass() {
        CheckResult r = check(Map.of(), "accuracy_lift >= 0.1", "minority_recall >= 0.6").run(new CheckContext(CURRENT, null));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.conditions().get(0).passed()).isTrue();
        assertThat(r.conditions().get(1).passed()).isFalse();
        assertThat(value(r, "prevalence", "class=good")).isEqualTo(0.75);
        assertThat(value(r, "prevalence", "class=bad")).isEqualTo(0.25);
        assertThat(value(r, "imbalance_ratio", null)).isEqualTo(3.0);
        assertThat(value(r, "baseline_accuracy", "strategy=most_frequent")).isEqualTo(0.75);
        assertThat(value(r, "baseline_accuracy", "strategy=stratified")).isEqualTo(0.625);
        assertThat(value(r, "baseline_accuracy", "strategy=uniform")).isEqualTo(0.5);
        assertThat(value(r, "baseline_balanced_accuracy", "strategy=most_frequent")).isEqualTo(0.5);
        assertThat(value(r, "baseline_minority_recall", "strategy=most_frequent")).isZero();
        assertThat(value(r, "baseline_minority_f1", "strategy=most_frequent")).isZero();
        assertThat(value(r, "accuracy_lift", null)).isCloseTo(0.125, within(1e-15));
        assertThat(value(r, "minority_precision", null)).isEqualTo(1.0);
        assertThat(value(r, "minority_recall", null)).isEqualTo(0.5);
        assertThat(value(r, "minority_f1", null)).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(value(r, "average_precision", null)).isEqualTo(1.0);
        assertThat(r.notes()).noneMatch(n -> n.startsWith("WARN"));
        assertThat(r.message()).isEqualTo("accuracy 0.8750 against 0.7500 always predicting 'good' (lift +0.1250); imbalance"
                + " ratio 3.00, minority class 'bad' recall 0.5000");
        assertThat(r.tables()).hasSize(2);
    }

    @Test
    void warnsInTheNotesWhenAccuracyIsNoBetterThanTheMajorityClass() {
        CheckResult r = check(Map.of("margin", 0.2)).run(new CheckContext(CURRENT, null));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("WARN: accuracy is misleading here: the model's accuracy 0.8750 is"
                + " within 0.2 of the majority-class baseline 0.7500 (always predicting 'good', 75.0% of rows)"));
        Measurement lift = r.measurements().stream().filter(m -> m.name().equals("accuracy_lift")).findFirst().orElseThrow();
        assertThat(lift.warnings()).hasSize(1);
    }

    @Test
    void tiesGoToTheFirstClassForTheMajorityAndTheLastForTheMinority() {
        Dataset balanced = Dataset.of("current", Frame.of("b.csv", List.of(
                TextColumn.of("species", "virginica", "setosa", "versicolor", "setosa", "virginica", "versicolor"),
                TextColumn.of("predicted", "virginica", "setosa", "setosa", "setosa", "versicolor", "versicolor"))),
                Schema.builder().label("species").prediction("predicted").build());
        CheckResult r = new BaselinesCheckKind().create(CheckConfig.of("check 'b'", Map.of()), CheckSetup.named("b"))
                .run(new CheckContext(balanced, null));
        assertThat(r.message()).contains("always predicting 'setosa'").contains("minority class 'virginica'");
        assertThat(value(r, "imbalance_ratio", null)).isEqualTo(1.0);
        assertThat(value(r, "baseline_accuracy", "strategy=uniform")).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(value(r, "average_precision", null)).isNaN();
        assertThat(r.measurements()).noneMatch(m -> m.name().equals("baseline_minority_recall"));
        assertThat(value(r, "accuracy_lift", null)).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(r.notes()).noneMatch(n -> n.startsWith("WARN"));
    }

    @Test
    void aSingleClassOrARegressionTaskEndsInAnErrorThatSaysWhatToDo() {
        Dataset one = Dataset.of("current", Frame.of("one.csv", List.of(TextColumn.of("class", "good", "good"),
                TextColumn.of("predicted", "good", "bad"), NumericColumn.of("p_bad", 0.1, 0.6))), SCHEMA);
        CheckResult r = check(Map.of()).run(new CheckContext(one, null));
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).isEqualTo("The label holds a single class ('good') in 2 rows: prevalence, imbalance and the"
                + " baselines need at least two classes. Evaluate on data that holds every class (check the where: slice and how"
                + " the data was sampled).");
        Dataset reg = Dataset.of("current", Frame.of("r.csv", List.of(NumericColumn.of("y", 1.5, 2.5, 3.5),
                NumericColumn.of("yhat", 1.0, 2.0, 3.0))), Schema.builder().label("y").prediction("yhat").build());
        CheckResult g = new BaselinesCheckKind().create(CheckConfig.of("check 'b'", Map.of()),
                        new CheckSetup("b", List.of(), null, EvaluationSettings.defaults().withTask(dev.assay.core.metrics.Task.REGRESSION), 0))
                .run(new CheckContext(reg, null));
        assertThat(g.status()).isEqualTo(Status.ERROR);
        assertThat(g.message()).startsWith("Baselines compare classifiers, but the data was evaluated as a regression task.");
    }
}
