package dev.assay.spark;

import dev.assay.core.metrics.Evaluator;
import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ProbabilityLossAccumulator;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Folds multiclass rows into the mergeable statistics of assay-core: the confusion matrix over the
 * candidate classes ({@link ConfusionAccumulator}), the multiclass log loss sums
 * ({@link ProbabilityLossAccumulator#addMulticlass}), each class's label and prediction rows, and the
 * counts that validate the input (missing values, bad weights, probabilities outside [0, 1], rows whose
 * probabilities do not sum to 1). The rows are {@code (label, prediction, weight, p_0, ..., p_m)} with
 * absent columns as null and the probability columns in class order. Without a prediction column a row
 * is predicted as its class of highest probability, the first in class order on ties, as locally.
 */
final class MulticlassFolder implements PartitionFold.SerializingFolder<MulticlassFolder.Partial> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 4096;
    /** Where the probability columns start in a row. */
    static final int FIRST_PROBABILITY = 3;

    private final Map<String, Integer> classIndex;
    private final int[] probabilityToClass;
    private final int[] classToProbability;
    private final boolean hasPrediction;
    private final boolean hasWeight;

    /**
     * @param classes the candidate classes, in class order: every label, prediction and (argmax) probability class
     * @param probabilityClasses the class of each probability column, named as in {@code classes}
     */
    MulticlassFolder(List<String> classes, List<String> probabilityClasses, boolean hasPrediction, boolean hasWeight) {
        this.classIndex = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            classIndex.put(classes.get(c), c);
        }
        this.probabilityToClass = probabilityClasses.stream().mapToInt(p -> classIndex.getOrDefault(p, -1)).toArray();
        this.classToProbability = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            classToProbability[c] = probabilityClasses.indexOf(classes.get(c));
        }
        this.hasPrediction = hasPrediction;
        this.hasWeight = hasWeight;
    }

    /** The statistics of some rows. */
    static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final ConfusionAccumulator confusion;
        final ProbabilityLossAccumulator losses = new ProbabilityLossAccumulator();
        final long[] labelRows;
        final long[] predictedRows;
        final long[] missingProbabilities;
        final long[] outside;
        long rows;
        long missingLabels;
        long missingPredictions;
        long badWeights;
        long badSums;
        double totalWeight;

        Partial(int classes, int probabilities) {
            confusion = new ConfusionAccumulator(classes);
            labelRows = new long[classes];
            predictedRows = new long[classes];
            missingProbabilities = new long[probabilities];
            outside = new long[probabilities];
        }

        void merge(Partial o) {
            confusion.merge(o.confusion);
            losses.merge(o.losses);
            add(labelRows, o.labelRows);
            add(predictedRows, o.predictedRows);
            add(missingProbabilities, o.missingProbabilities);
            add(outside, o.outside);
            rows += o.rows;
            missingLabels += o.missingLabels;
            missingPredictions += o.missingPredictions;
            badWeights += o.badWeights;
            badSums += o.badSums;
            totalWeight += o.totalWeight;
        }

        private static void add(long[] into, long[] from) {
            for (int i = 0; i < into.length; i++) {
                into[i] += from[i];
            }
        }
    }

    @Override
    public Partial fold(Iterator<Row> rows) {
        int pk = probabilityToClass.length;
        Partial p = new Partial(classIndex.size(), pk);
        int[] truth = new int[BATCH];
        int[] decided = new int[BATCH];
        double[] weight = hasWeight ? new double[BATCH] : null;
        double[][] probabilities = new double[pk][BATCH];
        int n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            p.rows++;
            if (!read(r, p, n, truth, decided, weight, probabilities)) {
                continue;
            }
            if (++n == BATCH) {
                flush(p, truth, decided, weight, probabilities, n);
                n = 0;
            }
        }
        flush(p, truth, decided, weight, probabilities, n);
        return p;
    }

    /**
     * Reads row {@code r} into batch position {@code n}; false when a value is missing or bad, each
     * counted on its own (as locally, every column's missing values are counted).
     */
    private boolean read(Row r, Partial p, int n, int[] truth, int[] decided, double[] weight, double[][] probabilities) {
        boolean good = true;
        String label = SparkClasses.name(r.get(0));
        if (label == null) {
            p.missingLabels++;
            good = false;
        } else {
            truth[n] = classIndex.get(label);
        }
        if (hasPrediction) {
            String predicted = SparkClasses.name(r.get(1));
            if (predicted == null) {
                p.missingPredictions++;
                good = false;
            } else {
                decided[n] = classIndex.get(predicted);
            }
        }
        for (int c = 0; c < probabilityToClass.length; c++) {
            Object v = r.get(FIRST_PROBABILITY + c);
            double d = v == null ? Double.NaN : ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                p.missingProbabilities[c]++;
                good = false;
            }
            probabilities[c][n] = d;
        }
        if (hasWeight) {
            Object w = r.get(2);
            double v = w == null ? Double.NaN : ((Number) w).doubleValue();
            if (!(v >= 0) || Double.isInfinite(v)) {
                p.badWeights++;
                good = false;
            } else {
                weight[n] = v;
                p.totalWeight += v;
            }
        }
        if (!good) {
            return false;
        }
        double sum = 0;
        int best = -1;
        double bestP = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < probabilityToClass.length; c++) {
            double v = probabilities[c][n];
            sum += v;
            if (v < 0 || v > 1) {
                p.outside[c]++;
            }
            if (v > bestP) {
                bestP = v;
                best = c;
            }
        }
        if (probabilityToClass.length > 0 && !(Math.abs(sum - 1) <= Evaluator.PROBABILITY_SUM_TOLERANCE)) {
            p.badSums++;
        }
        if (!hasPrediction) {
            decided[n] = probabilityToClass[best];
        }
        p.labelRows[truth[n]]++;
        p.predictedRows[decided[n]]++;
        return true;
    }

    private void flush(Partial p, int[] truth, int[] decided, double[] weight, double[][] probabilities, int n) {
        p.confusion.addAll(truth, decided, weight, 0, n);
        for (int i = 0; i < n; i++) {
            int column = classToProbability[truth[i]];
            if (column >= 0) {
                p.losses.addMulticlass(probabilities, i, column, weight == null ? 1 : weight[i]);
            }
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
