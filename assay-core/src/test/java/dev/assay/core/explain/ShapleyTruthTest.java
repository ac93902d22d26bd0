package dev.assay.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.uncertainty.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Exact Shapley values and KernelSHAP against what is known exactly: a linear model's values
 * w_i (x_i - E[x_i]) (Lundberg &amp; Lee 2017, Corollary 1), additivity, and each other on a logistic
 * regression fitted to German credit (weights from scripts/golden/explain_golden.py).
 */
class ShapleyTruthTest {
    private static final JsonNode GOLDEN = Golden.read("explain/permutation_importance.json");
    private static final List<String> FEATURES = names();
    private static final Frame DATA = data();
    private static final Frame ROWS = DATA.slice(IntStream.range(0, 8).toArray());
    private static final Background BACKGROUND = Background.sample(DATA, 60, 3);

    private static List<String> names() {
        return Golden.strings(GOLDEN.get("features"));
    }

    private static Frame data() {
        return Golden.numericColumns(GOLDEN.get("x"), FEATURES, "german_credit.csv");
    }

    private static double[] weights() {
        return Golden.doubles(GOLDEN.get("coef"));
    }

    private static LinearModel logistic() {
        return new LinearModel(FEATURES, weights(), GOLDEN.get("intercept").asDouble(), true);
    }

    private static KernelShapSettings sampled() {
        return KernelShapSettings.defaults().withExactFeatures(3).withSamples(60).withSeed(5);
    }

    private static void assertLinearTruth(Explanation e, double[] w, double b) {
        assertLinearTruth(e, w, b, BACKGROUND);
    }

    private static void assertLinearTruth(Explanation e, double[] w, double b, Background background) {
        double[] mean = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            NumericColumn z = (NumericColumn) background.rows().column(FEATURES.get(j));
            for (int i = 0; i < z.size(); i++) {
                mean[j] += background.weights()[i] * z.get(i);
            }
        }
        double base = b;
        for (int j = 0; j < w.length; j++) {
            base += w[j] * mean[j];
        }
        assertThat(e.baseValue()).isCloseTo(base, within(1e-6));
        for (RowExplanation r : e.rows()) {
            for (int j = 0; j < w.length; j++) {
                double x = ((NumericColumn) ROWS.column(FEATURES.get(j))).get(r.row());
                assertThat(r.values()[j]).as(e.method() + " row " + r.row() + " " + FEATURES.get(j))
                        .isCloseTo(w[j] * (x - mean[j]), within(1e-6));
            }
        }
    }

    @Test
    void linearModelGetsWeightTimesDeviationFromTheBackgroundMean() {
        double[] w = {0.5, -0.002, 3, 0, -1.25, 7, 0.1};
        LinearModel model = new LinearModel(FEATURES, w, 4, false);
        ModelOutput out = ModelOutput.of(model, null);
        assertLinearTruth(ExactShapley.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), Link.IDENTITY, 100_000), w, 4);
        assertLinearTruth(KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), KernelShapSettings.defaults()), w, 4);
        Explanation s = KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), sampled());
        assertLinearTruth(s, w, 4);
        assertThat(java.util.Arrays.stream(s.rows().get(0).errors()).max().orElseThrow()).isLessThan(1e-6);
    }

    @Test
    void weightedKMeansBackgroundKeepsRealValuesAndItsWeightsCount() {
        Background summary = Background.kmeans(DATA, 10, 2);
        assertThat(summary.size()).isEqualTo(10);
        assertThat(java.util.Arrays.stream(summary.weights()).sum()).isCloseTo(1, within(1e-12));
        assertThat(java.util.Arrays.stream(summary.weights()).min().orElseThrow()).isPositive();
        for (String f : FEATURES) {
            java.util.Set<Double> real = new java.util.HashSet<>();
            double[] all = ((NumericColumn) DATA.column(f)).toArray();
            java.util.Arrays.stream(all).forEach(real::add);
            assertThat(java.util.Arrays.stream(((NumericColumn) summary.rows().column(f)).toArray()).allMatch(real::contains)).isTrue();
        }
        assertThat(Background.kmeans(DATA, 10, 2).rows().columns()).isEqualTo(summary.rows().columns());
        double[] w = {0.5, -0.002, 3, 0, -1.25, 7, 0.1};
        ModelOutput out = ModelOutput.of(new LinearModel(FEATURES, w, 4, false), null);
        assertLinearTruth(KernelShap.explain(out, ROWS, summary, Feature.each(FEATURES), sampled()), w, 4, summary);
        assertThatThrownBy(() -> Background.kmeans(DATA, 0, 2)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void exactEnumerationIsAdditiveAndKernelShapEnumeratedEqualsIt() {
        ModelOutput out = ModelOutput.of(logistic(), "bad");
        Explanation exact = ExactShapley.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), Link.IDENTITY, 100_000);
        Explanation kernel = KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), KernelShapSettings.defaults());
        double[] p = out.apply(ROWS);
        for (int r = 0; r < ROWS.rowCount(); r++) {
            RowExplanation e = exact.rows().get(r);
            assertThat(e.output()).isCloseTo(p[r], within(1e-12));
            assertThat(e.sum() + e.base()).isCloseTo(p[r], within(1e-9));
            assertThat(kernel.rows().get(r).values()).containsExactly(e.values(), within(1e-9));
            assertThat(kernel.rows().get(r).errors()).containsOnly(0.0);
        }
    }

    @Test
    void sampledKernelShapIsAdditiveAndWithinItsStatedError() {
        ModelOutput out = ModelOutput.of(logistic(), "bad");
        Explanation exact = ExactShapley.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), Link.IDENTITY, 100_000);
        Explanation kernel = KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), sampled());
        int within = 0;
        int total = 0;
        for (int r = 0; r < ROWS.rowCount(); r++) {
            RowExplanation k = kernel.rows().get(r);
            assertThat(k.sum() + k.base()).isCloseTo(k.output(), within(1e-9));
            for (int j = 0; j < FEATURES.size(); j++) {
                double err = k.errors()[j];
                assertThat(err).isPositive().isFinite();
                double diff = Math.abs(k.values()[j] - exact.rows().get(r).values()[j]);
                assertThat(diff).isLessThan(6 * err + 1e-4);
                within += diff <= 2 * err ? 1 : 0;
                total++;
            }
        }
        assertThat((double) within / total).as("share within two standard errors").isGreaterThan(0.8);
    }

    @Test
    void defaultKernelShapOnFourteenFeaturesSamplesAndAgreesWithExactValues() {
        List<Column> columns = new ArrayList<>(DATA.columns());
        List<String> names = new ArrayList<>(FEATURES);
        double[] w = new double[14];
        for (int j = 0; j < 7; j++) {
            double[] v = ((NumericColumn) DATA.column(FEATURES.get(j))).toArray();
            columns.add(NumericColumn.wrap("log_" + FEATURES.get(j), java.util.Arrays.stream(v).map(Math::log1p).toArray()));
            names.add("log_" + FEATURES.get(j));
            w[j] = weights()[j];
            w[7 + j] = 0.3 * (j % 2 == 0 ? 1 : -1);
        }
        Frame data = Frame.of("german_credit.csv", columns);
        Frame rows = data.slice(new int[] {0, 1});
        Background background = Background.sample(data, 20, 4);
        ModelOutput out = ModelOutput.of(new LinearModel(names, w, GOLDEN.get("intercept").asDouble(), true), "bad");
        Explanation exact = ExactShapley.explain(out, rows, background, Feature.each(names), Link.IDENTITY, 400_000);
        Explanation kernel = KernelShap.explain(out, rows, background, Feature.each(names), KernelShapSettings.defaults());
        int covered = 0;
        for (int r = 0; r < 2; r++) {
            RowExplanation k = kernel.rows().get(r);
            assertThat(k.sum() + k.base()).isCloseTo(k.output(), within(1e-9));
            for (int j = 0; j < names.size(); j++) {
                assertThat(k.errors()[j]).isPositive().isLessThan(0.01);
                double diff = Math.abs(k.values()[j] - exact.rows().get(r).values()[j]);
                assertThat(diff).isLessThan(5e-4);
                covered += diff <= 3.18 * k.errors()[j] ? 1 : 0;
            }
        }
        // a standard error from 4 samples: the 95% interval is +-3.18 errors (t, 3 degrees of freedom)
        assertThat(covered).as("values within their 95% interval").isGreaterThanOrEqualTo(24);
    }

    @Test
    void logitLinkExplainsLogOdds() {
        ModelOutput out = ModelOutput.of(logistic(), "bad");
        Explanation exact = ExactShapley.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), Link.LOGIT, 100_000);
        Explanation kernel = KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES),
                KernelShapSettings.defaults().withLink(Link.LOGIT));
        double[] p = out.apply(ROWS);
        double mean = 0;
        double[] pb = out.apply(BACKGROUND.rows());
        for (int i = 0; i < pb.length; i++) {
            mean += BACKGROUND.weights()[i] * pb[i];
        }
        assertThat(exact.baseValue()).isCloseTo(Math.log(mean / (1 - mean)), within(1e-12));
        for (int r = 0; r < p.length; r++) {
            assertThat(exact.rows().get(r).sum() + exact.baseValue()).isCloseTo(Math.log(p[r] / (1 - p[r])), within(1e-9));
            assertThat(kernel.rows().get(r).values()).containsExactly(exact.rows().get(r).values(), within(1e-9));
        }
    }

    @Test
    void sameSeedSameValuesOnAnyNumberOfThreads() {
        ModelOutput out = ModelOutput.of(logistic(), "bad");
        Explanation one = KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), sampled());
        Explanation many = KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), sampled().withParallel(true));
        Explanation other = KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), sampled().withSeed(6));
        for (int r = 0; r < ROWS.rowCount(); r++) {
            assertThat(many.rows().get(r).values()).containsExactly(one.rows().get(r).values());
            assertThat(many.rows().get(r).errors()).containsExactly(one.rows().get(r).errors());
        }
        assertThat(other.rows().get(0).values()).isNotEqualTo(one.rows().get(0).values());
    }

    @Test
    void coalitionsAreBatchedAndConstantFeaturesGetZero() {
        LinearModel model = logistic();
        CountingOutput out = new CountingOutput(ModelOutput.of(model, "bad"));
        KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES), KernelShapSettings.defaults());
        // per row: one call for v(none) and v(all), one for the 126 other coalitions x 60 background rows
        assertThat(out.calls()).isEqualTo(2L * ROWS.rowCount());
        assertThat(model.calls.get()).isEqualTo(2 * ROWS.rowCount());
        Frame one = DATA.slice(new int[] {0});
        Background same = Background.of(DATA.slice(new int[] {0, 1}));
        // row 0 against a background of rows 0 and 1: features equal in both rows do not vary
        Explanation e = KernelShap.explain(out, one, same, Feature.each(FEATURES), sampled());
        for (int j = 0; j < FEATURES.size(); j++) {
            NumericColumn c = (NumericColumn) DATA.column(FEATURES.get(j));
            if (c.get(0) == c.get(1)) {
                assertThat(e.rows().get(0).values()[j]).isZero();
            }
        }
    }

    @Test
    void groupedFeaturesAreOnePlayer() {
        double[] w = {0.5, -0.002, 3, 0, -1.25, 7, 0.1};
        ModelOutput out = ModelOutput.of(new LinearModel(FEATURES, w, 0, false), null);
        List<Feature> groups = List.of(new Feature("loan", List.of("duration", "credit_amount")), Feature.of("age"));
        Explanation e = ExactShapley.explain(out, ROWS, BACKGROUND, groups, Link.IDENTITY, 100_000);
        Explanation each = ExactShapley.explain(out, ROWS, BACKGROUND, Feature.each(List.of("duration", "credit_amount", "age")),
                Link.IDENTITY, 100_000);
        for (int r = 0; r < ROWS.rowCount(); r++) {
            double[] v = each.rows().get(r).values();
            assertThat(e.rows().get(r).values()).containsExactly(new double[] {v[0] + v[1], v[2]}, within(1e-9));
        }
    }

    @Test
    void badInputIsNamed() {
        ModelOutput out = ModelOutput.of(logistic(), "bad");
        assertThatThrownBy(() -> KernelShap.explain(out, ROWS, BACKGROUND, Feature.each(List.of("salary")),
                KernelShapSettings.defaults())).isInstanceOf(InvalidInputException.class).hasMessageContaining("salary");
        assertThatThrownBy(() -> KernelShap.explain(out, ROWS.slice(new int[0]), BACKGROUND, Feature.each(FEATURES),
                KernelShapSettings.defaults())).isInstanceOf(InvalidInputException.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> ExactShapley.explain(out, ROWS, BACKGROUND, Feature.each(FEATURES.stream().flatMap(f ->
                IntStream.range(0, 3).mapToObj(i -> f)).toList()), Link.IDENTITY, 1000))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("KernelSHAP");
        assertThatThrownBy(() -> ExactShapley.explain(out, ROWS, BACKGROUND, List.of(Feature.of("age"), Feature.of("age")),
                Link.IDENTITY, 1000)).isInstanceOf(InvalidInputException.class).hasMessageContaining("more than one");
        assertThatThrownBy(() -> ExactShapley.explain(ModelOutput.of(logistic(), "maybe"), ROWS, BACKGROUND,
                Feature.each(FEATURES), Link.IDENTITY, 1000)).isInstanceOf(InvalidInputException.class).hasMessageContaining("maybe");
        assertThatThrownBy(() -> Background.sample(DATA, 0, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> KernelShapSettings.defaults().withSamples(-1)).isInstanceOf(InvalidInputException.class);
    }
}
