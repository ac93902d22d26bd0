package dev.assay.core.monitor;

import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * A histogram of scores in {@code [0, 1]} on {@value #BINS} fixed bins of equal width, kept separately
 * for the two classes of a binary split (class 1 = positive): per class and bin the row count and the
 * sum of the scores. Bin {@code b} holds scores in {@code [b / 1000, (b + 1) / 1000)}, the last one
 * includes 1. Merging adds counts and sums, so split-then-merge equals all-at-once exactly for counts.
 */
public final class ScoreBins {
    /** The number of bins on {@code [0, 1]}. */
    public static final int BINS = 1000;

    private final long[][] counts = new long[2][BINS];
    private final double[][] sums = new double[2][BINS];

    /** Adds {@code score[i]} to class {@code positive[i]}; a score outside [0, 1] or NaN is refused, naming its row. */
    public void add(boolean[] positive, double[] score) {
        check(score);
        for (int i = 0; i < score.length; i++) {
            int c = positive[i] ? 1 : 0;
            int b = bin(score[i]);
            counts[c][b]++;
            sums[c][b] += score[i];
        }
    }

    /** Refuses a score outside [0, 1] or NaN, naming its row of the batch. */
    public static void check(double[] score) {
        for (int i = 0; i < score.length; i++) {
            double s = score[i];
            if (!(s >= 0 && s <= 1)) {
                throw new InvalidInputException("Row " + (i + 1) + " of the batch has score " + s
                        + "; a score must be the positive class probability in [0, 1].");
            }
        }
    }

    /** Adds everything {@code other} holds. */
    public void merge(ScoreBins other) {
        for (int c = 0; c < 2; c++) {
            for (int b = 0; b < BINS; b++) {
                counts[c][b] += other.counts[c][b];
                sums[c][b] += other.sums[c][b];
            }
        }
    }

    /** The bin of score {@code s} in [0, 1]. */
    public static int bin(double s) {
        return Math.min(BINS - 1, (int) Math.floor(s * BINS));
    }

    /** The rows of class {@code c} (0 or 1) in bin {@code b}. */
    public long count(int c, int b) {
        return counts[c][b];
    }

    /** The sum of the scores of class {@code c} in bin {@code b}. */
    public double sum(int c, int b) {
        return sums[c][b];
    }

    /** The rows of class {@code c}. */
    public long total(int c) {
        return Arrays.stream(counts[c]).sum();
    }

    void set(int c, int b, long count, double sum) {
        counts[c][b] = count;
        sums[c][b] = sum;
    }

    /** Whether two histograms hold the same counts and sums. */
    public boolean sameAs(ScoreBins other) {
        return Arrays.deepEquals(counts, other.counts) && Arrays.deepEquals(sums, other.sums);
    }
}
