package dev.assay.core.metrics;

/**
 * The rows of a binary evaluation with predicted classes, as the evaluation read them: whether each
 * row is of the positive class and whether it was predicted so (from the prediction column, or the
 * score against the threshold). Checks defined row by row on predicted classes (weak-segment search)
 * take them from {@link Evaluation#binaryOutcomes()} so that they use the same positive class and
 * threshold as the metrics. Immutable: the arrays are copied in and out.
 */
public final class BinaryOutcomes {
    private final boolean[] truth;
    private final boolean[] predicted;
    private final String positiveClass;

    /**
     * @param truth whether each row is positive
     * @param predicted whether each row was predicted positive; same length
     * @param positiveClass the label value counted as positive
     */
    public BinaryOutcomes(boolean[] truth, boolean[] predicted, String positiveClass) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predicted differ in length: " + truth.length + " and " + predicted.length);
        }
        this.truth = truth.clone();
        this.predicted = predicted.clone();
        this.positiveClass = positiveClass;
    }

    /** The number of rows. */
    public int rows() {
        return truth.length;
    }

    /** Whether row {@code i} is of the positive class. */
    public boolean truth(int i) {
        return truth[i];
    }

    /** Whether row {@code i} was predicted positive. */
    public boolean predicted(int i) {
        return predicted[i];
    }

    /** The label value counted as positive. */
    public String positiveClass() {
        return positiveClass;
    }
}
