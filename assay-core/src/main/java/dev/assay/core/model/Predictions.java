package dev.assay.core.model;

import dev.assay.core.metrics.Task;

/** What a model returned for a batch of rows: classes (with probabilities) or values. */
public sealed interface Predictions permits ClassPredictions, ValuePredictions {

    /** The number of rows predicted. */
    int rows();

    /** No rows: what a model returns for an empty frame. */
    static Predictions empty(ModelInfo info) {
        return info.task() == Task.REGRESSION ? new ValuePredictions(new double[0])
                : new ClassPredictions(info.classes(), new int[0], info.capabilities().probabilities() ? new double[0] : null);
    }

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
