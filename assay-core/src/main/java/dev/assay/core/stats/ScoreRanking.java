package dev.assay.core.stats;

import java.util.Arrays;

/**
 * Binary rows sorted once by score, highest first, for computing the {@link RankingCurve} of many
 * reweightings of the same rows (bootstrap resamples) in one pass over the distinct scores each,
 * without sorting again. {@link #curve} with each row's weight in its slot gives the curve
 * {@link ScoreSample} gives for the rows; with the weight added {@code c} times, the curve of the rows
 * with that row repeated {@code c} times. The curve keeps a point for every distinct score of the
 * rows, also one whose rows all weigh 0 in the reweighting; such a point adds nothing to
 * {@link RankingCurve#rocAuc()} or {@link RankingCurve#averagePrecision()}. Scores must not be NaN;
 * {@code -0.0} counts as {@code 0.0}.
 * Immutable and safe to share between threads.
 */
public final class ScoreRanking {
    /**
     * Each row's slot: negatives first, numbered by their distinct scores (highest first) among the
     * negatives' distinct scores, then positives likewise, after the last negative slot.
     */
    private final int[] slot;
    /** Each row's weight; null when every row weighs 1. */
    private final double[] weight;
    /** Distinct scores, highest first. */
    private final double[] thresholds;
    /** For each distinct score: bit 1 when negatives have it, bit 2 when positives have it. */
    private final byte[] classes;
    /** The number of negative slots (distinct scores of the negatives); positive slots follow. */
    private final int negativeSlots;
    /** The number of slots. */
    private final int slots;

    /**
     * @param truth whether each row is positive
     * @param score each row's score
     * @param weight each row's weight, or null (every row weighs 1); copied
     */
    public ScoreRanking(boolean[] truth, double[] score, double[] weight) {
        int n = truth.length;
        if (score.length != n || (weight != null && weight.length != n)) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        double[] sorted = new double[n];
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = score[i] + 0.0;
            rows[i] = i;
        }
        DoubleSort.sort(sorted, rows);
        slot = new int[n];
        this.weight = weight == null ? null : weight.clone();
        double[] distinct = new double[n];
        byte[] present = new byte[n];
        int groups = 0;
        int negatives = 0;
        int positives = 0;
        for (int k = n - 1; k >= 0; k--) {
            if (groups == 0 || sorted[k] != distinct[groups - 1]) {
                distinct[groups++] = sorted[k];
            }
            int row = (int) rows[k];
            int bit = truth[row] ? 2 : 1;
            if ((present[groups - 1] & bit) == 0) {
                present[groups - 1] |= (byte) bit;
                if (truth[row]) {
                    positives++;
                } else {
                    negatives++;
                }
            }
            // positive slots are shifted past the negative ones below
            slot[row] = truth[row] ? positives - 1 : negatives - 1;
        }
        for (int i = 0; i < n; i++) {
            if (truth[i]) {
                slot[i] += negatives;
            }
        }
        thresholds = Arrays.copyOf(distinct, groups);
        classes = Arrays.copyOf(present, groups);
        negativeSlots = negatives;
        slots = negatives + positives;
    }

    /** The number of rows. */
    public int rows() {
        return slot.length;
    }

    /** The number of distinct scores: the length of the curve buffers {@link #curve} takes. */
    public int distinct() {
        return thresholds.length;
    }

    /** The number of slots: the length of the slot weights {@link #curve} takes (at most the number of rows). */
    public int slots() {
        return slots;
    }

    /**
     * The slot of {@code row} in the weights {@link #curve} takes: one per distinct score of each class,
     * so that a bootstrap resample of one class adds to a compact range of slots.
     */
    public int slot(int row) {
        return slot[row];
    }

    /** The weight of {@code row}: its sample weight, 1 without weights. */
    public double weight(int row) {
        return weight == null ? 1 : weight[row];
    }

    /** Whether the rows have sample weights. */
    public boolean weighted() {
        return weight != null;
    }

    /**
     * The ranking curve of the rows reweighted: {@code slotWeights[slot]} is the total weight of the
     * rows in that slot (see {@link #slot}), e.g. each row's weight added once per time a bootstrap
     * resample drew it. The curve is written into {@code truePositives} and {@code falsePositives}
     * (length {@link #distinct()}) and keeps them: reuse them only once done with the curve.
     */
    public RankingCurve curve(double[] slotWeights, double[] truePositives, double[] falsePositives) {
        double tp = 0;
        double fp = 0;
        int negative = 0;
        int positive = negativeSlots;
        for (int g = 0; g < thresholds.length; g++) {
            int present = classes[g];
            if ((present & 1) != 0) {
                fp += slotWeights[negative++];
            }
            if ((present & 2) != 0) {
                tp += slotWeights[positive++];
            }
            truePositives[g] = tp;
            falsePositives[g] = fp;
        }
        return new RankingCurve(thresholds, truePositives, falsePositives);
    }
}
