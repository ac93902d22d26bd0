package dev.assay.core.integrity;

import java.util.SplittableRandom;

/**
 * An isolation forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008): each tree isolates a
 * random subsample of ψ rows by splitting on a random feature at a uniform random point between the
 * feature's minimum and maximum in the node, down to depth ⌈log₂ ψ⌉; anomalies are isolated in
 * fewer splits. The anomaly score of a row x is
 * <pre>s(x) = 2^(−E[h(x)] / c(ψ))</pre>
 * where h(x) is the depth of the leaf x falls in plus c(n) for the n training rows left in that leaf,
 * and c(n) = 2H(n−1) − 2(n−1)/n (H(i) = ln i + 0.5772156649; c(1) = 0, c(2) = 1) is the average
 * path length of an unsuccessful binary search tree search. Scores near 1 mark anomalies, below 0.5
 * normal rows.
 *
 * <p>Reference: scikit-learn's {@code IsolationForest(max_samples='auto')}, whose
 * {@code score_samples} is −s(x) with the same c, depth limit and sub-sampling; like it, a feature
 * constant in a node is passed over for another. The trees are random, so scores agree with
 * scikit-learn's statistically (rank correlation), not exactly. Seeded: the same seed gives the
 * same forest.
 */
public final class IsolationForest {
    /** scikit-learn's default subsample size ψ. */
    public static final int DEFAULT_SAMPLE_SIZE = 256;
    /** scikit-learn's default number of trees. */
    public static final int DEFAULT_TREES = 100;
    private static final double EULER = 0.5772156649;

    private final Tree[] trees;
    private final int sampleSize;

    private IsolationForest(Tree[] trees, int sampleSize) {
        this.trees = trees;
        this.sampleSize = sampleSize;
    }

    /**
     * Grows a forest on {@code rows} (row-major, no NaN).
     *
     * @param trees the number of trees, at least 1
     * @param sampleSize ψ, capped at the number of rows
     * @param seed the seed of the random choices
     */
    public static IsolationForest fit(double[][] rows, int trees, int sampleSize, long seed) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("an isolation forest needs at least one row");
        }
        int psi = Math.min(sampleSize, rows.length);
        int maxDepth = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
        SplittableRandom random = new SplittableRandom(seed);
        Tree[] out = new Tree[trees];
        int[] all = new int[rows.length];
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            for (int i = 0; i < psi; i++) {
                int j = i + random.nextInt(all.length - i);
                int tmp = all[i];
                all[i] = all[j];
                all[j] = tmp;
            }
            Tree tree = new Tree(psi);
            tree.grow(rows, java.util.Arrays.copyOf(all, psi), 0, psi, 0, maxDepth, random);
            out[t] = tree;
        }
        return new IsolationForest(out, psi);
    }

    /** The anomaly score s(x) of each row, in (0, 1]. */
    public double[] scores(double[][] rows) {
        double[] out = new double[rows.length];
        double norm = averagePathLength(sampleSize);
        for (int i = 0; i < rows.length; i++) {
            double depth = 0;
            for (Tree t : trees) {
                depth += t.pathLength(rows[i]);
            }
            out[i] = Math.pow(2, -(depth / trees.length) / norm);
        }
        return out;
    }

    /** c(n): the average path length of an unsuccessful search in a binary search tree of n items. */
    static double averagePathLength(double n) {
        if (n <= 1) {
            return 0;
        }
        if (n <= 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1) + EULER) - 2 * (n - 1) / n;
    }

    /** One isolation tree in flat arrays: node i splits on feature[i] at threshold[i], or is a leaf (feature -1). */
    private static final class Tree {
        private int[] feature;
        private double[] threshold;
        private int[] left;
        private int[] right;
        private double[] leafPath;
        private int nodes;

        Tree(int psi) {
            int capacity = 2 * psi;
            feature = new int[capacity];
            threshold = new double[capacity];
            left = new int[capacity];
            right = new int[capacity];
            leafPath = new double[capacity];
        }

        /** Grows the node for {@code idx[from..to)} and returns its index. */
        int grow(double[][] x, int[] idx, int from, int to, int depth, int maxDepth, SplittableRandom random) {
            int node = nodes++;
            int n = to - from;
            int dims = x[idx[from]].length;
            int chosen = -1;
            double lo = 0;
            double hi = 0;
            if (depth < maxDepth && n >= 2) {
                int[] candidates = new int[dims];
                for (int d = 0; d < dims; d++) {
                    candidates[d] = d;
                }
                for (int remaining = dims; remaining > 0 && chosen < 0; remaining--) {
                    int pick = random.nextInt(remaining);
                    int f = candidates[pick];
                    candidates[pick] = candidates[remaining - 1];
                    lo = Double.POSITIVE_INFINITY;
                    hi = Double.NEGATIVE_INFINITY;
                    for (int i = from; i < to; i++) {
                        double v = x[idx[i]][f];
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                    if (hi > lo) {
                        chosen = f;
                    }
                }
            }
            if (chosen < 0) {
                feature[node] = -1;
                leafPath[node] = depth + averagePathLength(n);
                return node;
            }
            double drawn = lo + random.nextDouble() * (hi - lo);
            double split = drawn < hi ? drawn : lo;
            int mid = from;
            for (int i = from; i < to; i++) {
                if (x[idx[i]][chosen] <= split) {
                    int tmp = idx[i];
                    idx[i] = idx[mid];
                    idx[mid++] = tmp;
                }
            }
            feature[node] = chosen;
            threshold[node] = split;
            left[node] = grow(x, idx, from, mid, depth + 1, maxDepth, random);
            right[node] = grow(x, idx, mid, to, depth + 1, maxDepth, random);
            return node;
        }

        double pathLength(double[] row) {
            int node = 0;
            while (feature[node] >= 0) {
                node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
            }
            return leafPath[node];
        }
    }
}
