package dev.assay.core.explain;

import dev.assay.core.model.Predictions;

/** A score of a model's predictions of fixed rows, higher meaning better (as scikit-learn's scorers). */
@FunctionalInterface
public interface Scorer {

    /** The score of {@code predictions}, one per row of the scored data, in row order. */
    double score(Predictions predictions);
}
