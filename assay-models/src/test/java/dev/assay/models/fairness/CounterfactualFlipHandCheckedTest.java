package dev.assay.models.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.fairness.counterfactual.CounterfactualFlipTest;
import dev.assay.core.fairness.counterfactual.CounterfactualPlan;
import dev.assay.core.fairness.counterfactual.FlipCounts;
import dev.assay.core.fairness.counterfactual.FlipPair;
import dev.assay.core.fairness.counterfactual.FlipResult;
import dev.assay.core.model.FeatureMapping;
import dev.assay.models.function.FunctionModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flip test on a model whose answers can be worked out by hand: P(yes) = 0.3 x + 0.4 [g = a],
 * predicted yes above 0.5.
 */
class CounterfactualFlipHandCheckedTest {
    private static final List<String> LEVELS = List.of("a", "b", "c");
    private static final FeatureMapping FEATURES = new FeatureMapping(List.of(FeatureMapping.Feature.oneHot("g", LEVELS),
            FeatureMapping.Feature.numeric("x")));
    private static final FunctionModel MODEL = FunctionModel.classifier("linear", FEATURES, List.of("no", "yes"),
            (in, rows, width, out) -> {
                for (int r = 0; r < rows; r++) {
                    double p = 0.3 * in[r * width + 3] + 0.4 * in[r * width];
                    out[2 * r] = 1 - p;
                    out[2 * r + 1] = p;
                }
            });

    // row 1: a, x 1 -> 0.7 yes; row 2: b, x 1 -> 0.3 no; row 3: c, x 0.5 -> 0.15 no; row 4: a, x 0.2 -> 0.46 no; row 5: missing
    private static final Frame FRAME = Frame.of(CategoricalColumn.wrap("g", new int[] {0, 1, 2, 0, -1}, LEVELS),
            NumericColumn.of("x", 1, 1, 0.5, 0.2, 1));

    @Test
    void everyPairCountsAsWorkedOutByHand() {
        FlipResult r = CounterfactualFlipTest.run(MODEL, FRAME, null, new CounterfactualPlan(List.of("g"), List.of(), "yes", 100, 1));
        assertThat(r.pairs()).extracting(FlipPair::key).containsExactly("g=a->b", "g=a->c", "g=b->a", "g=b->c", "g=c->a", "g=c->b");
        expect(r.pairs().get(0).counts(), 2, 1, 0.4, -0.4); // row 1 flips (0.7 -> 0.3), row 4 stays no (0.46 -> 0.06)
        expect(r.pairs().get(1).counts(), 2, 1, 0.4, -0.4);
        expect(r.pairs().get(2).counts(), 1, 1, 0.4, 0.4); // row 2: 0.3 -> 0.7
        expect(r.pairs().get(3).counts(), 1, 0, 0, 0);
        expect(r.pairs().get(4).counts(), 1, 1, 0.4, 0.4); // row 3: 0.15 -> 0.55
        expect(r.pairs().get(5).counts(), 1, 0, 0, 0);
        assertThat(r.overall().rows()).isEqualTo(8);
        assertThat(r.overall().flips()).isEqualTo(4);
        assertThat(r.overall().meanChange()).isCloseTo(-0.4 * 4 / 8 + 0.8 / 8, within(1e-12));
        assertThat(r.notes()).anyMatch(n -> n.contains("1 row with no value of 'g' was not flipped"));
    }

    @Test
    void valuesRestrictThePairsAndAGroupWithoutRowsHasNoRate() {
        Frame noC = FRAME.slice(new int[] {0, 1, 3});
        FlipResult r = CounterfactualFlipTest.run(MODEL, noC, null, new CounterfactualPlan(List.of("g"), List.of("b", "a"), "yes", 100, 1));
        assertThat(r.pairs()).extracting(FlipPair::key).containsExactly("g=b->a", "g=a->b");
        assertThat(r.overall().flips()).isEqualTo(2);
        assertThatThrownBy(() -> CounterfactualFlipTest.run(MODEL, noC, null, new CounterfactualPlan(List.of("g"), List.of("c", "a"),
                "yes", 100, 1))).hasMessageContaining("'c' does not occur").hasMessageContaining("its values: a, b");
        Frame allMissing = FRAME.withColumn(CategoricalColumn.wrap("g", new int[] {-1, -1, -1, -1, -1}, LEVELS));
        assertThatThrownBy(() -> CounterfactualFlipTest.run(MODEL, allMissing, null, new CounterfactualPlan(List.of("g"), List.of(),
                "yes", 100, 1))).hasMessageContaining("'g' has no values in the data, so there is nothing to flip it to");
        assertThatThrownBy(() -> CounterfactualFlipTest.run(MODEL, FRAME.slice(new int[0]), null, new CounterfactualPlan(List.of("g"),
                List.of(), "yes", 100, 1))).hasMessageContaining("no rows");
    }

    @Test
    void aRegressorIsRefused() {
        FunctionModel regressor = FunctionModel.regressor("r", FEATURES, (in, rows, width, out) -> { });
        assertThatThrownBy(() -> CounterfactualFlipTest.run(regressor, FRAME, null, new CounterfactualPlan(List.of("g"), List.of(), null,
                100, 1))).hasMessageContaining("needs a classifier");
    }

    private static void expect(FlipCounts c, long rows, long flips, double meanAbs, double mean) {
        assertThat(c.rows()).isEqualTo(rows);
        assertThat(c.flips()).isEqualTo(flips);
        assertThat(c.meanAbsChange()).isCloseTo(meanAbs, within(1e-12));
        assertThat(c.meanChange()).isCloseTo(mean, within(1e-12));
    }
}
