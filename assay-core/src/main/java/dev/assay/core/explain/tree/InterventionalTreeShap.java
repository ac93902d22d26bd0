package dev.assay.core.explain.tree;

/**
 * Interventional TreeSHAP of one tree for one foreground row x and one background row z (Lundberg et
 * al. 2020, "From local explanations to global understanding with explainable AI for trees", Methods;
 * shap's {@code tree_shap_indep}): the exact Shapley values of v(S) = f(x_S, z_not S). Walking the tree,
 * a split where x and z agree is followed; where they differ, the x side requires the feature in S and
 * the z side requires it out of S. A leaf reached with P features required in and N required out adds
 * its value times the Shapley values of the game 1[P in S, N out of S]: (|P|-1)! |N|! / (|P|+|N|)! to
 * each feature of P and -|P|! (|N|-1)! / (|P|+|N|)! to each of N. Averaged over the background this
 * equals brute-force Shapley values under the background distribution.
 */
final class InterventionalTreeShap {
    private final Tree tree;
    private final int[] featureOf;
    private final double scale;
    private final int k;
    private final double[][] inWeight;
    private final double[][] outWeight;
    private final int[] state;
    private final int[] listed;
    private final int[][] background;
    private final int[] row;

    /**
     * Computes output {@code k} of {@code tree}, leaf values times {@code scale}, for {@code features} features,
     * against the background rows whose {@link #children} are {@code background}.
     */
    InterventionalTreeShap(Tree tree, int[] featureOf, int features, double scale, int k, int[][] background) {
        this.tree = tree;
        this.background = background;
        this.row = new int[tree.size()];
        this.featureOf = featureOf;
        this.scale = scale;
        this.k = k;
        int d = tree.depth() + 1;
        inWeight = new double[d + 1][d + 1];
        outWeight = new double[d + 1][d + 1];
        for (int p = 0; p <= d; p++) {
            for (int n = 0; n <= d; n++) {
                if (p > 0) {
                    inWeight[p][n] = 1 / ((p + n) * binomial(p + n - 1, n));
                }
                if (n > 0) {
                    outWeight[p][n] = 1 / ((p + n) * binomial(p + n - 1, p));
                }
            }
        }
        state = new int[features];
        listed = new int[d + 1];
    }

    /** For each of {@code rows} input vectors of {@code x}, the child each split node sends it to (-1 at leaves). */
    static int[][] children(Tree tree, double[] x, int rows, int width) {
        int[][] out = new int[rows][tree.size()];
        for (int r = 0; r < rows; r++) {
            fill(tree, x, r * width, out[r]);
        }
        return out;
    }

    private static void fill(Tree tree, double[] x, int offset, int[] child) {
        for (int node = 0; node < child.length; node++) {
            child[node] = tree.leaf(node) ? -1 : tree.next(node, x, offset);
        }
    }

    /** Adds this tree's Shapley values of x against each background row, times the row's weight, to {@code phi}. */
    void add(double[] x, int xOffset, double[] weights, double[] phi) {
        fill(tree, x, xOffset, row);
        for (int b = 0; b < background.length; b++) {
            walk(0, row, background[b], weights[b], phi, 0, 0, 0);
        }
    }

    private void walk(int node, int[] x, int[] z, double w, double[] phi, int p, int n, int count) {
        if (tree.leaf(node)) {
            if (p + n == 0) {
                return;
            }
            double value = w * scale * tree.values()[node][k];
            for (int i = 0; i < count; i++) {
                int f = listed[i];
                phi[f] += state[f] > 0 ? value * inWeight[p][n] : -value * outWeight[p][n];
            }
            return;
        }
        int xNext = x[node];
        int zNext = z[node];
        if (xNext == zNext) {
            walk(xNext, x, z, w, phi, p, n, count);
            return;
        }
        int f = featureOf[tree.input()[node]];
        if (state[f] > 0) {
            walk(xNext, x, z, w, phi, p, n, count);
        } else if (state[f] < 0) {
            walk(zNext, x, z, w, phi, p, n, count);
        } else {
            listed[count] = f;
            state[f] = 1;
            walk(xNext, x, z, w, phi, p + 1, n, count + 1);
            state[f] = -1;
            walk(zNext, x, z, w, phi, p, n + 1, count + 1);
            state[f] = 0;
        }
    }

    private static double binomial(int n, int r) {
        double c = 1;
        for (int i = 1; i <= r; i++) {
            c = c * (n - r + i) / i;
        }
        return c;
    }
}
