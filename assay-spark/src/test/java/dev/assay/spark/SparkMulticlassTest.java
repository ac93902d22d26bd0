package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import dev.assay.core.suite.Suite;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multiclass metrics, inferred tasks and class probability columns on Spark's statistics route against
 * the local {@link Evaluator} on the same rows: Adult (32,561 rows) with a three-class label
 * and a softmax model's unrounded probabilities. Every metric equals the local one (confusion counts
 * exactly, sums and the exact one-vs-rest rankings to 1e-12), with the same tables, notes and problems,
 * but for the note that says how Spark ranked the probabilities.
 */
class SparkMulticlassTest {
    static MulticlassScores hours;
    static final EvaluationSettings MULTICLASS = EvaluationSettings.defaults().withTask(Task.MULTICLASS);

    @BeforeAll
    static void data() {
        hours = new MulticlassScores(1);
    }

    private static Schema.Builder probabilities(Schema.Builder b) {
        return b.classProbability("part", "p_part").classProbability("full", "p_full").classProbability("long", "p_long");
    }

    private static Evaluation[] both(Schema schema, EvaluationSettings settings) {
        return new Evaluation[] {SparkEvaluator.evaluate(hours.data, schema, settings, MulticlassScores.SOURCE),
            Evaluator.evaluate(hours.frame, schema, settings)};
    }

    @Test
    void multiclassMetricsEqualTheLocalOnes() {
        Schema schema = probabilities(Schema.builder().label("band").prediction("predicted")).build();
        Evaluation[] e = both(schema, MULTICLASS);
        EvaluationAssertions.assertSame(e[0], e[1]);
        assertThat(e[0].metric("roc_auc_ovr").value()).isBetween(0.55, 0.95);
        assertThat(e[0].metric("log_loss").defined()).isTrue();
        assertThat(e[0].notes()).anyMatch(n -> n.startsWith(EvaluationAssertions.SPARK_NOTE));
        assertThat(e[0].confusionMatrix().get().labels()).containsExactly("full", "long", "part");
    }

    @Test
    void weightedMulticlassMetricsOnOtherPartitionsEqualTheLocalOnes() {
        Schema schema = probabilities(Schema.builder().label("band").prediction("predicted")).weight("weight").build();
        EvaluationSettings settings = MULTICLASS.withZeroDivision(dev.assay.core.metrics.ZeroDivision.ZERO);
        Evaluation[] e = {SparkEvaluator.evaluate(hours.data.repartition(7), schema, settings, MulticlassScores.SOURCE),
            Evaluator.evaluate(hours.frame, schema, settings)};
        EvaluationAssertions.assertSame(e[0], e[1]);
        assertThat(e[0].confusionMatrix().get().weighted()).isTrue();
    }

    @Test
    void withoutPredictionsEachRowIsPredictedAsItsMostProbableNumericClass() {
        Schema schema = Schema.builder().label("code").classProbability("0", "p_part").classProbability("1.0", "p_full")
                .classProbability("2", "p_long").build();
        Evaluation[] e = both(schema, MULTICLASS);
        EvaluationAssertions.assertSame(e[0], e[1]);
        assertThat(e[0].notes()).contains("No prediction column: each row is predicted as the class of highest probability.");
        assertThat(e[0].confusionMatrix().get().labels()).containsExactly("0", "1", "2");
        Evaluation withPrediction = SparkEvaluator.evaluate(hours.data, schema.toBuilder().prediction("predicted_code").build(),
                MULTICLASS, MulticlassScores.SOURCE);
        assertThat(withPrediction.metric("accuracy").value()).isEqualTo(e[0].metric("accuracy").value());
    }

    @Test
    void rowsThatDoNotSumToOneOrClassesWithoutAColumnAreTheSameProblemsAsLocally() {
        Schema off = Schema.builder().label("band").prediction("predicted").classProbability("part", "p_part")
                .classProbability("full", "p_full").classProbability("long", "p_long_off").build();
        Evaluation[] e = both(off, MULTICLASS);
        EvaluationAssertions.assertSame(e[0], e[1]);
        assertThat(e[0].metric("roc_auc_ovr").undefinedReason()).contains("sum to 1.01", "row 1000,");
        assertThat(e[0].metric("average_precision_macro").defined()).isTrue();

        Schema uncovered = Schema.builder().label("band").prediction("predicted").classProbability("part", "p_part")
                .classProbability("full", "p_full").build();
        e = both(uncovered, MULTICLASS);
        EvaluationAssertions.assertSame(e[0], e[1]);
        assertThat(e[0].metric("log_loss").undefinedReason()).contains("holds class 'long' (first in row");
    }

    @Test
    void aMissingProbabilityIsRefusedWithTheLocalMessage() {
        Schema schema = Schema.builder().label("band").prediction("predicted").classProbability("part", "p_part")
                .classProbability("full", "p_full_missing").classProbability("long", "p_long").build();
        String local = null;
        try {
            Evaluator.evaluate(hours.frame, schema, MULTICLASS);
        } catch (InvalidInputException ex) {
            local = ex.getMessage();
        }
        assertThat(local).contains("row 5000");
        assertThatThrownBy(() -> SparkEvaluator.evaluate(hours.data, schema, MULTICLASS, MulticlassScores.SOURCE))
                .isInstanceOf(InvalidInputException.class).hasMessage(local);
        assertThatThrownBy(() -> SparkEvaluator.evaluate(hours.data, schema.toBuilder().classProbability("x", "nope").build(),
                MULTICLASS, MulticlassScores.SOURCE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("'nope' is not in");
        Evaluation none = SparkEvaluator.evaluate(hours.data.limit(0), probabilities(Schema.builder().label("band")).build(),
                MULTICLASS, MulticlassScores.SOURCE);
        assertThat(none.rows()).isZero();
    }

    @Test
    void theTaskIsInferredAsLocallyForAllThreeTasks() {
        Schema multiclass = probabilities(Schema.builder().label("band").prediction("predicted")).build();
        Evaluation[] e = both(multiclass, EvaluationSettings.defaults());
        EvaluationAssertions.assertSame(e[0], e[1]);
        assertThat(e[0].task()).isEqualTo(Task.MULTICLASS);
        assertThat(e[0].notes().get(0)).startsWith("Task inferred as multiclass: 3 classes");

        Schema numeric = Schema.builder().label("code").prediction("predicted_code").build();
        e = both(numeric, EvaluationSettings.defaults());
        EvaluationAssertions.assertSame(e[0], e[1]);

        Schema binary = Schema.builder().label("band").prediction("predicted").score("p_long").build();
        Evaluation spark = SparkEvaluator.evaluate(hours.data.where("band <> 'part' AND predicted <> 'part'"), binary,
                EvaluationSettings.defaults(), MulticlassScores.SOURCE);
        Evaluation local = Evaluator.evaluate(hours.frame.filter(i -> !hours.frame.column("band").format(i).equals("part")
                && !hours.frame.column("predicted").format(i).equals("part")), binary, EvaluationSettings.defaults());
        EvaluationAssertions.assertSame(spark, local);
        assertThat(spark.task()).isEqualTo(Task.BINARY);
        assertThat(spark.notes().get(0)).isEqualTo(local.notes().get(0)).startsWith("Task inferred as binary: 2 classes");

        Schema regression = Schema.builder().label("hours").prediction("predicted_hours").build();
        spark = SparkEvaluator.evaluate(hours.data, regression, EvaluationSettings.defaults(), MulticlassScores.SOURCE);
        local = Evaluator.evaluate(hours.frame, regression, EvaluationSettings.defaults());
        EvaluationAssertions.assertSame(spark, local);
        assertThat(spark.task()).isEqualTo(Task.REGRESSION);
        assertThat(spark.notes().get(0)).isEqualTo(local.notes().get(0)).startsWith("Task inferred as regression");
        assertThatThrownBy(() -> SparkEvaluator.evaluate(hours.data, regression, EvaluationSettings.defaults().withPositiveClass("40"),
                MulticlassScores.SOURCE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("is evaluated as regression");
    }

    @Test
    void aBinaryTaskScoredByItsClassProbabilityColumnsEqualsTheLocalOne() {
        Schema schema = Schema.builder().label("band").classProbability("part", "p_part").classProbability("full", "p_full")
                .classProbability("long", "p_long").build();
        var twoClasses = hours.data.where("band <> 'part'");
        Evaluation local = Evaluator.evaluate(hours.frame.filter(i -> !hours.frame.column("band").format(i).equals("part")), schema,
                EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass("long"));
        Evaluation spark = SparkEvaluator.evaluate(twoClasses, schema, EvaluationSettings.defaults().withTask(Task.BINARY)
                .withPositiveClass("long"), MulticlassScores.SOURCE);
        EvaluationAssertions.assertSame(spark, local);
        assertThat(spark.notes()).contains("Scores: column 'p_long', the probability of the positive class.");
        assertThat(spark.metric("roc_auc").defined()).isTrue();
    }

    @Test
    void aMulticlassCheckOverMoreDistinctProbabilitiesThanTheCombinationLimitRunsOnFolds() {
        Schema schema = probabilities(Schema.builder().label("band").prediction("predicted")).build();
        Suite suite = Suite.of("scale", MetricCheck.builder().name("Inferred").fail("roc_auc_ovr >= 0.5").build());
        var result = SparkAssay.run(suite, schema, hours.data, MulticlassScores.SOURCE, null, null, Map.of(),
                new SparkAssay.Options(1000), Progress.NONE);
        CheckResult check = result.checks().get(0);
        assertThat(check.status()).as(check.message()).isEqualTo(Status.PASS);
        assertThat(check.notes()).anyMatch(n -> n.contains("no rows were brought to the driver"));
        assertThat(check.measurement("roc_auc_ovr").n()).isEqualTo(hours.rows);
        Evaluation local = Evaluator.evaluate(hours.frame, schema, EvaluationSettings.defaults());
        assertThat(check.measurement("roc_auc_ovr").value()).isCloseTo(local.metric("roc_auc_ovr").value(), within(1e-12));
        assertThat(hours.data.select("band", "p_part", "p_full", "p_long").distinct().count()).as("distinct combinations")
                .isGreaterThan(1000);
    }
}
