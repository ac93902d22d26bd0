package dev.assay.core.synth.quality;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Distance to closest record (DCR) and SDMetrics' two privacy scores built on it.
 *
 * <p>The distance of two rows is the mean over columns of: numeric, min(|x - y| / range, 1) with the range
 * (max - min) of the real training column (both missing 0, one missing 1; a constant column: 0 when equal,
 * else 1); categorical, 0 when equal (missing equals missing), else 1. A row's DCR to a table is its smallest
 * distance to a row of it ({@code sdmetrics.single_table.privacy.dcr_utils.calculate_dcr}).
 *
 * <ul>
 *   <li>DCRBaselineProtection = min(median DCR(synthetic, real) / median DCR(random, real), 1), where the random
 *       table has as many rows as the synthetic sample, numeric values uniform on the real range and categories
 *       drawn uniformly from the real ones; NaN when the random median is 0;</li>
 *   <li>DCROverfittingProtection = min(2 (1 - p), 1), p the share of synthetic rows strictly closer to the
 *       training data than to a holdout of real rows not used for fitting.</li>
 * </ul>
 * Synthetic rows beyond {@code maxRows} are subsampled without replacement from the seed (SDMetrics'
 * {@code num_rows_subsample}); the real tables are used whole.
 */
public record DistanceToClosestRecord(int rowsCompared, double medianSynthetic, double medianRandom, double baselineProtection,
        double closerToTraining, double overfittingProtection) {

    /** Table 0 real training data, 1 synthetic, 2 (optional) holdout. */
    static DistanceToClosestRecord of(AlignedTables t, int maxRows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] sample = sample(t.rows(1), maxRows, random);
        double[] range = ranges(t);
        double[] toReal = new double[sample.length];
        AlignedTables.Row[] rows = new AlignedTables.Row[sample.length];
        for (int k = 0; k < sample.length; k++) {
            rows[k] = t.row(1, sample[k]);
            toReal[k] = closest(t, rows[k], 0, range);
        }
        double medianSynthetic = median(toReal);
        double[] toRealRandom = randomBaseline(t, sample.length, range, random);
        double medianRandom = median(toRealRandom);
        double baseline = medianRandom > 0 ? Math.min(medianSynthetic / medianRandom, 1) : Double.NaN;
        double closer = Double.NaN;
        double overfitting = Double.NaN;
        if (t.values.length > 2) {
            int n = 0;
            for (int k = 0; k < sample.length; k++) {
                if (toReal[k] < closest(t, rows[k], 2, range)) {
                    n++;
                }
            }
            closer = n / (double) sample.length;
            overfitting = Math.min(2 * (1 - closer), 1);
        }
        return new DistanceToClosestRecord(sample.length, medianSynthetic, medianRandom, baseline, closer, overfitting);
    }

    private static int[] sample(int rows, int maxRows, SplittableRandom random) {
        int[] all = new int[rows];
        Arrays.setAll(all, i -> i);
        if (rows <= maxRows) {
            return all;
        }
        for (int i = 0; i < maxRows; i++) {
            int j = i + random.nextInt(rows - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return Arrays.copyOf(all, maxRows);
    }

    private static double[] ranges(AlignedTables t) {
        double[] range = new double[t.columns()];
        for (int j = 0; j < range.length; j++) {
            if (t.numeric[j]) {
                double[] mm = minMax(t.values[0][j]);
                range[j] = mm[1] - mm[0];
            }
        }
        return range;
    }

    private static double[] minMax(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return new double[] {min, max};
    }

    /** The DCR of {@code row} to table {@code to}. */
    private static double closest(AlignedTables t, AlignedTables.Row row, int to, double[] range) {
        double best = Double.POSITIVE_INFINITY;
        int d = t.columns();
        for (int r = 0; r < t.rows(to) && best > 0; r++) {
            double s = 0;
            for (int j = 0; j < d && s < best * d; j++) {
                s += t.numeric[j] ? numeric(row.values[j], t.values[to][j][r], range[j]) : row.codes[j] == t.codes[to][j][r] ? 0 : 1;
            }
            best = Math.min(best, s / d);
        }
        return best;
    }

    private static double numeric(double a, double b, double range) {
        boolean ma = Double.isNaN(a);
        boolean mb = Double.isNaN(b);
        if (ma || mb) {
            return ma && mb ? 0 : 1;
        }
        if (!(range > 0)) {
            return a == b ? 0 : 1;
        }
        return Math.min(Math.abs(a - b) / range, 1);
    }

    /** The DCRs to the real data of {@code rows} random rows. */
    private static double[] randomBaseline(AlignedTables t, int rows, double[] range, SplittableRandom random) {
        int d = t.columns();
        AlignedTables.Row row = new AlignedTables.Row(d);
        double[][] mm = new double[d][];
        int[][] seen = new int[d][];
        for (int j = 0; j < d; j++) {
            if (t.numeric[j]) {
                mm[j] = minMax(t.values[0][j]);
            } else {
                seen[j] = Arrays.stream(t.codes[0][j]).distinct().sorted().toArray();
            }
        }
        double[] out = new double[rows];
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < d; j++) {
                if (t.numeric[j]) {
                    row.values[j] = mm[j][0] + random.nextDouble() * (mm[j][1] - mm[j][0]);
                } else {
                    row.codes[j] = seen[j][random.nextInt(seen[j].length)];
                }
            }
            out[k] = closest(t, row, 0, range);
        }
        return out;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
