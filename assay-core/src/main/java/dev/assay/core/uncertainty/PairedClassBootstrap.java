package dev.assay.core.uncertainty;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Paired bootstrap of the difference of a multiclass metric between two sets of predictions of the same rows:
 * {@code Δ = metric(candidate) − metric(baseline)}, the multiclass counterpart of {@link PairedBootstrap}. Every
 * resample draws the same rows for both (with replacement, stratified by the true class as {@link MetricBootstrap}
 * draws), resample b from the b-th generator split from {@code new SplittableRandom(seed)}; the interval is the
 * percentile interval of the replicates. Metric ids are those of {@link Evaluator#multiclass}.
 *
 * @param truth the true class index of each row
 * @param classes the class names
 * @param baseline the baseline's predicted class index of each row
 * @param baselineProbabilities the baseline's {@code [class][row]} probabilities, or null
 * @param candidate the candidate's predicted class index of each row
 * @param candidateProbabilities the candidate's {@code [class][row]} probabilities, or null
 * @param settings the evaluation settings (zero division)
 */
public record PairedClassBootstrap(int[] truth, List<String> classes, int[] baseline, double[][] baselineProbabilities,
        int[] candidate, double[][] candidateProbabilities, EvaluationSettings settings) {

    public PairedClassBootstrap {
        Objects.requireNonNull(settings, "settings");
        if (baseline.length != truth.length || candidate.length != truth.length) {
            throw new IllegalArgumentException("one label and two predictions per row, got " + truth.length + " labels, "
                    + baseline.length + " baseline and " + candidate.length + " candidate predictions");
        }
        classes = List.copyOf(classes);
        settings = settings.withTask(Task.MULTICLASS);
    }

    /** {@code metric(candidate) − metric(baseline)} on all rows. */
    public double difference(String metric) {
        return difference(IntStream.range(0, truth.length).toArray(), metric);
    }

    /** The difference on the rows {@code rows} (0-based, repeats allowed). */
    public double difference(int[] rows, String metric) {
        int[] t = pick(truth, rows);
        double b = Evaluator.multiclass(t, pick(baseline, rows), classes, pick(baselineProbabilities, rows), null, settings)
                .metric(metric).value();
        double c = Evaluator.multiclass(t, pick(candidate, rows), classes, pick(candidateProbabilities, rows), null, settings)
                .metric(metric).value();
        return c - b;
    }

    /**
     * The percentile interval of the difference.
     *
     * @throws InvalidInputException with fewer than {@value MetricBootstrap#MIN_ROWS} rows
     */
    public IntervalEstimate interval(String metric, IntervalSettings ci, long seed) {
        if (truth.length < MetricBootstrap.MIN_ROWS) {
            throw new InvalidInputException("A bootstrap interval of the difference needs at least " + MetricBootstrap.MIN_ROWS
                    + " rows, got " + truth.length + "; use more rows.");
        }
        if (Double.isNaN(difference(metric))) {
            return IntervalEstimate.undefined("the difference itself is undefined.");
        }
        int[][] strata = strata();
        SplittableRandom[] streams = MetricBootstrap.streams(seed, ci.resamples());
        double[] replicates = new double[streams.length];
        IntStream.range(0, streams.length).parallel()
                .forEach(b -> replicates[b] = difference(MetricBootstrap.draw(strata, streams[b]), metric));
        return BootstrapIntervals.percentile(replicates, ci.level());
    }

    private int[][] strata() {
        int[] counts = new int[classes.size()];
        for (int t : truth) {
            counts[t]++;
        }
        int[][] out = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            out[c] = new int[counts[c]];
        }
        int[] next = new int[counts.length];
        for (int i = 0; i < truth.length; i++) {
            out[truth[i]][next[truth[i]]++] = i;
        }
        return out;
    }

    private static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static double[][] pick(double[][] values, int[] rows) {
        if (values == null) {
            return null;
        }
        double[][] out = new double[values.length][rows.length];
        for (int c = 0; c < values.length; c++) {
            for (int i = 0; i < rows.length; i++) {
                out[c][i] = values[c][rows[i]];
            }
        }
        return out;
    }
}
