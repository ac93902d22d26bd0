package dev.assay.core.model;

/** What a model returned for a batch of rows: classes (with probabilities) or values. */
public sealed interface Predictions permits ClassPredictions, ValuePredictions {

    /** The number of rows predicted. */
    int rows();

    /** The predictions of consecutive batches joined in order; all parts must be of the same kind. */
    static Predictions concat(java.util.List<? extends Predictions> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no predictions to join");
        }
        if (parts.get(0) instanceof ClassPredictions first) {
            return ClassPredictions.concat(first.classes(), parts.stream().map(ClassPredictions.class::cast).toList());
        }
        return ValuePredictions.concat(parts.stream().map(ValuePredictions.class::cast).toList());
    }
}
