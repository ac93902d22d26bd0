package dev.assay.core.explain.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.Background;
import dev.assay.core.explain.ExactShapley;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.Feature;
import dev.assay.core.explain.Link;
import dev.assay.core.model.FeatureMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * TreeSHAP against known values: the shap library's depth-2 test tree (test_tree.py,
 * {@code test_sum_match_random_forest}'s hand example: X = [[0,0],[0,1],[1,0],[1,1]], y = [0,0,0,80]), and
 * brute-force Shapley values of random trees with repeated features, missing values and every comparison.
 */
class TreeShapTruthTest {
    private static final Frame X = Frame.of("x", List.of(NumericColumn.of("a", 0, 0, 1, 1), NumericColumn.of("b", 0, 1, 0, 1)));
    private static final double[][] SHAP = {{-10, -10}, {-30, 10}, {10, -30}, {30, 30}};

    private static TreeEnsemble andTree() {
        Comparison[] leq = new Comparison[7];
        java.util.Arrays.fill(leq, Comparison.LEQ);
        Tree t = new Tree(new int[] {0, 1, 0, 0, 1, 0, 0}, new double[] {0.5, 0.5, 0, 0, 0.5, 0, 0}, leq,
                new int[] {1, 2, -1, -1, 5, -1, -1}, new int[] {4, 3, -1, -1, 6, -1, -1}, new boolean[7],
                new double[] {4, 2, 1, 1, 2, 1, 1}, new double[][] {null, null, {0}, {0}, null, {0}, {80}});
        return new TreeEnsemble(List.of(t), FeatureMapping.numeric(List.of("a", "b")), List.of("y"), new double[] {0}, false,
                "NONE");
    }

    @Test
    void pathDependentMatchesShapsTestTree() {
        Explanation e = TreeShap.explain(andTree(), X, null);
        assertThat(e.baseValue()).isCloseTo(20, within(1e-12));
        for (int r = 0; r < 4; r++) {
            assertThat(e.rows().get(r).values()).containsExactly(SHAP[r], within(1e-12));
        }
    }

    @Test
    void interventionalWithTheSameBackgroundGivesTheSameValues() {
        Explanation e = TreeShap.explain(andTree(), X, Background.of(X));
        assertThat(e.method()).isEqualTo("tree_shap_interventional");
        assertThat(e.baseValue()).isCloseTo(20, within(1e-12));
        for (int r = 0; r < 4; r++) {
            assertThat(e.rows().get(r).values()).containsExactly(SHAP[r], within(1e-12));
            assertThat(e.rows().get(r).output()).isEqualTo(r == 3 ? 80 : 0);
        }
    }

    @Test
    void interventionalEqualsBruteForceShapleyOnRandomEnsembles() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            Frame data = randomData(random, 60);
            TreeEnsemble ensemble = RandomTrees.ensemble(random, 4, 5, trial % 2 == 0);
            Background background = Background.sample(data, 15, trial);
            Frame rows = data.slice(new int[] {0, 1, 2, 3, 4});
            Explanation tree = TreeShap.interventional(ensemble, rows, background, 0);
            Explanation exact = ExactShapley.explain(r -> raw(ensemble, r), rows, background, Feature.each(ensemble.features()),
                    Link.IDENTITY, 10_000);
            for (int r = 0; r < 5; r++) {
                assertThat(tree.rows().get(r).values()).containsExactly(exact.rows().get(r).values(), within(1e-9));
                assertThat(tree.rows().get(r).base()).isCloseTo(exact.rows().get(r).base(), within(1e-9));
                assertThat(tree.rows().get(r).output()).isCloseTo(exact.rows().get(r).output(), within(1e-9));
            }
        }
    }

    @Test
    void pathDependentEqualsBruteForceOverCoverExpectations() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            Frame data = randomData(random, 80);
            TreeEnsemble ensemble = RandomTrees.ensemble(random, 3, 6, trial % 2 == 1).withCovers(data, ones(80));
            Frame rows = data.slice(new int[] {5, 6, 7});
            Explanation e = TreeShap.pathDependent(ensemble, rows, 0);
            double[] x = ensemble.inputs(rows);
            for (int r = 0; r < 3; r++) {
                double[] brute = RandomTrees.bruteForcePathDependent(ensemble, x, r * ensemble.mapping().width());
                assertThat(e.rows().get(r).values()).containsExactly(brute, within(1e-9));
                double sum = e.rows().get(r).sum();
                assertThat(e.rows().get(r).base() + sum).isCloseTo(e.rows().get(r).output(), within(1e-9));
            }
        }
    }

    @Test
    void pathDependentWithoutCoversAsksForABackground() {
        TreeEnsemble noCovers = RandomTrees.ensemble(new SplittableRandom(1), 1, 3, false);
        assertThatThrownBy(() -> TreeShap.explain(noCovers, randomData(new SplittableRandom(2), 3), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("background");
        assertThatThrownBy(() -> TreeShap.explain(andTree(), X.slice(new int[0]), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no rows");
    }

    @Test
    void aMissingColumnIsNamed() {
        Frame onlyA = Frame.of("rows.csv", List.of(NumericColumn.of("a", 0, 1)));
        assertThatThrownBy(() -> TreeShap.explain(andTree(), onlyA, Background.of(X)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'b'").hasMessageContaining("rows.csv");
        assertThatThrownBy(() -> TreeShap.explain(andTree(), X, Background.of(onlyA)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'b'");
    }

    @Test
    void allMissingRowsFollowTheMissingBranches() {
        Frame missing = Frame.of("x", List.of(NumericColumn.of("a", Double.NaN), NumericColumn.of("b", Double.NaN)));
        Explanation e = TreeShap.explain(andTree(), missing, null);
        assertThat(e.rows().get(0).output()).as("missing values take the false branches here").isEqualTo(80);
        assertThat(e.rows().get(0).values()).containsExactly(new double[] {30, 30}, within(1e-12));
    }

    static Frame randomData(SplittableRandom random, int n) {
        List<NumericColumn> columns = new ArrayList<>();
        for (String name : RandomTrees.FEATURES) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(4);
            }
            columns.add(NumericColumn.wrap(name, v));
        }
        return Frame.of("random", columns);
    }

    private static double[] raw(TreeEnsemble ensemble, Frame rows) {
        double[] x = ensemble.inputs(rows);
        double[] out = new double[rows.rowCount()];
        for (int r = 0; r < out.length; r++) {
            out[r] = ensemble.raw(x, r * ensemble.mapping().width(), 0);
        }
        return out;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }
}
