package dev.assay.core.explain.tree;

/**
 * Path-dependent TreeSHAP of one tree (Lundberg, Erion &amp; Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2; shap's {@code tree_path_dependent}): the exact Shapley values
 * of v(S) = E[f(x) | x_S], the expectation taken by following x at splits on features in S and splitting by
 * the node covers elsewhere, in O(L D^2) for L leaves and depth D. A split is attributed to the feature
 * (column) its input belongs to, so the one-hot inputs of a column count as one feature.
 */
final class PathDependentTreeShap {
    private final Tree tree;
    private final int[] featureOf;
    private final double scale;
    private final int k;
    private final int[][] feature;
    private final double[][] zero;
    private final double[][] one;
    private final double[][] weight;
    /** up[d][i] = (d + 1) / (i + 1) and down[d][i] = (d - i) / (d + 1): the permutation weight ratios, so the loops multiply. */
    private final double[][] up;
    private final double[][] down;

    /** Computes output {@code k} of {@code tree}, leaf values times {@code scale}; {@code featureOf} maps inputs to features. */
    PathDependentTreeShap(Tree tree, int[] featureOf, double scale, int k) {
        this.tree = tree;
        this.featureOf = featureOf;
        this.scale = scale;
        this.k = k;
        int levels = tree.depth() + 2;
        feature = new int[levels][levels];
        zero = new double[levels][levels];
        one = new double[levels][levels];
        weight = new double[levels][levels];
        up = new double[levels][levels];
        down = new double[levels][levels];
        for (int d = 0; d < levels; d++) {
            for (int i = 0; i < levels; i++) {
                up[d][i] = (d + 1.0) / (i + 1);
                down[d][i] = (double) (d - i) / (d + 1);
            }
        }
    }

    /** E f over the covers: the base value of this tree. */
    double expected() {
        return expected(0);
    }

    private double expected(int node) {
        if (tree.leaf(node)) {
            return scale * tree.values()[node][k];
        }
        double[] c = tree.cover();
        if (c[node] == 0) {
            return 0;
        }
        return (c[tree.yes()[node]] * expected(tree.yes()[node]) + c[tree.no()[node]] * expected(tree.no()[node])) / c[node];
    }

    /** Adds this tree's Shapley values of the row at {@code x[offset ...]} to {@code phi}. */
    void add(double[] x, int offset, double[] phi) {
        recurse(0, 0, x, offset, phi, 0, 1, 1, -1);
    }

    /** Skips branches no row reaches, neither with x nor by the covers: their terms are all zero. */
    private void recurse(int node, int level, double[] x, int offset, double[] phi, int depth, double parentZero, double parentOne,
            int parentFeature) {
        if (parentZero == 0 && parentOne == 0) {
            return;
        }
        if (level > 0) {
            System.arraycopy(feature[level - 1], 0, feature[level], 0, depth);
            System.arraycopy(zero[level - 1], 0, zero[level], 0, depth);
            System.arraycopy(one[level - 1], 0, one[level], 0, depth);
            System.arraycopy(weight[level - 1], 0, weight[level], 0, depth);
        }
        extend(level, depth, parentZero, parentOne, parentFeature);
        if (tree.leaf(node)) {
            double value = scale * tree.values()[node][k];
            for (int i = 1; i <= depth; i++) {
                double w = unwoundSum(level, depth, i);
                phi[feature[level][i]] += w * (one[level][i] - zero[level][i]) * value;
            }
            return;
        }
        int hot = tree.next(node, x, offset);
        int cold = hot == tree.yes()[node] ? tree.no()[node] : tree.yes()[node];
        double[] c = tree.cover();
        double hotZero = c[node] == 0 ? 0 : c[hot] / c[node];
        double coldZero = c[node] == 0 ? 0 : c[cold] / c[node];
        int split = featureOf[tree.input()[node]];
        double incomingZero = 1;
        double incomingOne = 1;
        int at = 0;
        while (at <= depth && feature[level][at] != split) {
            at++;
        }
        if (at <= depth) {
            incomingZero = zero[level][at];
            incomingOne = one[level][at];
            unwind(level, depth, at);
            depth--;
        }
        recurse(hot, level + 1, x, offset, phi, depth + 1, hotZero * incomingZero, incomingOne, split);
        recurse(cold, level + 1, x, offset, phi, depth + 1, coldZero * incomingZero, 0, split);
    }

    private void extend(int level, int depth, double zeroFraction, double oneFraction, int featureIndex) {
        int[] f = feature[level];
        double[] z = zero[level];
        double[] o = one[level];
        double[] w = weight[level];
        f[depth] = featureIndex;
        z[depth] = zeroFraction;
        o[depth] = oneFraction;
        w[depth] = depth == 0 ? 1 : 0;
        double[] dn = down[depth];
        double inverse = 1.0 / (depth + 1);
        for (int i = depth - 1; i >= 0; i--) {
            w[i + 1] += oneFraction * w[i] * (i + 1) * inverse;
            w[i] = zeroFraction * w[i] * dn[i];
        }
    }

    private void unwind(int level, int depth, int at) {
        int[] f = feature[level];
        double[] z = zero[level];
        double[] o = one[level];
        double[] w = weight[level];
        double oneFraction = o[at];
        double zeroFraction = z[at];
        double next = w[depth];
        double[] u = up[depth];
        double[] dn = down[depth];
        double inverseOne = 1 / oneFraction;
        double inverseZero = 1 / zeroFraction;
        for (int i = depth - 1; i >= 0; i--) {
            if (oneFraction != 0) {
                double t = w[i];
                w[i] = next * u[i] * inverseOne;
                next = t - w[i] * zeroFraction * dn[i];
            } else {
                w[i] = w[i] * inverseZero * u[depth - i - 1];
            }
        }
        for (int i = at; i < depth; i++) {
            f[i] = f[i + 1];
            z[i] = z[i + 1];
            o[i] = o[i + 1];
        }
    }

    private double unwoundSum(int level, int depth, int at) {
        double[] w = weight[level];
        double oneFraction = one[level][at];
        double zeroFraction = zero[level][at];
        double next = w[depth];
        double total = 0;
        double[] u = up[depth];
        double[] dn = down[depth];
        if (oneFraction != 0) {
            double inverseOne = 1 / oneFraction;
            for (int i = depth - 1; i >= 0; i--) {
                double t = next * u[i] * inverseOne;
                total += t;
                next = w[i] - t * zeroFraction * dn[i];
            }
        } else if (zeroFraction != 0) {
            double inverseZero = 1 / zeroFraction;
            for (int i = depth - 1; i >= 0; i--) {
                total += w[i] * inverseZero * u[depth - i - 1];
            }
        }
        return total;
    }
}
