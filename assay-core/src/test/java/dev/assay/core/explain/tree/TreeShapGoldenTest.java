package dev.assay.core.explain.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.explain.Background;
import dev.assay.core.explain.Explanation;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.uncertainty.Golden;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both TreeSHAP algorithms against brute-force Shapley values of a scikit-learn 1.2.1 random forest on German
 * credit (structure and covers from its tree_, values by enumerating all coalitions), written by
 * scripts/golden/tree_shap_golden.py.
 */
class TreeShapGoldenTest {
    private static final JsonNode GOLDEN = Golden.read("explain/tree_shap.json");

    @Test
    void pathDependentMatchesScikitLearnsForest() {
        Explanation e = TreeShap.pathDependent(forest(), frame("rows"), 0);
        check(e, "path_dependent", GOLDEN.get("path_dependent_base").asDouble());
    }

    @Test
    void interventionalMatchesBruteForceOverTheBackground() {
        Explanation e = TreeShap.explain(forest(), frame("rows"), Background.of(frame("background")));
        check(e, "interventional", GOLDEN.get("interventional_base").asDouble());
    }

    private static void check(Explanation e, String key, double base) {
        double[] prediction = Golden.doubles(GOLDEN.get("prediction"));
        for (int r = 0; r < prediction.length; r++) {
            assertThat(e.rows().get(r).output()).isCloseTo(prediction[r], within(1e-12));
            assertThat(e.rows().get(r).base()).isCloseTo(base, within(1e-12));
            assertThat(e.rows().get(r).values()).containsExactly(Golden.doubles(GOLDEN.get(key).get(r)), within(1e-9));
        }
    }

    private static List<String> features() {
        return Golden.strings(GOLDEN.get("features"));
    }

    private static Frame frame(String key) {
        return Golden.numericColumns(GOLDEN.get(key), features(), key);
    }

    /** scikit-learn's trees: a split sends x[feature] <= threshold to the left child; the forest averages. */
    private static TreeEnsemble forest() {
        List<Tree> trees = new ArrayList<>();
        for (JsonNode t : GOLDEN.get("trees")) {
            int[] left = Golden.ints(t.get("left"));
            int[] right = Golden.ints(t.get("right"));
            int n = left.length;
            int[] feature = Golden.ints(t.get("feature"));
            double[] value = Golden.doubles(t.get("value"));
            double[][] values = new double[n][];
            for (int i = 0; i < n; i++) {
                values[i] = left[i] < 0 ? new double[] {value[i]} : null;
                feature[i] = Math.max(feature[i], 0);
            }
            Comparison[] leq = new Comparison[n];
            Arrays.fill(leq, Comparison.LEQ);
            trees.add(new Tree(feature, Golden.doubles(t.get("threshold")), leq, left, right, new boolean[n],
                    Golden.doubles(t.get("cover")), values));
        }
        return new TreeEnsemble(trees, FeatureMapping.numeric(features()), List.of("bad"), new double[] {0}, true, "NONE");
    }
}
