package dev.assay.core.metrics;

import java.util.Arrays;

/**
 * The per-bin sums from which {@link Calibration} is computed, mergeable across parts of the rows:
 * for each bin of fixed edges the row count {@code n_b}, the sums of scores and of outcomes, and the
 * within-bin co-moments {@code Σ (p - f_b)²} and {@code Σ (p - f_b)(y - o_b)} (updated one row at a
 * time as Welford, merged as Chan, Golub and LeVeque 1979), plus the squared error
 * {@code Σ (y - p)²} and the scores outside [0, 1] (counted, the first kept for the message).
 */
public final class CalibrationAccumulator {
    /** Values per bin in {@link #state()}: count, score sum, outcome sum, mean score, mean outcome, M2, C. */
    private static final int PER_BIN = 7;

    private final double[] edges;
    private final long[] count;
    private final double[] scoreSum;
    private final double[] positiveSum;
    private final double[] meanScore;
    private final double[] meanPositive;
    private final double[] m2;
    private final double[] comoment;
    private double squaredError;
    private long invalid;
    private double firstInvalid = Double.NaN;

    /** An empty accumulator over the bins between {@code edges} (increasing, at least two). */
    public CalibrationAccumulator(double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("at least two edges, got " + edges.length);
        }
        this.edges = edges.clone();
        int bins = edges.length - 1;
        count = new long[bins];
        scoreSum = new double[bins];
        positiveSum = new double[bins];
        meanScore = new double[bins];
        meanPositive = new double[bins];
        m2 = new double[bins];
        comoment = new double[bins];
    }

    /** Adds a row that is {@code truth} (actually positive) with {@code score}; a score outside [0, 1] is only counted. */
    public void add(boolean truth, double score) {
        if (!(score >= 0 && score <= 1)) {
            if (invalid++ == 0) {
                firstInvalid = score;
            }
            return;
        }
        int b = CalibrationBinning.bin(edges, score);
        double y = truth ? 1 : 0;
        long n = ++count[b];
        scoreSum[b] += score;
        positiveSum[b] += y;
        double ds = score - meanScore[b];
        meanScore[b] += ds / n;
        meanPositive[b] += (y - meanPositive[b]) / n;
        m2[b] += ds * (score - meanScore[b]);
        comoment[b] += ds * (y - meanPositive[b]);
        squaredError += (y - score) * (y - score);
    }

    /** Adds the rows of {@code other}, over the same edges, to these. */
    public void merge(CalibrationAccumulator other) {
        if (!Arrays.equals(edges, other.edges)) {
            throw new IllegalArgumentException("accumulators over different bins");
        }
        for (int b = 0; b < count.length; b++) {
            long na = count[b];
            long nb = other.count[b];
            if (nb == 0) {
                continue;
            }
            double n = na + nb;
            double ds = other.meanScore[b] - meanScore[b];
            double dy = other.meanPositive[b] - meanPositive[b];
            m2[b] += other.m2[b] + ds * ds * na * nb / n;
            comoment[b] += other.comoment[b] + ds * dy * na * nb / n;
            meanScore[b] += ds * nb / n;
            meanPositive[b] += dy * nb / n;
            count[b] = na + nb;
            scoreSum[b] += other.scoreSum[b];
            positiveSum[b] += other.positiveSum[b];
        }
        squaredError += other.squaredError;
        if (invalid == 0 && other.invalid > 0) {
            firstInvalid = other.firstInvalid;
        }
        invalid += other.invalid;
    }

    /** The accumulator as numbers: the edges' count, the edges, squared error, invalid count, first invalid, then seven per bin. */
    public double[] state() {
        int bins = count.length;
        double[] out = new double[1 + edges.length + 3 + PER_BIN * bins];
        out[0] = edges.length;
        System.arraycopy(edges, 0, out, 1, edges.length);
        int at = 1 + edges.length;
        out[at++] = squaredError;
        out[at++] = invalid;
        out[at++] = firstInvalid;
        for (int b = 0; b < bins; b++) {
            double[] one = {count[b], scoreSum[b], positiveSum[b], meanScore[b], meanPositive[b], m2[b], comoment[b]};
            System.arraycopy(one, 0, out, at + PER_BIN * b, PER_BIN);
        }
        return out;
    }

    /** The accumulator written by {@link #state()}. */
    public static CalibrationAccumulator fromState(double[] state) {
        int k = (int) state[0];
        CalibrationAccumulator a = new CalibrationAccumulator(Arrays.copyOfRange(state, 1, 1 + k));
        int at = 1 + k;
        a.squaredError = state[at++];
        a.invalid = (long) state[at++];
        a.firstInvalid = state[at++];
        for (int b = 0; b < a.count.length; b++) {
            int o = at + PER_BIN * b;
            a.count[b] = (long) state[o];
            a.scoreSum[b] = state[o + 1];
            a.positiveSum[b] = state[o + 2];
            a.meanScore[b] = state[o + 3];
            a.meanPositive[b] = state[o + 4];
            a.m2[b] = state[o + 5];
            a.comoment[b] = state[o + 6];
        }
        return a;
    }

    double[] edges() {
        return edges.clone();
    }

    long count(int bin) {
        return count[bin];
    }

    double scoreSum(int bin) {
        return scoreSum[bin];
    }

    double positiveSum(int bin) {
        return positiveSum[bin];
    }

    double m2(int bin) {
        return m2[bin];
    }

    double comoment(int bin) {
        return comoment[bin];
    }

    double squaredError() {
        return squaredError;
    }

    /** The rows whose score is NaN or outside [0, 1]. */
    public long invalid() {
        return invalid;
    }

    /** The first such score seen; NaN when none (or when it was NaN). */
    public double firstInvalid() {
        return firstInvalid;
    }
}
