package dev.assay.spark;

import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ProbabilityLossAccumulator;
import java.io.Serializable;
import java.util.Iterator;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;

/**
 * Folds binary rows into the statistics of {@code B} Poisson bootstrap replicates at once: per
 * replicate a {@link ConfusionAccumulator} and, per true class, a {@link ProbabilityLossAccumulator}.
 * The input holds each distinct row content {@code (label, prediction, score, weight)} once with the
 * number {@code c} of rows holding it; in replicate {@code b} the content weighs {@code K ~ Poisson(c)}
 * (the sum of {@code c} independent Poisson(1) row weights) times its sample weight. {@code K} is
 * drawn from a stream seeded by the seed and a hash of the content, so the replicates do not depend
 * on how Spark partitions or orders the rows (counts exactly; sums of losses to rounding). With
 * {@code keys}, the input rows carry that many key columns after the count (the groups of the row), which
 * are hashed into the content's stream too, so that equal contents of different groups draw apart.
 */
final class PoissonReplicates implements PartitionFold.SerializingFolder<PoissonReplicates.Partial> {
    private static final long serialVersionUID = 1L;
    /** P(K = k) of Poisson(1) for k = 0..; the inversion stops at the last entry (P beyond: below 1e-16). */
    private static final double[] CUMULATIVE = cumulative();

    private final String positive;
    private final boolean hasPrediction;
    private final boolean hasScore;
    private final boolean hasWeight;
    private final double threshold;
    private final int replicates;
    private final long seed;
    private final int keys;

    PoissonReplicates(String positive, boolean hasPrediction, boolean hasScore, boolean hasWeight, double threshold,
            int replicates, long seed) {
        this(positive, hasPrediction, hasScore, hasWeight, threshold, replicates, seed, 0);
    }

    PoissonReplicates(String positive, boolean hasPrediction, boolean hasScore, boolean hasWeight, double threshold,
            int replicates, long seed, int keys) {
        this.keys = keys;
        this.positive = positive;
        this.hasPrediction = hasPrediction;
        this.hasScore = hasScore;
        this.hasWeight = hasWeight;
        this.threshold = threshold;
        this.replicates = replicates;
        this.seed = seed;
    }

    /** The statistics of each replicate over some rows. */
    static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final ConfusionAccumulator[] confusion;
        /** Replicate b's losses of the negative rows at {@code 2b}, of the positive rows at {@code 2b + 1}. */
        final ProbabilityLossAccumulator[] losses;

        Partial(int replicates) {
            confusion = new ConfusionAccumulator[replicates];
            losses = new ProbabilityLossAccumulator[2 * replicates];
            for (int b = 0; b < replicates; b++) {
                confusion[b] = new ConfusionAccumulator(2);
                losses[2 * b] = new ProbabilityLossAccumulator();
                losses[2 * b + 1] = new ProbabilityLossAccumulator();
            }
        }
    }

    /** A distinct row content with the number of rows holding it and the hash of its key columns (0 without). */
    record Content(String label, String predicted, double score, double weight, long count, long keyHash) {
    }

    /** The content of one input row {@code (label, prediction, score, weight, count)}. */
    Content content(Row r) {
        return new Content(SparkClasses.name(r.get(0)), hasPrediction ? SparkClasses.name(r.get(1)) : null,
                hasScore ? ((Number) r.get(2)).doubleValue() + 0.0 : 0, hasWeight ? ((Number) r.get(3)).doubleValue() : 1,
                r.getLong(4), keyHash(r));
    }

    private long keyHash(Row r) {
        long h = 0;
        for (int k = 0; k < keys; k++) {
            h = step(h, java.util.Objects.toString(r.get(5 + k)).hashCode());
        }
        return h;
    }

    /** Whether {@code c}'s label is the positive class. */
    boolean positive(Content c) {
        return positive.equals(c.label());
    }

    /**
     * The stream of {@code c}'s counts: {@link #poisson}{@code (c.count(), stream)} called once per
     * replicate in order gives its count {@code K} in replicates 0, 1, ...
     */
    SplittableRandom stream(Content c) {
        long h = mix(seed, c.label(), c.predicted(), c.score(), c.weight());
        return new SplittableRandom(keys == 0 ? h : step(h, c.keyHash()));
    }

    int replicates() {
        return replicates;
    }

    @Override
    public Partial fold(Iterator<Row> contents) {
        Partial p = new Partial(replicates);
        boolean[] truth = new boolean[1];
        double[] score = new double[1];
        double[] weight = new double[1];
        while (contents.hasNext()) {
            Content c = content(contents.next());
            truth[0] = positive(c);
            score[0] = c.score();
            boolean decided = hasPrediction ? positive.equals(c.predicted()) : c.score() >= threshold;
            int t = truth[0] ? 1 : 0;
            int d = decided ? 1 : 0;
            SplittableRandom random = stream(c);
            for (int b = 0; b < replicates; b++) {
                long k = poisson(c.count(), random);
                if (k == 0) {
                    continue;
                }
                p.confusion[b].add(t, d, k * c.weight());
                if (hasScore) {
                    weight[0] = k * c.weight();
                    p.losses[2 * b + t].addBinary(truth, score, weight, 0, 1);
                }
            }
        }
        return p;
    }

    /** A Poisson(count) draw: the sum of {@code count} Poisson(1) draws by inversion. */
    static long poisson(long count, SplittableRandom random) {
        long sum = 0;
        for (long i = 0; i < count; i++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < CUMULATIVE.length - 1 && u > CUMULATIVE[k]) {
                k++;
            }
            sum += k;
        }
        return sum;
    }

    private static double[] cumulative() {
        double[] c = new double[20];
        double p = Math.exp(-1);
        double sum = 0;
        for (int k = 0; k < c.length; k++) {
            sum += p;
            c[k] = sum;
            p /= k + 1;
        }
        return c;
    }

    /** A 64-bit seed from the bootstrap seed and a row content (String hashes are fixed by the Java specification). */
    static long mix(long seed, String label, String predicted, double score, double weight) {
        long h = seed;
        h = step(h, label == null ? 0 : label.hashCode());
        h = step(h, predicted == null ? 0 : predicted.hashCode());
        h = step(h, Double.doubleToLongBits(score));
        return step(h, Double.doubleToLongBits(weight));
    }

    private static long step(long h, long v) {
        long z = h * 0x9E3779B97F4A7C15L + v;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public Class<Partial> type() {
        return Partial.class;
    }

    @Override
    public Partial merge(Partial left, Partial right) {
        for (int b = 0; b < replicates; b++) {
            left.confusion[b].merge(right.confusion[b]);
            left.losses[2 * b].merge(right.losses[2 * b]);
            left.losses[2 * b + 1].merge(right.losses[2 * b + 1]);
        }
        return left;
    }
}
