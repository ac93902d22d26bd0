package dev.assay.core.monitor;

import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Confidence-based performance estimation (CBPE, NannyML) for a binary classifier: estimates the
 * metrics of a window whose labels have not arrived from its scores alone. The scores are calibrated on
 * labelled reference data ({@link IsotonicCalibrator}); a row predicted positive with calibrated
 * probability {@code p} adds {@code p} to the expected true positives and {@code 1 - p} to the expected
 * false positives, a row predicted negative {@code p} to the false negatives and {@code 1 - p} to the
 * true negatives; accuracy, precision, recall and F1 are read from these expected cells
 * ({@link BinaryCounts}); ROC AUC from the curve of cumulative expected positives and negatives in
 * descending calibrated probability ({@link RocArea}, NannyML's {@code estimate_roc_auc}).
 *
 * <p>The estimate is unbiased when the calibration holds in the window, i.e. under covariate shift
 * without concept shift. Alert band (NannyML's default thresholds): the reference rows are cut into
 * consecutive chunks of {@code chunkSize} (an incomplete last chunk dropped); the realised metric's mean
 * {@code m} and standard deviation {@code s} (population, {@code ddof = 0}) over the chunks give
 * {@code m +- 3 s}, clipped to [0, 1]. Sampling error: the standard deviation {@code e} of the realised
 * metric over {@value #RESAMPLES} random chunks of {@code chunkSize} reference rows (seeded, rows drawn
 * without replacement, {@code e} divided by the finite-population factor {@code sqrt((N - chunkSize) / (N - 1))}
 * of a reference of {@code N} rows), scaled to a window of {@code n} rows as {@code e sqrt(chunkSize / n)}; random
 * chunks rather than the few consecutive ones because a standard deviation over eight chunks is itself
 * off by a quarter.
 *
 * <p>From a {@link WindowAggregate} the scores are known per bin of width 1/1000 and each bin's rows
 * get the calibrated probability of their mean score; the cells differ from the per-row sums by at
 * most the calibrator's change within one bin. Reference: NannyML 0.8 {@code CBPE} formulas, computed
 * with scikit-learn 1.2.1 in {@code scripts/golden/monitor_cbpe_golden.py}.
 */
public final class Cbpe {
    /** The metrics estimated, in report order. */
    public static final List<String> METRICS = List.of("accuracy", "precision", "recall", "f1", "roc_auc");
    private static final double BAND = 3;
    /** Random reference chunks behind the sampling error. */
    public static final int RESAMPLES = 300;
    private static final long SEED = 17;

    private final IsotonicCalibrator calibrator;
    private final int chunkSize;
    private final Map<String, double[]> spread;
    private final Map<String, Double> chunkError;

    private Cbpe(IsotonicCalibrator calibrator, int chunkSize, Map<String, double[]> spread, Map<String, Double> chunkError) {
        this.calibrator = calibrator;
        this.chunkSize = chunkSize;
        this.spread = spread;
        this.chunkError = chunkError;
    }

    /**
     * Fits on labelled reference rows: score, predicted class and true class per row, in time order.
     *
     * @throws InvalidInputException when the arrays differ in length, fewer than two chunks fit, a score
     *     is outside [0, 1], or the reference lacks one of the classes
     */
    public static Cbpe fit(double[] scores, boolean[] predicted, boolean[] truth, int chunkSize) {
        int n = scores.length;
        if (predicted.length != n || truth.length != n) {
            throw new InvalidInputException("The reference has " + n + " scores, " + predicted.length + " predictions and "
                    + truth.length + " labels; give one of each per row.");
        }
        if (chunkSize < 1 || n / chunkSize < 2) {
            throw new InvalidInputException("The reference has " + n + " rows, fewer than two chunks of " + chunkSize
                    + "; give more reference rows or a smaller chunk size.");
        }
        long positives = IntStream.range(0, n).filter(i -> truth[i]).count();
        if (positives == 0 || positives == n) {
            throw new InvalidInputException("Every reference label is " + (positives == 0 ? "negative" : "positive")
                    + "; calibration needs both classes in the reference.");
        }
        for (int i = 0; i < n; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new InvalidInputException("Reference row " + (i + 1) + " has score " + scores[i] + "; scores must be in [0, 1].");
            }
        }
        IsotonicCalibrator calibrator = IsotonicCalibrator.fit(scores, truth);
        int chunks = n / chunkSize;
        Map<String, double[]> values = chunkMetrics(scores, predicted, truth, chunks, c -> IntStream.range(c * chunkSize, (c + 1) * chunkSize)
                .toArray());
        Map<String, double[]> spread = new LinkedHashMap<>();
        values.forEach((m, v) -> spread.put(m, meanAndStd(v)));
        SplittableRandom random = new SplittableRandom(SEED);
        int[] pool = IntStream.range(0, n).toArray();
        Map<String, double[]> resampled = chunkMetrics(scores, predicted, truth, RESAMPLES, c -> draw(pool, chunkSize, random));
        Map<String, Double> chunkError = new LinkedHashMap<>();
        double finitePopulation = Math.sqrt((double) (n - chunkSize) / (n - 1));
        resampled.forEach((m, v) -> chunkError.put(m, meanAndStd(v)[1] / finitePopulation));
        return new Cbpe(calibrator, chunkSize, spread, chunkError);
    }

    /** The realised metrics of {@code count} chunks of reference rows, chunk {@code c} being {@code rows.apply(c)}. */
    private static Map<String, double[]> chunkMetrics(double[] scores, boolean[] predicted, boolean[] truth, int count,
            IntFunction<int[]> rows) {
        Map<String, double[]> values = new LinkedHashMap<>();
        METRICS.forEach(m -> values.put(m, new double[count]));
        for (int c = 0; c < count; c++) {
            int[] chunk = rows.apply(c);
            double[] cells = new double[4];
            double[] s = new double[chunk.length];
            boolean[] t = new boolean[chunk.length];
            for (int k = 0; k < chunk.length; k++) {
                int i = chunk[k];
                addExpected(cells, predicted[i], 1, truth[i] ? 1 : 0);
                s[k] = scores[i];
                t[k] = truth[i];
            }
            BinaryCounts counts = new BinaryCounts(cells[0], cells[1], cells[2], cells[3]);
            for (String m : METRICS) {
                values.get(m)[c] = m.equals("roc_auc") ? realisedAuc(s, t) : counts.metric(m);
            }
        }
        return values;
    }

    /** {@code k} distinct rows of {@code pool} (a partial Fisher-Yates shuffle, which leaves {@code pool} permuted). */
    private static int[] draw(int[] pool, int k, SplittableRandom random) {
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, k);
    }

    /** The calibrator fitted on the reference. */
    public IsotonicCalibrator calibrator() {
        return calibrator;
    }

    /** Mean and standard deviation of {@code metric} over the reference chunks. */
    public double[] referenceSpread(String metric) {
        return spread.get(metric).clone();
    }

    /** The standard deviation of {@code metric} over random reference chunks, the base of the sampling error. */
    public double chunkError(String metric) {
        return chunkError.get(metric);
    }

    /** The expected confusion cells of rows with these scores and predicted classes, row by row. */
    public BinaryCounts expected(double[] scores, boolean[] predicted) {
        double[] cells = new double[4];
        for (int i = 0; i < scores.length; i++) {
            addExpected(cells, predicted[i], 1, calibrator.apply(scores[i]));
        }
        return new BinaryCounts(cells[0], cells[1], cells[2], cells[3]);
    }

    /** The expected confusion cells from a window's scores by predicted class. */
    public BinaryCounts expected(ScoreBins bins) {
        double[] cells = new double[4];
        for (int c = 0; c < 2; c++) {
            for (int b = 0; b < ScoreBins.BINS; b++) {
                long k = bins.count(c, b);
                if (k > 0) {
                    addExpected(cells, c == 1, k, calibrator.apply(bins.sum(c, b) / k));
                }
            }
        }
        return new BinaryCounts(cells[0], cells[1], cells[2], cells[3]);
    }

    /** NannyML's estimated ROC AUC of rows with these scores, row by row. */
    public double rocAuc(double[] scores) {
        double[] p = calibrator.apply(scores);
        Arrays.sort(p);
        List<double[]> groups = new ArrayList<>();
        for (int i = p.length - 1; i >= 0; i--) {
            if (groups.isEmpty() || p[i] != p[i + 1]) {
                groups.add(new double[2]);
            }
            double[] g = groups.get(groups.size() - 1);
            g[0] += p[i];
            g[1] += 1 - p[i];
        }
        return RocArea.of(groups.stream().mapToDouble(g -> g[0]).toArray(), groups.stream().mapToDouble(g -> g[1]).toArray());
    }

    /** The estimated ROC AUC from a window's scores, one curve point per bin. */
    public double rocAuc(ScoreBins bins) {
        double[] pos = new double[ScoreBins.BINS];
        double[] neg = new double[ScoreBins.BINS];
        for (int b = 0; b < ScoreBins.BINS; b++) {
            int g = ScoreBins.BINS - 1 - b;
            for (int c = 0; c < 2; c++) {
                long k = bins.count(c, b);
                if (k > 0) {
                    double p = calibrator.apply(bins.sum(c, b) / k);
                    pos[g] += k * p;
                    neg[g] += k * (1 - p);
                }
            }
        }
        return RocArea.of(pos, neg);
    }

    /** Every metric of {@code window}: estimate, sampling error, alert band and, as far as labels arrived, realised value. */
    public List<CbpeEstimate> estimate(WindowAggregate window) {
        BinaryCounts expected = expected(window.predicted());
        BinaryCounts realised = BinaryCounts.of(window.realised());
        long n = window.rows();
        List<CbpeEstimate> out = new ArrayList<>();
        for (String m : METRICS) {
            boolean auc = m.equals("roc_auc");
            double estimate = auc ? rocAuc(window.predicted()) : expected.metric(m);
            double real = window.labelledRows() == 0 ? Double.NaN : auc ? labelledAuc(window.labelled()) : realised.metric(m);
            double[] s = spread.get(m);
            double error = n == 0 ? Double.NaN : chunkError.get(m) * Math.sqrt((double) chunkSize / n);
            out.add(new CbpeEstimate(m, estimate, error, Math.max(0, s[0] - BAND * s[1]), Math.min(1, s[0] + BAND * s[1]), real,
                    window.labelCoverage()));
        }
        return out;
    }

    private static void addExpected(double[] cells, boolean positive, double k, double p) {
        if (positive) {
            cells[0] += k * p;
            cells[1] += k * (1 - p);
        } else {
            cells[2] += k * p;
            cells[3] += k * (1 - p);
        }
    }

    /** ROC AUC of labelled rows, ties by score counted half (as {@code roc_auc_score}). */
    static double realisedAuc(double[] scores, boolean[] truth) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
        List<double[]> groups = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (k == 0 || scores[i] != scores[order[k - 1]]) {
                groups.add(new double[2]);
            }
            groups.get(groups.size() - 1)[truth[i] ? 0 : 1]++;
        }
        return RocArea.of(groups.stream().mapToDouble(g -> g[0]).toArray(), groups.stream().mapToDouble(g -> g[1]).toArray());
    }

    /** ROC AUC of the labelled rows of a window, one curve point per score bin. */
    static double labelledAuc(ScoreBins labelled) {
        double[] pos = new double[ScoreBins.BINS];
        double[] neg = new double[ScoreBins.BINS];
        for (int b = 0; b < ScoreBins.BINS; b++) {
            pos[ScoreBins.BINS - 1 - b] = labelled.count(1, b);
            neg[ScoreBins.BINS - 1 - b] = labelled.count(0, b);
        }
        return RocArea.of(pos, neg);
    }

    private static double[] meanAndStd(double[] v) {
        double mean = Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
        double ss = Arrays.stream(v).filter(x -> !Double.isNaN(x)).map(x -> (x - mean) * (x - mean)).average().orElse(Double.NaN);
        return new double[] {mean, Math.sqrt(ss)};
    }
}
