package dev.assay.core.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.uncertainty.Golden;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * LIME's pieces against scikit-learn 1.2.1 and numpy (scripts/golden/lime_golden.py): weighted ridge
 * regression, lime's feature selections and the quartile cuts of German credit's numeric columns.
 */
class LimeGoldenTest {
    private static final JsonNode GOLDEN = Golden.read("explain/lime.json");
    private static final JsonNode DATA = Golden.read("explain/partial_dependence.json");


    @Test
    void weightedRidgeMatchesScikitLearnForEachAlpha() {
        double[][] x = Golden.doubleRows(GOLDEN.get("x"));
        double[] y = Golden.doubles(GOLDEN.get("y"));
        double[] w = Golden.doubles(GOLDEN.get("w"));
        int[] all = IntStream.range(0, x[0].length).toArray();
        for (String alpha : new String[] {"1.0", "0.01", "0.0"}) {
            JsonNode want = GOLDEN.get("ridge").get(alpha);
            WeightedRidge fit = WeightedRidge.fit(x, all, y, w, Double.parseDouble(alpha));
            for (int j = 0; j < all.length; j++) {
                assertThat(fit.coef()[j]).as("alpha %s coef %d", alpha, j).isCloseTo(want.get("coef").get(j).asDouble(), within(1e-10));
            }
            assertThat(fit.intercept()).as("alpha %s intercept", alpha).isCloseTo(want.get("intercept").asDouble(), within(1e-10));
            assertThat(fit.score(x, all, y, w)).as("alpha %s score", alpha).isCloseTo(want.get("score").asDouble(), within(1e-10));
        }
    }

    @Test
    void featureSelectionsPickLimesFeatures() {
        double[][] x = Golden.doubleRows(GOLDEN.get("x"));
        double[] y = Golden.doubles(GOLDEN.get("y"));
        double[] w = Golden.doubles(GOLDEN.get("w"));
        int[] forward = IntStream.range(0, 4).map(i -> GOLDEN.get("forward_selection_4").get(i).asInt()).toArray();
        int[] highest = IntStream.range(0, 3).map(i -> GOLDEN.get("highest_weights_3").get(i).asInt()).toArray();
        assertThat(FeatureSelection.FORWARD_SELECTION.select(x, y, w, 4)).containsExactly(forward);
        assertThat(FeatureSelection.AUTO.select(x, y, w, 4)).containsExactly(forward);
        assertThat(FeatureSelection.HIGHEST_WEIGHTS.select(x, y, w, 3)).containsExactly(highest);
        assertThat(FeatureSelection.NONE.select(x, y, w, 3)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void quartileCutsMatchNumpyPercentiles() {
        double[][] x = Golden.doubleRows(DATA.get("x"));
        JsonNode features = GOLDEN.get("features");
        for (int j = 0; j < features.size(); j++) {
            int col = j;
            double[] values = IntStream.range(0, x.length).mapToDouble(i -> x[i][col]).toArray();
            Quartiles q = Quartiles.of(values);
            assertThat(q.cuts()).as(features.get(j).asText())
                    .containsExactly(Golden.doubles(GOLDEN.get("quartiles").get(features.get(j).asText())), within(1e-12));
            assertThat(q.lows()[0]).isEqualTo(IntStream.range(0, x.length).mapToDouble(i -> x[i][col]).min().orElseThrow());
        }
    }
}
