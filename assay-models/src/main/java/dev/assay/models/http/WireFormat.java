package dev.assay.models.http;

import dev.assay.core.data.Frame;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.net.URI;
import java.util.function.Function;

/**
 * How an {@link HttpModel} talks to its server: where a batch is posted, how its rows are written
 * and how the answer becomes predictions. Implementations: {@link OpenInferenceFormat} and
 * {@link JsonTemplateFormat}. Instances are immutable and shared by concurrent calls.
 */
interface WireFormat {

    /** The model as the format describes it, with the metadata for the report. */
    ModelInfo info();

    /** Where each batch is posted. */
    URI target();

    /**
     * The request body for rows {@code from} to {@code to} (exclusive).
     *
     * @param bound the model's feature mapping bound to the frame
     * @param scratch room for at least {@code (to - from) * bound.width()} values, reused between batches
     */
    byte[] encode(Frame frame, FeatureMapping.Bound bound, int from, int to, double[] scratch);

    /**
     * The predictions in {@code answer} for {@code rows} rows starting at row {@code firstRow} (0-based).
     *
     * @param malformed turns a description of what is wrong with the answer into the exception to throw
     */
    Predictions decode(byte[] answer, int firstRow, int rows, Function<String, RuntimeException> malformed);
}
