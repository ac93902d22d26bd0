package dev.assay.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Predicted classes of a classifier, with class probabilities when it has them.
 *
 * @param classes the class labels; {@code predicted} and the probability columns index into it
 * @param predicted the predicted class of each row, as an index into {@code classes}
 * @param probabilities row-major probabilities, {@code probabilities[row * classes.size() + c]};
 *     null when the model gives none
 */
public record ClassPredictions(List<String> classes, int[] predicted, double[] probabilities) implements Predictions {

    public ClassPredictions {
        classes = List.copyOf(classes);
        Objects.requireNonNull(predicted, "predicted");
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] < 0 || predicted[i] >= classes.size()) {
                throw new IllegalArgumentException("row " + i + " predicts class index " + predicted[i] + " of " + classes.size());
            }
        }
        if (probabilities != null && probabilities.length != (long) predicted.length * classes.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + predicted.length + " rows of "
                    + classes.size() + " classes");
        }
    }

    /**
     * Predictions from row-major class probabilities, each row predicted as its most probable class
     * (the first of equals, as numpy's {@code argmax}).
     */
    public static ClassPredictions mostProbable(List<String> classes, double[] probabilities) {
        int[] predicted = new int[probabilities.length / classes.size()];
        mostProbable(probabilities, classes.size(), 0, predicted.length, predicted);
        return new ClassPredictions(classes, predicted, probabilities);
    }

    /**
     * Writes the most probable class of rows {@code from} to {@code to} of row-major {@code probabilities}
     * (of {@code k} classes) into {@code predicted} at the same rows.
     */
    public static void mostProbable(double[] probabilities, int k, int from, int to, int[] predicted) {
        for (int r = from; r < to; r++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probabilities[r * k + c] > probabilities[r * k + best]) {
                    best = c;
                }
            }
            predicted[r] = best;
        }
    }

    @Override
    public int rows() {
        return predicted.length;
    }

    /** The probability of class {@code c} for {@code row}. */
    public double probability(int row, int c) {
        if (probabilities == null) {
            throw new IllegalStateException("this model gives no class probabilities");
        }
        return probabilities[row * classes.size() + c];
    }

    static ClassPredictions concat(List<String> classes, List<ClassPredictions> parts) {
        int rows = parts.stream().mapToInt(ClassPredictions::rows).sum();
        int k = classes.size();
        boolean withProbabilities = parts.stream().allMatch(p -> p.probabilities() != null);
        int[] predicted = new int[rows];
        double[] probabilities = withProbabilities ? new double[rows * k] : null;
        int at = 0;
        for (ClassPredictions p : parts) {
            if (!p.classes().equals(classes)) {
                throw new IllegalArgumentException("batches disagree on the classes: " + classes + " and " + p.classes());
            }
            System.arraycopy(p.predicted(), 0, predicted, at, p.rows());
            if (withProbabilities) {
                System.arraycopy(p.probabilities(), 0, probabilities, at * k, p.rows() * k);
            }
            at += p.rows();
        }
        return new ClassPredictions(classes, predicted, probabilities);
    }
}
