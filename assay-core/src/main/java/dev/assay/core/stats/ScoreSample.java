package dev.assay.core.stats;

import java.util.Arrays;

/**
 * An exact, mergeable sample of binary scores (and weights), kept apart by class. Merging
 * concatenates; {@link #result()} sorts each class's scores once and walks both from the highest
 * score down to build the {@link RankingCurve}. Memory is one {@code double} per row (two when
 * weighted). Scores must not be NaN; {@code -0.0} is stored as {@code 0.0}.
 */
public final class ScoreSample implements Accumulator<ScoreSample, RankingCurve> {
    private double[] positiveScores = new double[16];
    private double[] negativeScores = new double[16];
    private double[] positiveWeights;
    private double[] negativeWeights;
    private int positiveCount;
    private int negativeCount;

    /** Adds one row. */
    public void add(double score, boolean positive, double weight) {
        if (weight != 1 && positiveWeights == null) {
            startWeights();
        }
        if (positive) {
            ensure(true, positiveCount + 1);
            if (positiveWeights != null) {
                positiveWeights[positiveCount] = weight;
            }
            positiveScores[positiveCount++] = score + 0.0;
        } else {
            ensure(false, negativeCount + 1);
            if (negativeWeights != null) {
                negativeWeights[negativeCount] = weight;
            }
            negativeScores[negativeCount++] = score + 0.0;
        }
    }

    /** Adds rows {@code from..to-1}; {@code weight} may be null (every row weighs 1). */
    public void addAll(boolean[] truth, double[] score, double[] weight, int from, int to) {
        int pos = 0;
        for (int i = from; i < to; i++) {
            pos += truth[i] ? 1 : 0;
        }
        int neg = (to - from) - pos;
        if (weight != null && positiveWeights == null) {
            startWeights();
        }
        ensure(true, positiveCount + pos);
        ensure(false, negativeCount + neg);
        double[] ps = positiveScores;
        double[] ns = negativeScores;
        int pc = positiveCount;
        int nc = negativeCount;
        if (positiveWeights == null) {
            for (int i = from; i < to; i++) {
                if (truth[i]) {
                    ps[pc++] = score[i] + 0.0;
                } else {
                    ns[nc++] = score[i] + 0.0;
                }
            }
        } else {
            double[] pw = positiveWeights;
            double[] nw = negativeWeights;
            for (int i = from; i < to; i++) {
                double w = weight == null ? 1 : weight[i];
                if (truth[i]) {
                    pw[pc] = w;
                    ps[pc++] = score[i] + 0.0;
                } else {
                    nw[nc] = w;
                    ns[nc++] = score[i] + 0.0;
                }
            }
        }
        positiveCount = pc;
        negativeCount = nc;
    }

    private void startWeights() {
        positiveWeights = new double[positiveScores.length];
        negativeWeights = new double[negativeScores.length];
        Arrays.fill(positiveWeights, 0, positiveCount, 1.0);
        Arrays.fill(negativeWeights, 0, negativeCount, 1.0);
    }

    private void ensure(boolean positive, int needed) {
        double[] scores = positive ? positiveScores : negativeScores;
        if (needed <= scores.length) {
            return;
        }
        int size = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, scores.length * 2L));
        if (positive) {
            positiveScores = Arrays.copyOf(positiveScores, size);
            if (positiveWeights != null) {
                positiveWeights = Arrays.copyOf(positiveWeights, size);
            }
        } else {
            negativeScores = Arrays.copyOf(negativeScores, size);
            if (negativeWeights != null) {
                negativeWeights = Arrays.copyOf(negativeWeights, size);
            }
        }
    }

    @Override
    public void merge(ScoreSample other) {
        if (other.positiveWeights != null && positiveWeights == null) {
            startWeights();
        }
        ensure(true, positiveCount + other.positiveCount);
        ensure(false, negativeCount + other.negativeCount);
        System.arraycopy(other.positiveScores, 0, positiveScores, positiveCount, other.positiveCount);
        System.arraycopy(other.negativeScores, 0, negativeScores, negativeCount, other.negativeCount);
        if (positiveWeights != null) {
            copyWeights(other.positiveWeights, positiveWeights, positiveCount, other.positiveCount);
            copyWeights(other.negativeWeights, negativeWeights, negativeCount, other.negativeCount);
        }
        positiveCount += other.positiveCount;
        negativeCount += other.negativeCount;
    }

    private static void copyWeights(double[] from, double[] to, int at, int count) {
        if (from == null) {
            Arrays.fill(to, at, at + count, 1.0);
        } else {
            System.arraycopy(from, 0, to, at, count);
        }
    }

    /** The number of rows added. */
    public long rows() {
        return (long) positiveCount + negativeCount;
    }

    @Override
    public RankingCurve result() {
        Groups pos = groups(positiveScores, positiveWeights, positiveCount);
        Groups neg = groups(negativeScores, negativeWeights, negativeCount);
        int capacity = pos.values.length + neg.values.length;
        double[] thresholds = new double[capacity];
        double[] tps = new double[capacity];
        double[] fps = new double[capacity];
        int i = pos.values.length - 1;
        int j = neg.values.length - 1;
        int n = 0;
        double tp = 0;
        double fp = 0;
        while (i >= 0 || j >= 0) {
            double s;
            if (j < 0 || (i >= 0 && pos.values[i] >= neg.values[j])) {
                s = pos.values[i];
            } else {
                s = neg.values[j];
            }
            if (i >= 0 && pos.values[i] == s) {
                tp += pos.weights[i--];
            }
            if (j >= 0 && neg.values[j] == s) {
                fp += neg.weights[j--];
            }
            thresholds[n] = s;
            tps[n] = tp;
            fps[n] = fp;
            n++;
        }
        return new RankingCurve(Arrays.copyOf(thresholds, n), Arrays.copyOf(tps, n), Arrays.copyOf(fps, n));
    }

    /** Distinct values ascending with their total weight. */
    private record Groups(double[] values, double[] weights) {
    }

    private static Groups groups(double[] scores, double[] weights, int count) {
        double[] sorted = Arrays.copyOf(scores, count);
        double[] sums;
        if (weights == null) {
            DoubleSort.sort(sorted);
            sums = null;
        } else {
            sums = Arrays.copyOf(weights, count);
            DoubleSort.sort(sorted, sums);
        }
        double[] runs = sums == null ? new double[count] : sums;
        int distinct = 0;
        for (int k = 0; k < count; k++) {
            double w = sums == null ? 1 : sums[k];
            if (k == 0 || sorted[k] != sorted[distinct - 1]) {
                sorted[distinct] = sorted[k];
                runs[distinct++] = w;
            } else {
                runs[distinct - 1] += w;
            }
        }
        return new Groups(Arrays.copyOf(sorted, distinct), Arrays.copyOf(runs, distinct));
    }
}
