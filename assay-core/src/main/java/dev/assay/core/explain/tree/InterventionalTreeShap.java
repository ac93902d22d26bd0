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

    /** Computes output {@code k} of {@code tree}, leaf values times {@code scale}, for {@code features} features. */
    InterventionalTreeShap(Tree tree, int[] featureOf, int features, double scale, int k) {
        this.tree = tree;
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

    /** Adds {@code w} times this tree's Shapley values of x against background z to {@code phi}. */
    void add(double[] x, int xOffset, double[] z, int zOffset, double w, double[] phi) {
        walk(0, x, xOffset, z, zOffset, w, phi, 0, 0, 0);
    }

    private void walk(int node, double[] x, int xo, double[] z, int zo, double w, double[] phi, int p, int n, int count) {
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
        int xNext = tree.next(node, x, xo);
        int zNext = tree.next(node, z, zo);
        if (xNext == zNext) {
            walk(xNext, x, xo, z, zo, w, phi, p, n, count);
            return;
        }
        int f = featureOf[tree.input()[node]];
        if (state[f] > 0) {
            walk(xNext, x, xo, z, zo, w, phi, p, n, count);
        } else if (state[f] < 0) {
            walk(zNext, x, xo, z, zo, w, phi, p, n, count);
        } else {
            listed[count] = f;
            state[f] = 1;
            walk(xNext, x, xo, z, zo, w, phi, p + 1, n, count + 1);
            state[f] = -1;
            walk(zNext, x, xo, z, zo, w, phi, p, n + 1, count + 1);
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
