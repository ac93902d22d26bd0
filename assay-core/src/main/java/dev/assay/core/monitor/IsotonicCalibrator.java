package dev.assay.core.monitor;

import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Isotonic (non-decreasing) regression of the labels on the scores, the calibration NannyML's CBPE uses
 * by default: rows sorted by score, equal scores pooled into one point of their mean label (weighted by
 * count), then pool-adjacent-violators; a new score is mapped by linear interpolation between the fitted
 * points and clipped to the end values outside their range.
 *
 * <p>Reference: scikit-learn 1.2.1 {@code IsotonicRegression(out_of_bounds="clip").fit(s, y).predict(t)},
 * matched to 1e-12 in {@code golden/monitor_cbpe_adult.json}.
 */
public final class IsotonicCalibrator {
    private final double[] x;
    private final double[] y;

    private IsotonicCalibrator(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /** Fits on scores and true classes (1 = positive) of the reference rows. */
    public static IsotonicCalibrator fit(double[] scores, boolean[] truth) {
        int n = scores.length;
        if (n == 0 || truth.length != n) {
            throw new InvalidInputException("Calibration needs reference rows with a score and a label each; got " + n
                    + " scores and " + truth.length + " labels.");
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double[] px = new double[n];
        double[] py = new double[n];
        double[] pw = new double[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (Double.isNaN(scores[i])) {
                throw new InvalidInputException("Reference row " + (i + 1) + " has no score (NaN); give every reference row a score.");
            }
            if (m > 0 && px[m - 1] == scores[i]) {
                py[m - 1] += truth[i] ? 1 : 0;
                pw[m - 1]++;
            } else {
                px[m] = scores[i];
                py[m] = truth[i] ? 1 : 0;
                pw[m] = 1;
                m++;
            }
        }
        for (int i = 0; i < m; i++) {
            py[i] /= pw[i];
        }
        return new IsotonicCalibrator(Arrays.copyOf(px, m), pav(py, pw, m));
    }

    /** Pool adjacent violators: the non-decreasing fit minimising the weighted squared error. */
    private static double[] pav(double[] v, double[] w, int m) {
        double[] mean = new double[m];
        double[] weight = new double[m];
        int[] end = new int[m];
        int blocks = 0;
        for (int i = 0; i < m; i++) {
            mean[blocks] = v[i];
            weight[blocks] = w[i];
            end[blocks] = i;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] >= mean[blocks - 1]) {
                double total = weight[blocks - 2] + weight[blocks - 1];
                mean[blocks - 2] = (mean[blocks - 2] * weight[blocks - 2] + mean[blocks - 1] * weight[blocks - 1]) / total;
                weight[blocks - 2] = total;
                end[blocks - 2] = end[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[m];
        int from = 0;
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(out, from, end[b] + 1, mean[b]);
            from = end[b] + 1;
        }
        return out;
    }

    /** The calibrated probability of score {@code s}. */
    public double apply(double s) {
        if (s <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (s >= x[last]) {
            return y[last];
        }
        int i = Arrays.binarySearch(x, s);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        return y[lo] + (y[hi] - y[lo]) * (s - x[lo]) / (x[hi] - x[lo]);
    }

    /** The calibrated probabilities of {@code scores}. */
    public double[] apply(double[] scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = apply(scores[i]);
        }
        return out;
    }
}
