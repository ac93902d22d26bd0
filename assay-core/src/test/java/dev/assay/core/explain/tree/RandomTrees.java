package dev.assay.core.explain.tree;

import dev.assay.core.model.FeatureMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random trees over four integer features (splits repeat features), and brute-force path-dependent values. */
final class RandomTrees {
    static final List<String> FEATURES = List.of("f0", "f1", "f2", "f3");

    private RandomTrees() {
    }

    static TreeEnsemble ensemble(SplittableRandom random, int trees, int depth, boolean average) {
        List<Tree> out = new ArrayList<>();
        for (int t = 0; t < trees; t++) {
            out.add(tree(random, depth));
        }
        return new TreeEnsemble(out, FeatureMapping.numeric(FEATURES), List.of("y"), new double[] {random.nextDouble()}, average,
                "NONE");
    }

    private static Tree tree(SplittableRandom random, int depth) {
        int n = (1 << (depth + 1)) - 1;
        int[] input = new int[n];
        double[] threshold = new double[n];
        Comparison[] mode = new Comparison[n];
        int[] yes = new int[n];
        int[] no = new int[n];
        boolean[] missing = new boolean[n];
        double[] cover = new double[n];
        double[][] values = new double[n][];
        java.util.Arrays.fill(cover, Double.NaN);
        for (int i = 0; i < n; i++) {
            mode[i] = Comparison.values()[random.nextInt(6)];
            if (2 * i + 2 < n && (i == 0 || random.nextInt(5) > 0)) {
                input[i] = random.nextInt(FEATURES.size());
                threshold[i] = random.nextInt(4) + (random.nextBoolean() ? 0.5 : 0);
                yes[i] = 2 * i + 1;
                no[i] = 2 * i + 2;
                missing[i] = random.nextBoolean();
            } else {
                yes[i] = -1;
                no[i] = -1;
                values[i] = new double[] {random.nextDouble() * 10 - 5};
            }
        }
        return new Tree(input, threshold, mode, yes, no, missing, cover, values);
    }

    /** Shapley values over all 2^M coalitions of v(S) = E[f | x_S] by the covers (unreached subtrees count 0). */
    static double[] bruteForcePathDependent(TreeEnsemble e, double[] x, int offset) {
        int m = FEATURES.size();
        double[] v = new double[1 << m];
        for (int s = 0; s < v.length; s++) {
            double sum = 0;
            for (Tree t : e.trees()) {
                sum += expect(t, 0, s, x, offset);
            }
            v[s] = e.base()[0] + e.scale() * sum;
        }
        double[] phi = new double[m];
        for (int s = 0; s < v.length; s++) {
            int size = Integer.bitCount(s);
            for (int f = 0; f < m; f++) {
                if ((s >> f & 1) == 0) {
                    phi[f] += (v[s | 1 << f] - v[s]) / (m * binomial(m - 1, size));
                }
            }
        }
        return phi;
    }

    private static double expect(Tree t, int node, int s, double[] x, int offset) {
        if (t.leaf(node)) {
            return t.values()[node][0];
        }
        if ((s >> t.input()[node] & 1) == 1) {
            return expect(t, t.next(node, x, offset), s, x, offset);
        }
        double c = t.cover()[node];
        if (c == 0) {
            return 0;
        }
        int y = t.yes()[node];
        int n = t.no()[node];
        return (t.cover()[y] * expect(t, y, s, x, offset) + t.cover()[n] * expect(t, n, s, x, offset)) / c;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
