package dev.assay.core.explain.tree;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.Background;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.Link;
import dev.assay.core.explain.RowExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact Shapley values of a tree ensemble's raw output (see {@link TreeEnsemble}) in polynomial time, on
 * the identity link. The features are the columns of the ensemble's feature mapping (a one-hot column is
 * one feature). Each row's values sum to its raw output minus the base value, up to rounding.
 *
 * <ul>
 *   <li>Path-dependent ({@code tree_shap_path_dependent}; Lundberg, Erion &amp; Lee 2018, Algorithm 2):
 *       v(S) = E[f(x) | x_S] estimated by the node covers; base value E f over the covers.</li>
 *   <li>Interventional ({@code tree_shap_interventional}; Lundberg et al. 2020): v(S) = the background-weighted
 *       mean of f(x_S, z_not S), the same game as {@link dev.assay.core.explain.ExactShapley}; base value the
 *       weighted mean of f over the background. Cost: rows x background rows x trees x leaves reached.</li>
 * </ul>
 */
public final class TreeShap {
    private static final int CHUNK = 64;

    private TreeShap() {
    }

    /**
     * The ensemble's last output (a binary classifier's positive class) explained: interventionally against
     * {@code background}, or path-dependently by the stored node covers when it is null.
     *
     * @throws InvalidInputException without rows, or path-dependent without covers
     */
    public static Explanation explain(TreeEnsemble ensemble, Frame rows, Background background) {
        int k = ensemble.output(null);
        return background == null ? pathDependent(ensemble, rows, k) : interventional(ensemble, rows, background, k);
    }

    /** Path-dependent TreeSHAP of output {@code k}; the ensemble needs node covers (see {@link TreeEnsemble#withCovers}). */
    public static Explanation pathDependent(TreeEnsemble ensemble, Frame rows, int k) {
        requireRows(rows);
        if (!ensemble.hasCovers()) {
            throw new InvalidInputException("Path-dependent TreeSHAP needs the number of rows reaching each tree node, which this"
                    + " model does not store. Give a background data set: the covers are then counted on it, or use the"
                    + " interventional algorithm with it.");
        }
        int[] featureOf = ensemble.featureOfInput();
        int m = ensemble.features().size();
        int width = ensemble.mapping().width();
        double[] x = ensemble.inputs(rows);
        double scale = ensemble.scale();
        double base = ensemble.base()[k];
        for (Tree t : ensemble.trees()) {
            base += new PathDependentTreeShap(t, featureOf, scale, k).expected();
        }
        double baseValue = base;
        List<RowExplanation> out = chunks(rows.rowCount(), (from, to, result) -> {
            List<PathDependentTreeShap> trees = new ArrayList<>();
            for (Tree t : ensemble.trees()) {
                trees.add(new PathDependentTreeShap(t, featureOf, scale, k));
            }
            for (int r = from; r < to; r++) {
                double[] phi = new double[m];
                for (PathDependentTreeShap t : trees) {
                    t.add(x, r * width, phi);
                }
                result.add(new RowExplanation(r, baseValue, ensemble.raw(x, r * width, k), phi, new double[m]));
            }
        });
        return new Explanation("tree_shap_path_dependent", Link.IDENTITY, ensemble.features(), out);
    }

    /** Interventional TreeSHAP of output {@code k} against {@code background}. */
    public static Explanation interventional(TreeEnsemble ensemble, Frame rows, Background background, int k) {
        requireRows(rows);
        int[] featureOf = ensemble.featureOfInput();
        int m = ensemble.features().size();
        int width = ensemble.mapping().width();
        double[] x = ensemble.inputs(rows);
        double[] z = ensemble.inputs(background.rows());
        double[] w = background.weights();
        double base = 0;
        for (int b = 0; b < w.length; b++) {
            base += w[b] * ensemble.raw(z, b * width, k);
        }
        double baseValue = base;
        double scale = ensemble.scale();
        List<int[][]> children = ensemble.trees().stream().map(t -> InterventionalTreeShap.children(t, z, w.length, width)).toList();
        List<RowExplanation> out = chunks(rows.rowCount(), (from, to, result) -> {
            List<InterventionalTreeShap> trees = new ArrayList<>();
            for (int t = 0; t < children.size(); t++) {
                trees.add(new InterventionalTreeShap(ensemble.trees().get(t), featureOf, m, scale, k, children.get(t)));
            }
            for (int r = from; r < to; r++) {
                double[] phi = new double[m];
                for (InterventionalTreeShap t : trees) {
                    t.add(x, r * width, w, phi);
                }
                result.add(new RowExplanation(r, baseValue, ensemble.raw(x, r * width, k), phi, new double[m]));
            }
        });
        return new Explanation("tree_shap_interventional", Link.IDENTITY, ensemble.features(), out);
    }

    private static void requireRows(Frame rows) {
        if (rows.rowCount() == 0) {
            throw new InvalidInputException("The data " + rows.source() + " has no rows to explain.");
        }
    }

    /** Explains rows [from, to) into {@code result}, in row order. */
    private interface Chunk {
        void explain(int from, int to, List<RowExplanation> result);
    }

    private static List<RowExplanation> chunks(int rows, Chunk chunk) {
        int n = (rows + CHUNK - 1) / CHUNK;
        return IntStream.range(0, n).parallel().mapToObj(c -> {
            List<RowExplanation> part = new ArrayList<>();
            chunk.explain(c * CHUNK, Math.min(rows, (c + 1) * CHUNK), part);
            return part;
        }).flatMap(List::stream).toList();
    }
}
