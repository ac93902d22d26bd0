package dev.assay.spark;

import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ProbabilityLossAccumulator;
import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * Folds binary rows into the mergeable statistics of assay-core: the confusion counts at the decision
 * ({@link ConfusionAccumulator}), the probability losses ({@link ProbabilityLossAccumulator}) and the
 * counts that validate the input (missing values, scores outside [0, 1], bad weights). The rows are
 * {@code (label, prediction, score, weight)} with absent columns as null; a label or prediction is
 * positive when its class name ({@link SparkClasses#name}) is the positive class.
 */
final class BinaryFolder implements PartitionFold.SerializingFolder<BinaryFolder.Partial> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 4096;

    private final String positive;
    private final boolean hasPrediction;
    private final boolean hasScore;
    private final boolean hasWeight;
    private final double threshold;

    BinaryFolder(String positive, boolean hasPrediction, boolean hasScore, boolean hasWeight, double threshold) {
        this.positive = positive;
        this.hasPrediction = hasPrediction;
        this.hasScore = hasScore;
        this.hasWeight = hasWeight;
        this.threshold = threshold;
    }

    /** The statistics of some rows. */
    static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final ConfusionAccumulator confusion = new ConfusionAccumulator(2);
        final ProbabilityLossAccumulator losses = new ProbabilityLossAccumulator();
        long rows;
        long positives;
        long missingLabels;
        long missingPredictions;
        long missingScores;
        long badWeights;
        double totalWeight;
        double minScore = Double.POSITIVE_INFINITY;
        double maxScore = Double.NEGATIVE_INFINITY;

        void merge(Partial o) {
            confusion.merge(o.confusion);
            losses.merge(o.losses);
            rows += o.rows;
            positives += o.positives;
            missingLabels += o.missingLabels;
            missingPredictions += o.missingPredictions;
            missingScores += o.missingScores;
            badWeights += o.badWeights;
            totalWeight += o.totalWeight;
            minScore = Math.min(minScore, o.minScore);
            maxScore = Math.max(maxScore, o.maxScore);
        }
    }

    @Override
    public Partial fold(Iterator<Row> rows) {
        Partial p = new Partial();
        boolean[] truth = new boolean[BATCH];
        boolean[] decided = new boolean[BATCH];
        double[] score = new double[BATCH];
        double[] weight = hasWeight ? new double[BATCH] : null;
        int n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            p.rows++;
            String label = SparkClasses.name(r.get(0));
            if (label == null) {
                p.missingLabels++;
                continue;
            }
            truth[n] = label.equals(positive);
            if (hasPrediction) {
                String predicted = SparkClasses.name(r.get(1));
                if (predicted == null) {
                    p.missingPredictions++;
                    continue;
                }
                decided[n] = predicted.equals(positive);
            }
            if (hasScore) {
                Object s = r.get(2);
                double v = s == null ? Double.NaN : ((Number) s).doubleValue();
                if (Double.isNaN(v)) {
                    p.missingScores++;
                    continue;
                }
                score[n] = v;
                p.minScore = Math.min(p.minScore, v);
                p.maxScore = Math.max(p.maxScore, v);
                if (!hasPrediction) {
                    decided[n] = v >= threshold;
                }
            }
            if (hasWeight) {
                Object w = r.get(3);
                double v = w == null ? Double.NaN : ((Number) w).doubleValue();
                if (!(v >= 0) || Double.isInfinite(v)) {
                    p.badWeights++;
                    continue;
                }
                weight[n] = v;
                p.totalWeight += v;
            }
            p.positives += truth[n] ? 1 : 0;
            if (++n == BATCH) {
                flush(p, truth, decided, score, weight, n);
                n = 0;
            }
        }
        flush(p, truth, decided, score, weight, n);
        return p;
    }

    private void flush(Partial p, boolean[] truth, boolean[] decided, double[] score, double[] weight, int n) {
        if (hasPrediction || hasScore) {
            p.confusion.addBinary(truth, decided, weight, 0, n);
        }
        if (hasScore) {
            p.losses.addBinary(truth, score, weight, 0, n);
        }
    }

    @Override
    public Class<Partial> type() {
        return Partial.class;
    }

    @Override
    public Partial merge(Partial left, Partial right) {
        left.merge(right);
        return left;
    }
}
