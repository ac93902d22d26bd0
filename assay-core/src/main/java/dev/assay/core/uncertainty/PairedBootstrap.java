package dev.assay.core.uncertainty;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Paired bootstrap of the difference of a binary metric between two models scored on the same rows:
 * {@code Δ = metric(candidate) − metric(baseline)}. Every resample draws the same rows for both models
 * (with replacement, stratified by the label as {@link MetricBootstrap} draws: as many rows from each
 * class as it holds), so the interval reflects how the two models' errors are correlated, which two
 * separate intervals cannot. {@link BootstrapIntervals} turns the replicates of Δ into a percentile or
 * BCa interval (BCa's jackknife leaves out each row once, so it is limited to
 * {@value MetricBootstrap#BCA_MAX_ROWS} rows).
 *
 * <p>Resample b draws from the b-th generator split from {@code new SplittableRandom(seed)}, so the
 * result depends on the seed only. A row is predicted positive when its score is at least
 * {@code settings.threshold()}; the metric ids are those of {@link Evaluator#binary}.
 *
 * <p>Edge cases: fewer than {@value MetricBootstrap#MIN_ROWS} rows or a class with a single row throw
 * {@link InvalidInputException} saying so; a Δ undefined on the full data or on a resample (e.g. a zero
 * division) leaves its interval undefined with the reason.
 *
 * <p>Reference: the replicates, given the same row indices, match scikit-learn 1.2.1 metrics computed
 * on numpy resamples, and the intervals {@code np.percentile} and scipy 1.10's {@code _bca_interval},
 * to 1e-9 ({@code scripts/golden/paired_bootstrap_golden.py}).
 *
 * @param truth whether row i is of the positive class
 * @param baseline the baseline's score of the positive class for row i
 * @param candidate the candidate's score of the positive class for row i
 * @param settings the evaluation settings (positive class, threshold, zero division) of both models
 */
public record PairedBootstrap(boolean[] truth, double[] baseline, double[] candidate, EvaluationSettings settings) {

    public PairedBootstrap {
        Objects.requireNonNull(settings, "settings");
        if (baseline.length != truth.length || candidate.length != truth.length) {
            throw new IllegalArgumentException("one label and two scores per row, got " + truth.length + " labels, "
                    + baseline.length + " baseline and " + candidate.length + " candidate scores");
        }
        settings = settings.withTask(Task.BINARY);
    }

    /** The difference {@code candidate − baseline} of each metric on all rows. */
    public Map<String, Double> differences(List<String> ids) {
        double[] d = differences(IntStream.range(0, truth.length).toArray(), ids);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int m = 0; m < ids.size(); m++) {
            out.put(ids.get(m), d[m]);
        }
        return out;
    }

    /** The difference of each metric on the rows {@code rows} (0-based, repeats allowed). */
    public double[] differences(int[] rows, List<String> ids) {
        Evaluation b = evaluate(baseline, rows);
        Evaluation c = evaluate(candidate, rows);
        double[] out = new double[ids.size()];
        for (int m = 0; m < out.length; m++) {
            out[m] = c.metric(ids.get(m)).value() - b.metric(ids.get(m)).value();
        }
        return out;
    }

    /** The replicates {@code [metric][resample]} of the differences on the given resamples. */
    public double[][] replicates(int[][] resamples, List<String> ids) {
        double[][] out = new double[ids.size()][resamples.length];
        IntStream.range(0, resamples.length).parallel().forEach(b -> {
            double[] d = differences(resamples[b], ids);
            for (int m = 0; m < d.length; m++) {
                out[m][b] = d[m];
            }
        });
        return out;
    }

    /** The differences without each row of each stratum, {@code [metric][stratum][row of the stratum]}. */
    public double[][][] jackknife(int[][] strata, List<String> ids) {
        int all = 0;
        for (int[] s : strata) {
            all += s.length;
        }
        double[][][] out = new double[ids.size()][strata.length][];
        for (int j = 0; j < strata.length; j++) {
            int[][] subsets = new int[strata[j].length][];
            for (int i = 0; i < subsets.length; i++) {
                subsets[i] = MetricBootstrap.without(strata, j, i, all);
            }
            double[][] values = replicates(subsets, ids);
            for (int m = 0; m < ids.size(); m++) {
                out[m][j] = values[m];
            }
        }
        return out;
    }

    /** The rows of the negative class, then those of the positive class. */
    public int[][] strata() {
        int positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        int[][] out = {new int[truth.length - positives], new int[positives]};
        int[] next = new int[2];
        for (int i = 0; i < truth.length; i++) {
            int s = truth[i] ? 1 : 0;
            out[s][next[s]++] = i;
        }
        return out;
    }

    /** {@code count} stratified resamples, resample b drawn from the b-th split of {@code new SplittableRandom(seed)}. */
    public int[][] resamples(int count, long seed) {
        int[][] strata = strata();
        SplittableRandom[] streams = MetricBootstrap.streams(seed, count);
        int[][] out = new int[count][];
        for (int b = 0; b < count; b++) {
            out[b] = MetricBootstrap.draw(strata, streams[b]);
        }
        return out;
    }

    /**
     * The interval of each metric's difference.
     *
     * @throws InvalidInputException with fewer than {@value MetricBootstrap#MIN_ROWS} rows, a class with a
     *     single row, or BCa on more than {@value MetricBootstrap#BCA_MAX_ROWS} rows
     */
    public Map<String, IntervalEstimate> intervals(List<String> ids, IntervalSettings ci, long seed) {
        requireEnoughRows(ci);
        double[][] replicates = replicates(resamples(ci.resamples(), seed), ids);
        double[][][] jackknife = ci.method() == IntervalMethod.BCA ? jackknife(strata(), ids) : null;
        Map<String, Double> estimates = differences(ids);
        Map<String, IntervalEstimate> out = new LinkedHashMap<>();
        for (int m = 0; m < ids.size(); m++) {
            double estimate = estimates.get(ids.get(m));
            if (Double.isNaN(estimate)) {
                out.put(ids.get(m), IntervalEstimate.undefined("the difference itself is undefined."));
            } else if (jackknife == null) {
                out.put(ids.get(m), BootstrapIntervals.percentile(replicates[m], ci.level()));
            } else {
                out.put(ids.get(m), BootstrapIntervals.bca(replicates[m], estimate, jackknife[m], ci.level()));
            }
        }
        return out;
    }

    private void requireEnoughRows(IntervalSettings ci) {
        if (ci.method() == IntervalMethod.WILSON) {
            throw new InvalidInputException("A difference of two models has no Wilson interval; use the percentile or bca"
                    + " bootstrap.");
        }
        if (truth.length < MetricBootstrap.MIN_ROWS) {
            throw new InvalidInputException("A bootstrap interval of the difference needs at least " + MetricBootstrap.MIN_ROWS
                    + " rows, got " + truth.length + "; compare the models on more rows.");
        }
        if (ci.method() == IntervalMethod.BCA && truth.length > MetricBootstrap.BCA_MAX_ROWS) {
            throw new InvalidInputException("A BCa interval evaluates both models once without each row, " + truth.length
                    + " times here, which takes too long above " + MetricBootstrap.BCA_MAX_ROWS + " rows; use the percentile"
                    + " method.");
        }
        int[][] strata = strata();
        for (int s = 0; s < strata.length; s++) {
            if (strata[s].length < 2) {
                throw new InvalidInputException("The " + (s == 1 ? "positive" : "negative") + " class has " + strata[s].length
                        + " row" + (strata[s].length == 1 ? "" : "s") + ", and the bootstrap resamples each class separately,"
                        + " which needs at least 2 rows per class; compare the models on more rows.");
            }
        }
    }

    private Evaluation evaluate(double[] scores, int[] rows) {
        boolean[] t = new boolean[rows.length];
        double[] s = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = truth[rows[i]];
            s[i] = scores[rows[i]];
        }
        return Evaluator.binary(t, s, null, null, settings);
    }
}
