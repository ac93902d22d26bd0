package dev.assay.core.result;

import java.util.List;
import java.util.Objects;

/**
 * A confusion matrix as data: {@code counts[t][p]} is the number of rows whose true class is
 * {@code labels[t]} and whose predicted class is {@code labels[p]} (the sum of their weights when
 * rows carry weights). Rows are true classes, columns predicted ones, as in scikit-learn's
 * {@code confusion_matrix(y_true, y_pred, labels=labels, sample_weight=w)}. Immutable.
 */
public final class ConfusionCounts {
    private final List<String> labels;
    private final double[][] counts;
    private final boolean weighted;

    /**
     * @param labels the class labels, in the order of rows and columns
     * @param counts a square matrix with one row and one column per label; copied
     * @param weighted whether the counts are sums of sample weights
     */
    public ConfusionCounts(List<String> labels, double[][] counts, boolean weighted) {
        this.labels = List.copyOf(labels);
        Objects.requireNonNull(counts, "counts");
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException(counts.length + " rows of counts for " + labels.size() + " labels");
        }
        this.counts = new double[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            if (counts[t].length != labels.size()) {
                throw new IllegalArgumentException("row " + t + " has " + counts[t].length + " counts for " + labels.size() + " labels");
            }
            this.counts[t] = counts[t].clone();
        }
        this.weighted = weighted;
    }

    /** The class labels, in the order of rows and columns. */
    public List<String> labels() {
        return labels;
    }

    /** The count (or weight) of rows of true class {@code t} predicted as class {@code p}. */
    public double count(int t, int p) {
        return counts[t][p];
    }

    /** Whether the counts are sums of sample weights. */
    public boolean weighted() {
        return weighted;
    }
}
