package dev.assay.core.resample;

import dev.assay.core.error.InvalidInputException;

/**
 * SMOTE-NC (Chawla et al., 2002) for mixed features: continuous features are interpolated as in SMOTE;
 * each categorical feature of a new row takes the category most frequent among the seed's {@code k}
 * neighbours (ties broken at random). Neighbours are found with categorical features one-hot encoded at
 * {@code med / √2}, so a mismatch adds {@code med²} to the squared distance, where {@code med} is the median of
 * the standard deviations (population) of the continuous features within the class.
 *
 * <p>Categorical features hold category codes; codes sort as the categories do. Reference: imbalanced-learn
 * {@code SMOTENC(categorical_features=..., k_neighbors=5)}, including its tie-break: a fresh
 * {@code RandomState(seed)} permutes the tied (row, category) pairs per feature.
 */
public final class SmoteNc implements Sampler {
    private final boolean[] categorical;
    private final SamplingStrategy strategy;
    private final int k;
    private final long seed;

    /** {@code categorical[j]}: whether feature j holds category codes. */
    public SmoteNc(boolean[] categorical, SamplingStrategy strategy, int k, long seed) {
        this.categorical = categorical.clone();
        this.strategy = strategy;
        this.k = k;
        this.seed = seed;
    }

    @Override
    public Resampled resample(double[][] x, Classes classes) {
        Sampler.requireClasses(classes);
        int[] cont = indices(false);
        int[] cat = indices(true);
        if (cont.length == 0) {
            throw new InvalidInputException("SMOTE-NC needs at least one numeric feature; every feature is categorical.");
        }
        double[][] levels = new double[cat.length][];
        for (int f = 0; f < cat.length; f++) {
            int j = cat[f];
            levels[f] = java.util.Arrays.stream(x).mapToDouble(r -> r[j]).distinct().sorted().toArray();
        }
        int[] targets = strategy.targets(classes, SamplingStrategy.Purpose.OVER);
        double[][] synthetic = new double[0][];
        int[] labels = new int[0];
        for (int c = 0; c < targets.length; c++) {
            if (targets[c] <= 0) {
                continue;
            }
            Sampler.requireNeighbours(classes, c, k, "SMOTE-NC", "k");
            double[][] xc = Rows.pick(x, classes.rowsOf(c));
            double med = medianStd(xc, cont);
            double[][] enc = encode(xc, cont, cat, levels, med / Math.sqrt(2));
            int[][] nns = Neighbors.excludingSelf(enc, k);
            Interpolation.Draws d = Interpolation.draw(xc.length, k, targets[c], seed);
            double[][] inter = Interpolation.samples(enc, enc, nns, d, seed, null, c);
            double weight = med == 0 ? 1 : med / Math.sqrt(2);
            NumpyRandom random = new NumpyRandom(seed);
            double[][] out = new double[inter.length][x[0].length];
            for (int i = 0; i < inter.length; i++) {
                for (int f = 0; f < cont.length; f++) {
                    out[i][cont[f]] = inter[i][f];
                }
            }
            for (int f = 0; f < cat.length; f++) {
                int[] chosen = mostFrequent(xc, nns, d.rows(), cat[f], levels[f], weight, random);
                for (int i = 0; i < out.length; i++) {
                    out[i][cat[f]] = levels[f][chosen[i]];
                }
            }
            synthetic = Rows.concat(synthetic, out);
            labels = Rows.concat(labels, Rows.fill(targets[c], c));
        }
        return new Resampled(Resampled.all(x.length), synthetic, labels);
    }

    /** Per new row, the level index chosen: largest neighbour count, ties broken by a permutation of tied pairs. */
    private int[] mostFrequent(double[][] xc, int[][] nns, int[] rows, int feature, double[] levels, double weight,
            NumpyRandom random) {
        int n = rows.length;
        java.util.List<int[]> tied = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] sums = new double[levels.length];
            for (int nn : nns[rows[i]]) {
                sums[java.util.Arrays.binarySearch(levels, xc[nn][feature])] += weight;
            }
            double max = java.util.Arrays.stream(sums).max().orElse(0);
            for (int l = 0; l < levels.length; l++) {
                if (Math.abs(sums[l] - max) <= 1e-8 + 1e-5 * Math.abs(max)) {
                    tied.add(new int[] {i, l});
                }
            }
        }
        int[] perm = random.permutation(tied.size());
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        for (int p : perm) {
            int[] pair = tied.get(p);
            if (out[pair[0]] < 0) {
                out[pair[0]] = pair[1];
            }
        }
        return out;
    }

    private static double medianStd(double[][] xc, int[] cont) {
        double[] sd = new double[cont.length];
        for (int f = 0; f < cont.length; f++) {
            int j = cont[f];
            double mean = 0;
            for (double[] r : xc) {
                mean += r[j];
            }
            mean /= xc.length;
            double ss = 0;
            for (double[] r : xc) {
                ss += (r[j] - mean) * (r[j] - mean);
            }
            sd[f] = Math.sqrt(ss / xc.length);
        }
        java.util.Arrays.sort(sd);
        int m = sd.length / 2;
        return sd.length % 2 == 1 ? sd[m] : (sd[m - 1] + sd[m]) / 2;
    }

    /** Continuous features, then one column per level of each categorical feature holding {@code w} or 0. */
    private static double[][] encode(double[][] xc, int[] cont, int[] cat, double[][] levels, double w) {
        int width = cont.length;
        for (double[] l : levels) {
            width += l.length;
        }
        double[][] out = new double[xc.length][width];
        for (int i = 0; i < xc.length; i++) {
            for (int f = 0; f < cont.length; f++) {
                out[i][f] = xc[i][cont[f]];
            }
            int offset = cont.length;
            for (int f = 0; f < cat.length; f++) {
                out[i][offset + java.util.Arrays.binarySearch(levels[f], xc[i][cat[f]])] = w;
                offset += levels[f].length;
            }
        }
        return out;
    }

    private int[] indices(boolean cat) {
        int n = 0;
        for (boolean b : categorical) {
            n += b == cat ? 1 : 0;
        }
        int[] out = new int[n];
        for (int j = 0, p = 0; j < categorical.length; j++) {
            if (categorical[j] == cat) {
                out[p++] = j;
            }
        }
        return out;
    }
}
