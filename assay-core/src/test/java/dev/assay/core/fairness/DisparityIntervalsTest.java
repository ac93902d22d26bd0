package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.Interval;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap intervals of the regression disparities and of any evaluation metric's disparity
 * ({@link RegressionDisparities#all}, {@link GroupMetrics#disparities}): seeded, holding the estimate, and
 * covering the true difference about as often as their level says on simulated data with a known truth.
 */
class DisparityIntervalsTest {

    /** n rows in groups a (first half) and b; truth ~ N(0, 1); predictions off by N(shift_g, 1). */
    private static double[][] regression(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] truth = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = gaussian(rng);
            predicted[i] = truth[i] + (i < n / 2 ? 0.0 : 0.5) + gaussian(rng);
        }
        return new double[][] {truth, predicted};
    }

    private static Groups halves(int n) {
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = i < n / 2 ? "a" : "b";
        }
        return Groups.of(Frame.of("sim", List.of(CategoricalColumn.of("g", g))), "g");
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void regressionIntervalsAreSeededAndHoldTheEstimate() {
        double[][] d = regression(400, 1);
        RegressionDisparities r = RegressionDisparities.of(halves(400), d[0], d[1]);
        FairnessSettings settings = FairnessSettings.DEFAULT.withResamples(500);
        Map<String, Disparity> first = r.all(Aggregation.BETWEEN_GROUPS, settings);
        Map<String, Disparity> again = r.all(Aggregation.BETWEEN_GROUPS, settings);
        Map<String, Disparity> other = r.all(Aggregation.BETWEEN_GROUPS,
                new FairnessSettings(Convention.EXPLICIT, 30, 0.95, 500, 43));
        for (String id : RegressionDisparities.IDS) {
            Interval i = first.get(id).interval().interval();
            assertThat(i).as(id).isEqualTo(again.get(id).interval().interval());
            assertThat(i).as(id).isNotEqualTo(other.get(id).interval().interval());
            assertThat(first.get(id).value()).as(id).isBetween(i.lower(), i.upper());
        }
        assertThat(r.all(Aggregation.TO_OVERALL, settings.withResamples(0)).get("mean_prediction_difference").interval().defined())
                .isFalse();
    }

    @Test
    void regressionIntervalsCoverTheTrueDifferenceAboutAsOftenAsTheirLevel() {
        // mean prediction of b exceeds a by 0.5 in the population: E[ŷ] = 0 in a, 0.5 in b
        int covered = 0;
        int runs = 200;
        FairnessSettings settings = new FairnessSettings(Convention.EXPLICIT, 30, 0.90, 300, 7);
        for (int run = 0; run < runs; run++) {
            double[][] d = regression(200, 100 + run);
            Interval i = RegressionDisparities.of(halves(200), d[0], d[1]).all(Aggregation.BETWEEN_GROUPS, settings)
                    .get("mean_prediction_difference").interval().interval();
            covered += i.lower() <= 0.5 && 0.5 <= i.upper() ? 1 : 0;
        }
        // 90% nominal; the binomial spread of 200 runs is about ±4 points
        assertThat(covered / (double) runs).isBetween(0.82, 0.96);
    }

    /** n rows in groups a and b with accuracy 0.8 in a and 0.6 in b. */
    private static Frame classification(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String[] g = new String[n];
        double[] y = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = i < n / 2 ? "a" : "b";
            y[i] = rng.nextDouble() < 0.5 ? 1 : 0;
            boolean right = rng.nextDouble() < (i < n / 2 ? 0.8 : 0.6);
            p[i] = right ? y[i] : 1 - y[i];
        }
        return Frame.of("sim", List.of(CategoricalColumn.of("g", g), NumericColumn.wrap("y", y), NumericColumn.wrap("p", p)));
    }

    private static GroupMetrics metrics(Frame frame) {
        return GroupMetrics.evaluate(frame, Schema.builder().label("y").prediction("p").build(),
                EvaluationSettings.defaults().withPositiveClass("1"), Groups.of(frame, "g"));
    }

    @Test
    void metricIntervalsAreSeededAndHoldTheEstimate() {
        GroupMetrics m = metrics(classification(300, 3));
        FairnessSettings settings = FairnessSettings.DEFAULT.withResamples(200);
        Map<String, Disparity> first = m.disparities(List.of("accuracy", "recall"), Aggregation.TO_OVERALL, settings);
        Map<String, Disparity> again = m.disparities(List.of("accuracy", "recall"), Aggregation.TO_OVERALL, settings);
        assertThat(first.keySet()).containsExactly("accuracy_difference", "accuracy_ratio", "recall_difference", "recall_ratio");
        for (Map.Entry<String, Disparity> e : first.entrySet()) {
            Interval i = e.getValue().interval().interval();
            assertThat(i).as(e.getKey()).isEqualTo(again.get(e.getKey()).interval().interval());
            assertThat(e.getValue().value()).as(e.getKey()).isBetween(i.lower(), i.upper());
            assertThat(e.getValue().value()).as(e.getKey())
                    .isEqualTo(e.getKey().endsWith("_ratio") ? m.ratio(e.getKey().replace("_ratio", ""), Aggregation.TO_OVERALL,
                            settings).value() : m.difference(e.getKey().replace("_difference", ""), Aggregation.TO_OVERALL,
                            settings).value());
        }
    }

    @Test
    void metricIntervalsCoverTheTrueAccuracyDifferenceAboutAsOftenAsTheirLevel() {
        int covered = 0;
        int runs = 80;
        FairnessSettings settings = new FairnessSettings(Convention.EXPLICIT, 30, 0.90, 200, 11);
        for (int run = 0; run < runs; run++) {
            Interval i = metrics(classification(200, 500 + run)).disparities(List.of("accuracy"), Aggregation.BETWEEN_GROUPS,
                    settings).get("accuracy_difference").interval().interval();
            covered += i.lower() <= 0.2 && 0.2 <= i.upper() ? 1 : 0;
        }
        // 90% nominal; the binomial spread of 80 runs is about ±7 points
        assertThat(covered / (double) runs).isBetween(0.78, 0.98);
    }
}
