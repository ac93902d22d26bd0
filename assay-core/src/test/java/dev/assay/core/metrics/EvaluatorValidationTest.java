package dev.assay.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Input the evaluator refuses: each message names the column, the row and the fix. */
class EvaluatorValidationTest {
    private static final EvaluationSettings DEFAULTS = EvaluationSettings.defaults();

    private static Schema binarySchema() {
        return Schema.builder().label("y").prediction("p").score("s").weight("w").build();
    }

    private static Frame frame(String[] y, String[] p, double[] s, double[] w) {
        return Frame.of("test.csv", java.util.List.of(TextColumn.of("y", y), TextColumn.of("p", p),
                NumericColumn.of("s", s), NumericColumn.of("w", w)));
    }

    @Test
    void missingLabelsAreCountedWithTheFirstRow() {
        Frame f = frame(new String[] {"a", null, "b", ""}, new String[] {"a", "a", "b", "b"},
                new double[] {.1, .2, .3, .4}, new double[] {1, 1, 1, 1});
        assertThatThrownBy(() -> Evaluator.evaluate(f, binarySchema(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 'y' (label) of test.csv")
                .hasMessageContaining("2 missing values")
                .hasMessageContaining("the first is in row 2")
                .hasMessageContaining("drop these rows or fill in the label");
    }

    @Test
    void missingNumericLabelInRegression() {
        Frame f = Frame.of("r.csv", java.util.List.of(NumericColumn.of("y", 1, 2, Double.NaN), NumericColumn.of("p", 1, 2, 3)));
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("y").prediction("p").build(),
                DEFAULTS.withTask(Task.REGRESSION)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 'y' (label) of r.csv has 1 missing value")
                .hasMessageContaining("row 3");
    }

    @Test
    void nanScore() {
        Frame f = frame(new String[] {"a", "b", "a"}, new String[] {"a", "b", "b"}, new double[] {.1, Double.NaN, .3},
                new double[] {1, 1, 1});
        assertThatThrownBy(() -> Evaluator.evaluate(f, binarySchema(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 's' (score) of test.csv has 1 missing value")
                .hasMessageContaining("row 2")
                .hasMessageContaining("fill in the score");
    }

    @Test
    void negativeAndNanWeights() {
        Frame negative = frame(new String[] {"a", "b", "a"}, new String[] {"a", "b", "b"}, new double[] {.1, .2, .3},
                new double[] {1, 1, -2});
        assertThatThrownBy(() -> Evaluator.evaluate(negative, binarySchema(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 'w' (weight) of test.csv holds -2.0 in row 3")
                .hasMessageContaining("finite numbers >= 0");
        Frame nan = frame(new String[] {"a", "b", "a"}, new String[] {"a", "b", "b"}, new double[] {.1, .2, .3},
                new double[] {Double.NaN, 1, 1});
        assertThatThrownBy(() -> Evaluator.evaluate(nan, binarySchema(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 'w' (weight) of test.csv holds a missing value (NaN) in row 1");
    }

    @Test
    void nonNumericScoreColumn() {
        Frame f = Frame.of("test.csv", java.util.List.of(TextColumn.of("y", "a", "b"), TextColumn.of("s", "high", "low")));
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("y").score("s").build(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 's' (score) in test.csv must be numeric, but row 1 holds 'high', which is not a number");
    }

    @Test
    void thirdClassInABinaryTask() {
        Frame f = frame(new String[] {"a", "b", "a"}, new String[] {"a", "c", "b"}, new double[] {.1, .2, .3},
                new double[] {1, 1, 1});
        assertThatThrownBy(() -> Evaluator.evaluate(f, binarySchema(), DEFAULTS.withTask(Task.BINARY)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("A binary task needs two classes, but columns 'y' (label) and 'p' (prediction) of test.csv hold 3 classes:"
                        + " 'a', 'b' and the unexpected 'c' (prediction, 1 row, first in row 2). Correct or drop the rows with"
                        + " unexpected values, or set the task to multiclass.");
    }

    @Test
    void positiveClassAbsentFromTheLabel() {
        Frame f = frame(new String[] {"good", "bad", "good"}, new String[] {"good", "bad", "bad"},
                new double[] {.1, .2, .3}, new double[] {1, 1, 1});
        assertThatThrownBy(() -> Evaluator.evaluate(f, binarySchema(), DEFAULTS.withPositiveClass("Bad")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The positive class 'Bad' does not occur in column 'y' (label) of test.csv")
                .hasMessageContaining("which holds 'bad', 'good'");
    }

    @Test
    void positiveClassAbsentFromALabelOfThreeClassesNamesTheLabelValues() {
        Frame f = Frame.of("t.csv", java.util.List.of(TextColumn.of("y", "no", "yes", "maybe"), NumericColumn.of("s", .1, .9, .2)));
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("y").score("s").build(),
                DEFAULTS.withPositiveClass("bad")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The positive class 'bad' does not occur in column 'y' (label) of t.csv, which holds 'maybe', 'no', 'yes'."
                        + " Set the positive class to one of these values.");
    }

    @Test
    void scoreColumnWithAThirdClassFromAnEmbeddedNewlineIsRefusedWithItsRow() {
        Frame f = Frame.of("nl.csv", java.util.List.of(TextColumn.of("y", "good", "bad", "go\nod", "good"),
                NumericColumn.of("s", .1, .9, .2, .3)), row -> "line " + (row + 2));
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("y").score("s").build(),
                DEFAULTS.withPositiveClass("bad")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Column 's' (score) of nl.csv scores one positive class against one other, so the evaluation is binary,"
                        + " but column 'y' (label) holds 3 classes: 'bad', 'good' and the unexpected 'go\\nod' (label, 1 row,"
                        + " first in row 3 (line 4)). Correct or drop the rows with unexpected values, or evaluate several classes with"
                        + " one probability column per class instead of a score column.");
    }

    @Test
    void scoreColumnInAMulticlassTaskIsRefused() {
        Frame f = Frame.of("t.csv", java.util.List.of(TextColumn.of("y", "a", "b", "c"), TextColumn.of("p", "a", "b", "b"),
                NumericColumn.of("s", .1, .9, .2)));
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("y").prediction("p").score("s").build(),
                DEFAULTS.withTask(Task.MULTICLASS)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Column 's' (score) of t.csv scores one positive class, which a multiclass task cannot use. Give one"
                        + " probability column per class instead, or set the task to binary.");
    }

    @Test
    void labelWithoutPredictionsIsNothingToEvaluate() {
        Frame f = Frame.of("t.csv", java.util.List.of(TextColumn.of("y", "a", "b", "c")));
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("y").build(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Nothing to evaluate in t.csv: no prediction, score or class probability column is set. Name the column(s)"
                        + " that hold the model's predictions.");
    }

    @Test
    void weightsThatAreAllZeroAreRefused() {
        Frame f = frame(new String[] {"a", "b", "a"}, new String[] {"a", "b", "b"}, new double[] {.1, .2, .3}, new double[3]);
        assertThatThrownBy(() -> Evaluator.evaluate(f, binarySchema(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Column 'w' (weight) of test.csv is 0 in every row (3 rows), so no row would count and nothing could be"
                        + " computed. Give some rows a positive weight, or leave out the weight column.");
        assertThatThrownBy(() -> Evaluator.regression(new double[] {1, 2}, new double[] {1, 2}, new double[2], DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Column 'weight' is 0 in every row (2 rows)");
    }

    @Test
    void negativeWeightNamesItsFileLine() {
        Frame f = Frame.of("w.csv", java.util.List.of(TextColumn.of("y", "a", "b"), NumericColumn.of("s", .1, .2),
                NumericColumn.of("w", 1, -1)), row -> "line " + (row + 3));
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("y").score("s").weight("w").build(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Column 'w' (weight) of w.csv holds -1.0 in row 2 (line 4); sample weights must be");
    }

    @Test
    void infiniteRegressionValuesAreRefusedWithTheirRow() {
        Frame f = Frame.of("r.csv", java.util.List.of(NumericColumn.of("y", 1, 2, 3), NumericColumn.of("p", 1, Double.POSITIVE_INFINITY, 3)),
                row -> "line " + (row + 2));
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("y").prediction("p").build(),
                DEFAULTS.withTask(Task.REGRESSION)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Column 'p' (prediction) of r.csv holds Infinity in row 2 (line 3); regression metrics need finite values."
                        + " Correct the value or drop the row.");
    }

    @Test
    void positiveClassWithARegressionTaskIsRefused() {
        double[] many = new double[30];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        Frame f = Frame.of("r.csv", java.util.List.of(NumericColumn.of("age", many), NumericColumn.of("p", many)));
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("age").prediction("p").build(),
                DEFAULTS.withPositiveClass("1000")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("A positive class ('1000') is set, but column 'age' (label) of r.csv is evaluated as regression (it is"
                        + " numeric with more than 20 distinct values). A positive class applies to binary tasks: leave it out, or set"
                        + " the task to binary.");
    }

    @Test
    void labelClassWithoutAProbabilityColumnNamesItsFirstRow() {
        Frame f = Frame.of("i.csv", java.util.List.of(TextColumn.of("y", "a", "b", "c", "c"), NumericColumn.of("p_a", .6, .2, .3, .3),
                NumericColumn.of("p_b", .4, .8, .7, .7)), row -> "line " + (row + 2));
        Evaluation e = Evaluator.evaluate(f, Schema.builder().label("y").classProbability("a", "p_a").classProbability("b", "p_b")
                .build(), DEFAULTS);
        assertThat(e.problems()).containsExactly("Column 'y' (label) of i.csv holds class 'c' (first in row 3 (line 4)) without a"
                + " probability column; log_loss, roc_auc_ovr and average precision need the probability of every class in the label and are undefined."
                + " Name a probability column for each class, or correct the label.");
    }

    @Test
    void noLabelColumnAndUnknownColumn() {
        Frame f = frame(new String[] {"a"}, new String[] {"a"}, new double[] {.1}, new double[] {1});
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().prediction("p").build(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No label column is set for test.csv");
        assertThatThrownBy(() -> Evaluator.evaluate(f, Schema.builder().label("yy").build(), DEFAULTS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unknown column 'yy' (given as label)");
    }

    @Test
    void arrayEntriesCheckLengthsAndIndices() {
        assertThatThrownBy(() -> Evaluator.binary(new boolean[3], new double[2], null, null, DEFAULTS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("score array has 2 values for 3 rows");
        assertThatThrownBy(() -> Evaluator.multiclass(new int[] {0, 3}, new int[] {0, 1}, java.util.List.of("a", "b"),
                null, null, DEFAULTS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("truth[1] = 3 is not a class index in 0..1");
        assertThatThrownBy(() -> Evaluator.regression(new double[] {1, 2}, new double[] {1, Double.NaN}, null, DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 'predicted' (prediction) has 1 missing value")
                .hasMessageContaining("row 2");
    }

    @Test
    void unknownMetricListsTheKnownOnes() {
        Evaluation e = Evaluator.binary(new boolean[] {true, false}, new double[] {.9, .1}, null, null, DEFAULTS);
        assertThatThrownBy(() -> e.metric("auc"))
                .isInstanceOf(UnknownMetricException.class)
                .hasMessageContaining("Unknown metric 'auc' for a binary task")
                .hasMessageContaining("roc_auc");
        assertThat(e.metricIds()).isEqualTo(MetricCatalog.ids(Task.BINARY));
    }
}
