package dev.assay.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.chart.Chart;
import dev.assay.core.chart.HeatmapChart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.result.EvidenceTable;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Edge cases decided explicitly, on inputs small enough to check by hand. */
class EvaluatorEdgeCasesTest {
    private static final EvaluationSettings DEFAULTS = EvaluationSettings.defaults();
    private static final boolean[] TRUTH = {true, true, false, false};
    private static final double[] SCORE = {.8, .6, .4, .2};
    private static final boolean[] NEVER_POSITIVE = {false, false, false, false};

    @ParameterizedTest
    @EnumSource(ZeroDivision.class)
    void precisionWithNothingPredictedPositiveFollowsThePolicy(ZeroDivision policy) {
        Evaluation e = Evaluator.binary(TRUTH, SCORE, NEVER_POSITIVE, null, DEFAULTS.withZeroDivision(policy));
        MetricValue precision = e.metric("precision");
        switch (policy) {
            case WARN -> {
                assertThat(precision.value()).isZero();
                assertThat(precision.warnings()).singleElement().asString()
                        .contains("precision is ill-defined (no row was predicted positive)");
            }
            case ZERO -> {
                assertThat(precision.value()).isZero();
                assertThat(precision.warnings()).isEmpty();
            }
            case ONE -> {
                assertThat(precision.value()).isEqualTo(1);
                assertThat(precision.warnings()).isEmpty();
            }
            case NAN -> {
                assertThat(precision.defined()).isFalse();
                assertThat(precision.undefinedReason()).contains("no row was predicted positive");
            }
        }
        // recall and F1 have non-zero denominators here, so the policy does not touch them
        assertThat(e.metric("recall").value()).isZero();
        assertThat(e.metric("f1").value()).isZero();
        assertThat(e.metric("specificity").value()).isEqualTo(1);
        assertThat(e.metric("npv").value()).isEqualTo(0.5);
        assertThat(e.metric("roc_auc").value()).isEqualTo(1);
        assertThat(e.metric("average_precision").value()).isEqualTo(1);
    }

    @Test
    void fScoreIsTheZeroDivisionValueOnlyWhenNothingIsPositiveAtAll() {
        boolean[] negatives = {false, false};
        Evaluation one = Evaluator.binary(negatives, null, negatives, null, DEFAULTS.withZeroDivision(ZeroDivision.ONE));
        assertThat(one.metric("f1").value()).isEqualTo(1);
        assertThat(one.metric("precision").value()).isEqualTo(1);
        assertThat(one.metric("recall").value()).isEqualTo(1);
        assertThat(one.metric("fnr").value()).isEqualTo(1);
        Evaluation nan = Evaluator.binary(negatives, null, negatives, null, DEFAULTS.withZeroDivision(ZeroDivision.NAN));
        assertThat(nan.metric("f1").defined()).isFalse();
        assertThat(nan.metric("accuracy").value()).isEqualTo(1);
    }

    @Test
    void macroAveragesLeaveNaNClassesOutUnderTheNanPolicy() {
        List<String> classes = List.of("a", "b", "c");
        int[] truth = {0, 0, 1, 1};
        int[] predicted = {0, 0, 0, 2};
        Evaluation nan = Evaluator.multiclass(truth, predicted, classes, null, null, DEFAULTS.withZeroDivision(ZeroDivision.NAN));
        assertThat(nan.metric("precision_macro").value()).isCloseTo((2.0 / 3 + 0) / 2, within(1e-15));
        assertThat(nan.metric("recall_macro").value()).isCloseTo((1 + 0) / 2.0, within(1e-15));
        Evaluation warn = Evaluator.multiclass(truth, predicted, classes, null, null, DEFAULTS);
        assertThat(warn.metric("precision_macro").value()).isCloseTo((2.0 / 3 + 0 + 0) / 3, within(1e-15));
        assertThat(warn.metric("precision_macro").warnings()).singleElement().asString().contains("'b' (never predicted)");
        assertThat(warn.metric("recall_macro").value()).isCloseTo((1 + 0 + 0) / 3.0, within(1e-15));
        assertThat(warn.metric("balanced_accuracy").value()).isCloseTo(0.5, within(1e-15));
        assertThat(warn.metric("balanced_accuracy").warnings()).singleElement().asString().contains("'c'");
        assertThat(warn.metric("log_loss").defined()).isFalse();
        assertThat(warn.problems()).isEmpty();
    }

    @Test
    void singleClassLabelIsAProblemNotAnError() {
        Frame f = Frame.of("one.csv", List.of(NumericColumn.of("y", 1, 1, 1), NumericColumn.of("p", 1, 0, 1),
                NumericColumn.of("s", .9, .3, .8)));
        Evaluation e = Evaluator.evaluate(f, Schema.builder().label("y").prediction("p").score("s").build(), DEFAULTS);
        assertThat(e.task()).isEqualTo(Task.BINARY);
        assertThat(e.problems()).singleElement().asString()
                .contains("Column 'y' of one.csv holds only the class '1'")
                .contains("roc_auc and average_precision need both classes");
        assertThat(e.metric("roc_auc").defined()).isFalse();
        assertThat(e.metric("average_precision").defined()).isFalse();
        assertThat(e.metric("accuracy").value()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(e.metric("precision").value()).isEqualTo(1);
        assertThat(e.metric("log_loss").defined()).isTrue();
    }

    @Test
    void scoresOutsideTheUnitIntervalOnlyRank() {
        Evaluation e = Evaluator.evaluate(Frame.of("s.csv", List.of(TextColumn.of("y", "yes", "no", "yes", "no"),
                        NumericColumn.of("margin", 1.5, .2, .7, -.1))),
                Schema.builder().label("y").score("margin").build(), DEFAULTS.withPositiveClass("yes"));
        assertThat(e.problems()).singleElement().asString()
                .contains("Column 'margin' (score) of s.csv holds 1.5 in row 1, outside [0, 1]")
                .contains("log_loss and brier_score need probabilities");
        assertThat(e.metric("log_loss").defined()).isFalse();
        assertThat(e.metric("brier_score").undefinedReason()).contains("row 1");
        assertThat(e.metric("roc_auc").value()).isEqualTo(1);
        assertThat(e.metric("average_precision").value()).isEqualTo(1);
        assertThat(e.notes()).anyMatch(n -> n.contains("predicted 'yes' when its score (column 'margin') is >= 0.5"));
        assertThat(e.metric("true_positives").value()).isEqualTo(2);
        assertThat(e.metric("false_positives").value()).isZero();
    }

    @Test
    void thresholdDecidesWithoutPredictions() {
        Evaluation e = Evaluator.binary(TRUTH, SCORE, null, null, DEFAULTS.withThreshold(0.3));
        assertThat(e.metric("recall").value()).isEqualTo(1);
        assertThat(e.metric("precision").value()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(e.notes()).anyMatch(n -> n.contains(">= 0.3"));
    }

    @Test
    void withoutScoresRankingMetricsAreUndefinedWithoutAProblem() {
        Evaluation e = Evaluator.binary(TRUTH, null, TRUTH, null, DEFAULTS);
        assertThat(e.metric("roc_auc").undefinedReason()).contains("needs scores");
        assertThat(e.metric("accuracy").value()).isEqualTo(1);
        assertThat(e.problems()).isEmpty();
        Evaluation neither = Evaluator.binary(TRUTH, null, null, null, DEFAULTS);
        assertThat(neither.metric("accuracy").undefinedReason()).contains("needs predicted classes");
    }

    @Test
    void multiclassProbabilitiesThatDoNotSumToOne() {
        // p[class][row]; rows 1 and 3 sum to 1, row 2 to 0.95
        double[][] p = {{.7, .2, .1}, {.2, .7, .1}, {.1, .05, .8}};
        Evaluation e = Evaluator.multiclass(new int[] {0, 1, 2}, null, List.of("a", "b", "c"), p, null, DEFAULTS);
        assertThat(e.problems()).singleElement().asString().contains("sum to 0.95").contains("row 2")
                .contains("roc_auc_ovr needs probabilities over all classes");
        assertThat(e.metric("roc_auc_ovr").defined()).isFalse();
        assertThat(e.metric("log_loss").defined()).isTrue();
        assertThat(e.metric("accuracy").value()).isEqualTo(1);
        assertThat(e.notes()).anyMatch(n -> n.contains("highest probability"));
    }

    @Test
    void defaultPositiveClass() {
        assertThat(positiveNote(TextColumn.of("y", "bad", "good", "good"))).isEqualTo(
                "Positive class 'bad' (the less frequent of 'bad', 'good'; set positive to change).");
        assertThat(positiveNote(TextColumn.of("y", "x", "y", "y", "x"))).startsWith("Positive class 'y' (the classes");
        assertThat(positiveNote(NumericColumn.of("y", 0, 1, 1, 1))).isEqualTo(
                "Positive class '1' (the default for 0/1 labels; set positive to change).");
        assertThat(positiveNote(NumericColumn.of("y", -1, 1, 1))).startsWith("Positive class '1' (the default for -1/1");
        assertThat(positiveNote(TextColumn.of("y", "False", "True", "True"))).startsWith("Positive class 'True' (the default for boolean");
    }

    private static String positiveNote(dev.assay.core.data.Column label) {
        double[] s = new double[label.size()];
        Evaluation e = Evaluator.evaluate(Frame.of(label, NumericColumn.of("s", s)),
                Schema.builder().label("y").score("s").build(), DEFAULTS);
        return e.notes().stream().filter(n -> n.startsWith("Positive class")).findFirst().orElseThrow();
    }

    @Test
    void numericClassesAreOrderedAndNamedAsNumbers() {
        Frame f = Frame.of(NumericColumn.of("y", 2, 10, 2, 10, 1), NumericColumn.of("p", 2.0, 10, 1, 10, 1));
        Evaluation e = Evaluator.evaluate(f, Schema.builder().label("y").prediction("p").build(), DEFAULTS);
        assertThat(e.task()).isEqualTo(Task.MULTICLASS);
        EvidenceTable confusion = e.tables().get(0);
        assertThat(confusion.columns()).containsExactly("true \\ predicted", "1", "2", "10");
        assertThat(confusion.rows().get(1)).containsExactly("2", 1L, 1L, 0L);
        HeatmapChart heatmap = (HeatmapChart) e.charts().get(0);
        assertThat(heatmap.values()[1]).containsExactly(1, 1, 0);
        assertThat(e.tables().get(1).columns()).containsExactly("class", "precision", "recall", "f1", "support");
    }

    @Test
    void maxErrorIgnoresWeightsButLeavesOutRowsOfWeightZero() {
        double[] truth = {1, 2, 3};
        double[] predicted = {1, 2.5, 13};
        assertThat(Evaluator.regression(truth, predicted, null, DEFAULTS).metric("max_error").value()).isEqualTo(10);
        Evaluation weighted = Evaluator.regression(truth, predicted, new double[] {1, 5, 0}, DEFAULTS);
        assertThat(weighted.metric("max_error").value()).isEqualTo(0.5);
        assertThat(weighted.metric("mae").value()).isCloseTo(2.5 / 6, within(1e-15));
        assertThat(Evaluator.regression(truth, predicted, new double[] {1, 1, 1}, DEFAULTS).metric("max_error").value())
                .isEqualTo(10);
    }

    @Test
    void constantLabelGivesOneOrZero() {
        double[] truth = {2, 2, 2};
        Evaluation exact = Evaluator.regression(truth, new double[] {2, 2, 2}, null, DEFAULTS);
        assertThat(exact.metric("r2").value()).isEqualTo(1);
        assertThat(exact.metric("explained_variance").value()).isEqualTo(1);
        Evaluation off = Evaluator.regression(truth, new double[] {2, 2, 3}, null, DEFAULTS);
        assertThat(off.metric("r2").value()).isZero();
        assertThat(off.metric("r2").warnings()).singleElement().asString().contains("constant label");
        assertThat(Evaluator.regression(new double[] {1}, new double[] {2}, null, DEFAULTS).metric("r2").defined()).isFalse();
    }

    @Test
    void noRowsLeaveEveryMetricUndefined() {
        Evaluation b = Evaluator.binary(new boolean[0], new double[0], new boolean[0], null, DEFAULTS);
        Evaluation r = Evaluator.regression(new double[0], new double[0], null, DEFAULTS);
        for (Evaluation e : List.of(b, r)) {
            assertThat(e.rows()).isZero();
            for (String id : e.metricIds()) {
                assertThat(e.metric(id).undefinedReason()).contains("no rows");
            }
        }
    }

    @Test
    void curvesAreDownsampledAndKeepTheirEnds() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 20_000;
        boolean[] truth = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = r.nextDouble() < 0.4;
            score[i] = 1 / (1 + Math.exp(-(r.nextGaussian() + (truth[i] ? 1 : 0))));
        }
        Evaluation e = Evaluator.binary(truth, score, null, null, DEFAULTS);
        XYChart roc = chart(e.charts(), "ROC curve");
        Series curve = roc.series().get(0);
        assertThat(curve.style()).isEqualTo(Series.Style.LINE);
        assertThat(curve.x().length).isBetween(900, 1000);
        assertThat(curve.x()[0]).isZero();
        assertThat(curve.y()[0]).isZero();
        assertThat(curve.x()[curve.x().length - 1]).isEqualTo(1);
        assertThat(curve.y()[curve.y().length - 1]).isEqualTo(1);
        assertThat(roc.series().get(1).style()).isEqualTo(Series.Style.GUIDE);
        assertThat(roc.x().min()).isZero();
        assertThat(roc.x().max()).isEqualTo(1);
        // the kept points follow the curve: trapezoids over them stay close to the exact area
        double area = 0;
        for (int i = 1; i < curve.x().length; i++) {
            area += (curve.x()[i] - curve.x()[i - 1]) * (curve.y()[i] + curve.y()[i - 1]) / 2;
        }
        assertThat(area).isCloseTo(e.metric("roc_auc").value(), within(1e-3));
        Series pr = chart(e.charts(), "Precision-recall curve").series().get(0);
        assertThat(pr.style()).isEqualTo(Series.Style.STEP);
        assertThat(pr.x().length).isLessThanOrEqualTo(1000);
        assertThat(pr.x()[pr.x().length - 1]).isEqualTo(1);
    }

    @Test
    void residualPlotIsASampleWithAZeroLine() {
        int n = 9_001;
        double[] truth = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i;
            predicted[i] = i + (i % 7) - 3;
        }
        XYChart plot = chart(Evaluator.regression(truth, predicted, null, DEFAULTS).charts(), "Residuals");
        Series points = plot.series().get(0);
        assertThat(points.style()).isEqualTo(Series.Style.POINTS);
        assertThat(points.x().length).isLessThanOrEqualTo(2000).isGreaterThan(1500);
        for (int k = 0; k < points.x().length; k++) {
            assertThat(points.y()[k]).isEqualTo(truth[k * 5] - predicted[k * 5]);
        }
        Series zero = plot.series().get(1);
        assertThat(zero.style()).isEqualTo(Series.Style.GUIDE);
        assertThat(zero.y()).containsExactly(0, 0);
    }

    private static XYChart chart(List<Chart> charts, String title) {
        return (XYChart) charts.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void catalogueMatchesWhatIsComputed() {
        for (Task t : Task.values()) {
            List<String> ids = MetricCatalog.ids(t);
            assertThat(ids).doesNotHaveDuplicates();
            for (MetricInfo i : MetricCatalog.forTask(t)) {
                assertThat(i.min()).isLessThan(i.max());
                assertThat(i.description()).isNotBlank();
            }
        }
        assertThat(Evaluator.binary(TRUTH, SCORE, null, null, DEFAULTS).metricIds()).isEqualTo(MetricCatalog.ids(Task.BINARY));
        assertThat(MetricCatalog.get(Task.REGRESSION, "r2").direction()).isEqualTo(MetricInfo.Direction.HIGHER_IS_BETTER);
        assertThat(MetricCatalog.get(Task.BINARY, "log_loss").direction()).isEqualTo(MetricInfo.Direction.LOWER_IS_BETTER);
        assertThat(MetricCatalog.find(Task.MULTICLASS, "roc_auc")).isEmpty();
    }
}
