package dev.assay.core.drift.domain;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Gradient boosting of depth-one trees (stumps) with the logistic loss, on binned features
 * (Friedman 2001, with Newton leaf values as in XGBoost, L2 penalty {@link #LAMBDA}). Each round
 * splits one feature in two: an ordered feature at a bin ({@code bin <= t}), a nominal one into one
 * bin against the rest; the split with the largest gain
 * {@code GL²/(HL+λ) + GR²/(HR+λ) - G²/(H+λ)} wins and each side gets {@code -lr G/(H+λ)}. Stumps add
 * up per feature, so the model is a table of additive contributions per feature and bin, which makes
 * scoring and permuting a feature cheap.
 *
 * <p>A split is made only when it is significant: its gain is the score statistic of the split
 * (asymptotically chi-square with one degree of freedom when the split does not matter), and it must
 * exceed the chi-square quantile at {@code 1 - 0.05 / K} for the {@code K} candidate splits of the
 * round (Bonferroni). Boosting stops at the first round with no such split. Without this gate the
 * model fits noise, and cross-validated AUCs of data sets that do not differ fall below 0.5 (held-out
 * rows of a bin are short of the side the training rows of that bin had in excess).
 */
final class StumpBoosting {
    static final double LAMBDA = 1.0;
    /** The family-wise level of the split gate. */
    static final double ALPHA = 0.05;

    private StumpBoosting() {
    }

    /** A fitted model: {@code score = base + Σ_f table[f][bin of f]} (log-odds of the current data). */
    record Model(double base, double[][] table) {
        double score(int[][] codes, int row) {
            double s = base;
            for (int f = 0; f < table.length; f++) {
                s += table[f][codes[f][row]];
            }
            return s;
        }
    }

    /**
     * @param x the features, {@code x.codes()[f][row]}
     * @param positive whether each row is from the current data
     * @param train the rows to fit on
     */
    static Model fit(BinnedFeatures x, boolean[] positive, int[] train, int rounds, double learningRate) {
        int features = x.codes().length;
        double[][] table = new double[features][];
        for (int f = 0; f < features; f++) {
            table[f] = new double[x.bins()[f]];
        }
        int pos = 0;
        for (int row : train) {
            pos += positive[row] ? 1 : 0;
        }
        double prior = (pos + 0.5) / (train.length + 1.0);
        double base = Math.log(prior / (1 - prior));
        double[] f = new double[train.length];
        java.util.Arrays.fill(f, base);
        double[] g = new double[train.length];
        double[] h = new double[train.length];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < train.length; i++) {
                double p = 1 / (1 + Math.exp(-f[i]));
                g[i] = p - (positive[train[i]] ? 1 : 0);
                h[i] = Math.max(p * (1 - p), 1e-12);
            }
            Split best = null;
            int candidates = 0;
            for (int k = 0; k < features; k++) {
                candidates += x.nominal()[k] ? x.bins()[k] : x.bins()[k] - 1;
                Split s = bestSplit(x.codes()[k], x.bins()[k], x.nominal()[k], train, g, h);
                if (s != null && (best == null || s.gain > best.gain)) {
                    best = new Split(k, s.bin, s.gain, s.left, s.right);
                }
            }
            if (best == null || best.gain <= significant(candidates)) {
                break;
            }
            double[] contribution = table[best.feature];
            int[] codes = x.codes()[best.feature];
            for (int b = 0; b < contribution.length; b++) {
                contribution[b] += learningRate * (goesLeft(b, best.bin, x.nominal()[best.feature]) ? best.left : best.right);
            }
            for (int i = 0; i < train.length; i++) {
                int b = codes[train[i]];
                f[i] += learningRate * (goesLeft(b, best.bin, x.nominal()[best.feature]) ? best.left : best.right);
            }
        }
        return new Model(base, table);
    }

    /** The gain a split needs among {@code candidates}: the chi-square(1) quantile at {@code 1 - 0.05 / candidates}. */
    static double significant(int candidates) {
        return ChiSquaredDistribution.of(1).inverseSurvivalProbability(ALPHA / Math.max(1, candidates));
    }

    private record Split(int feature, int bin, double gain, double left, double right) {
    }

    private static boolean goesLeft(int b, int splitBin, boolean nominal) {
        return nominal ? b == splitBin : b <= splitBin;
    }

    private static Split bestSplit(int[] codes, int bins, boolean nominal, int[] train, double[] g, double[] h) {
        double[] gs = new double[bins];
        double[] hs = new double[bins];
        double gt = 0;
        double ht = 0;
        for (int i = 0; i < train.length; i++) {
            int b = codes[train[i]];
            gs[b] += g[i];
            hs[b] += h[i];
            gt += g[i];
            ht += h[i];
        }
        double parent = gt * gt / (ht + LAMBDA);
        Split best = null;
        double gl = 0;
        double hl = 0;
        for (int b = 0; b < bins - 1 || (nominal && b < bins); b++) {
            if (nominal) {
                gl = gs[b];
                hl = hs[b];
            } else {
                gl += gs[b];
                hl += hs[b];
            }
            double gr = gt - gl;
            double hr = ht - hl;
            if (hl == 0 || hr <= 1e-12) {
                continue;
            }
            double gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - parent;
            if (best == null || gain > best.gain) {
                best = new Split(-1, b, gain, -gl / (hl + LAMBDA), -gr / (hr + LAMBDA));
            }
        }
        return best;
    }
}
