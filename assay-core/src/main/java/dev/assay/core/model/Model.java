package dev.assay.core.model;

import dev.assay.core.data.Frame;

/**
 * A model Assay can call, batch first: ONNX Runtime, Tribuo, an HTTP endpoint or a Java function.
 * Checks that need the model itself (robustness, explanations, latency) take it from here;
 * everything else uses predictions computed once per data set (see {@link PredictionColumns}).
 *
 * <p>Implementations map the frame's columns to their inputs with a {@link FeatureMapping} and
 * say what they can do in {@link ModelInfo#capabilities()}, so that a check can say why it was
 * skipped. Close the model to free native or network resources.
 */
public interface Model extends AutoCloseable {

    /** What the model is, what it takes and what it can do. */
    ModelInfo info();

    /**
     * Predicts every row of {@code features} (which may hold extra columns). Returns exactly one
     * prediction per row, in row order.
     *
     * @throws dev.assay.core.error.InvalidInputException when the data does not fit the model's
     *     inputs (missing column, wrong type, an unknown category) or the model cannot be reached or
     *     answers wrongly; the message names the model, the input and the row count
     */
    Predictions predict(Frame features);

    /** Frees native or network resources; the default does nothing. */
    @Override
    default void close() {
    }
}
