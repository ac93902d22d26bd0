package dev.assay.core.metrics;

import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How well binary scores (probabilities of the positive class) match observed positive rates: the
 * reliability diagram, the expected and maximum calibration errors and the Brier score decomposition,
 * all over the same bins.
 *
 * <pre>
 * ece = Σ_b n_b/n |o_b - f_b|        expected calibration error, lower is better, in [0, 1]
 * mce = max_b |o_b - f_b|            maximum calibration error, lower is better, in [0, 1]
 * </pre>
 *
 * where the bins b are the non-empty bins of {@link #binning()}, {@code n_b} their row counts,
 * {@code f_b} the mean score and {@code o_b} the positive rate of their rows. This is the ECE of the
 * positive-class probability (as in scikit-learn's calibration curve), not the top-label ECE of Guo
 * et al. (2017), which bins the confidence of the predicted class. With uniform bins it is the usual
 * equal-width ECE; with quantile bins, the equal-mass variant. The Brier score decomposition is
 * described in {@link BrierDecomposition}.
 *
 * <p>Edge cases: empty bins are dropped (they add nothing to ece and are not candidates for mce);
 * no rows: no bins, every value NaN; one class in the label: defined (the positive rate is 0 or 1
 * in every bin); NaN scores or scores outside [0, 1]: an {@link InvalidInputException} naming the
 * row. Sample weights are not supported: every row counts once, as in {@code calibration_curve}.
 *
 * <p>Reference: {@link #bins()} equals scikit-learn 1.2.1's {@code calibration_curve(y, p, n_bins,
 * strategy)} ({@code prob_true}, {@code prob_pred}) exactly, with the row counts of the same
 * binning; ece, mce and the decomposition match numpy computations of the formulas on those bins
 * ({@code scripts/golden/calibration_golden.py}) to 1e-12.
 *
 * @param binning how the bins were cut
 * @param requestedBins the number of bins asked for ({@code n_bins}), including empty ones
 * @param rows the number of rows
 * @param bins the non-empty bins, in order of score
 * @param ece the expected calibration error
 * @param mce the maximum calibration error
 * @param brier the Brier score and its decomposition over the same bins
 */
public record Calibration(CalibrationBinning binning, int requestedBins, long rows, List<CalibrationBin> bins, double ece,
        double mce, BrierDecomposition brier) {

    /** The most bins a calibration may ask for. */
    public static final int MAX_BINS = 1000;

    public Calibration {
        bins = List.copyOf(bins);
    }

    /**
     * The calibration of the scores an evaluation read.
     *
     * @throws InvalidInputException if {@code bins} is not in [1, {@value #MAX_BINS}] or a score is outside [0, 1]
     */
    public static Calibration of(BinaryScores scores, int bins, CalibrationBinning binning) {
        Objects.requireNonNull(scores, "scores");
        return compute(scores.truth(), scores.score(), bins, binning, scores.names());
    }

    /**
     * The calibration of {@code score[i]}, the probability that row i is positive, against {@code
     * truth[i]}, whether it is. The arrays are read, not kept or changed.
     *
     * @throws InvalidInputException on arrays of different lengths, NaN scores or scores outside
     *     [0, 1], or {@code bins} not in [1, {@value #MAX_BINS}]
     */
    public static Calibration of(boolean[] truth, double[] score, int bins, CalibrationBinning binning) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(score, "score");
        InputChecks.checkLength("score", score.length, truth.length);
        return compute(truth, score, bins, binning, ColumnNames.ARRAYS);
    }

    private static Calibration compute(boolean[] truth, double[] score, int bins, CalibrationBinning binning, ColumnNames names) {
        Objects.requireNonNull(binning, "binning");
        if (bins < 1 || bins > MAX_BINS) {
            throw new InvalidInputException("the number of bins must be a whole number from 1 to " + MAX_BINS + ", found "
                    + bins + ".");
        }
        requireProbabilities(score, names);
        if (truth.length == 0) {
            return empty(binning, bins);
        }
        CalibrationAccumulator rows = new CalibrationAccumulator(binning.edges(score, bins));
        for (int i = 0; i < truth.length; i++) {
            rows.add(truth[i], score[i]);
        }
        return of(rows, bins, binning, names.score());
    }

    /**
     * The calibration of the rows added to {@code rows} (in any order and parts), whose edges were cut
     * by {@code binning} into {@code bins} bins: a function of the per-bin sums alone.
     *
     * @param scoreColumn the score column, named when a score was outside [0, 1]; may be null
     * @throws InvalidInputException if a score added was NaN or outside [0, 1]
     */
    public static Calibration of(CalibrationAccumulator rows, int bins, CalibrationBinning binning, String scoreColumn) {
        if (rows.invalid() > 0) {
            throw new InvalidInputException((scoreColumn == null ? "The score" : "Column '" + scoreColumn + "'") + " holds "
                    + rows.invalid() + " score(s) that are missing or outside [0, 1] (the first: " + rows.firstInvalid()
                    + "): calibration compares probabilities with observed positive rates. Give the probability of the"
                    + " positive class for every row (e.g. scores passed through a sigmoid).");
        }
        double[] edges = rows.edges();
        long n = 0;
        double positives = 0;
        for (int b = 0; b + 1 < edges.length; b++) {
            n += rows.count(b);
            positives += rows.positiveSum(b);
        }
        if (n == 0) {
            return empty(binning, bins);
        }
        double rate = positives / n;
        List<CalibrationBin> out = new ArrayList<>();
        double ece = 0;
        double mce = 0;
        double reliability = 0;
        double resolution = 0;
        double variance = 0;
        double covariance = 0;
        for (int b = 0; b + 1 < edges.length; b++) {
            long count = rows.count(b);
            if (count == 0) {
                continue;
            }
            double meanScore = rows.scoreSum(b) / count;
            double meanPositive = rows.positiveSum(b) / count;
            CalibrationBin bin = new CalibrationBin(edges[b], edges[b + 1], count, meanScore, meanPositive);
            out.add(bin);
            double share = (double) count / n;
            ece += share * bin.gap();
            mce = Math.max(mce, bin.gap());
            reliability += share * (meanScore - meanPositive) * (meanScore - meanPositive);
            resolution += share * (meanPositive - rate) * (meanPositive - rate);
            variance += rows.m2(b);
            covariance += rows.comoment(b);
        }
        BrierDecomposition brier = new BrierDecomposition(rows.squaredError() / n, reliability, resolution, rate * (1 - rate),
                variance / n, covariance / n);
        return new Calibration(binning, bins, n, out, ece, mce, brier);
    }

    private static Calibration empty(CalibrationBinning binning, int bins) {
        double nan = Double.NaN;
        return new Calibration(binning, bins, 0, List.of(), nan, nan, new BrierDecomposition(nan, nan, nan, nan, nan, nan));
    }

    private static void requireProbabilities(double[] score, ColumnNames names) {
        for (int i = 0; i < score.length; i++) {
            if (!(score[i] >= 0 && score[i] <= 1)) {
                throw new InvalidInputException(names.column(names.score(), "score") + " holds " + score[i] + " in "
                        + names.row(i) + ", " + (Double.isNaN(score[i]) ? "a missing score" : "outside [0, 1]")
                        + ": calibration compares probabilities with observed positive rates. Give the probability of the"
                        + " positive class for every row (e.g. scores passed through a sigmoid).");
            }
        }
    }
}
