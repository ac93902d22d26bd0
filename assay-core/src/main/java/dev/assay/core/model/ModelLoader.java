package dev.assay.core.model;

/**
 * Loads one kind of model ({@code onnx}, {@code tribuo}, {@code http}...). Adapters register an
 * implementation as a {@link java.util.ServiceLoader} service, so that {@link ModelLoaders} finds
 * them without the command line or the suite reader knowing each adapter.
 */
public interface ModelLoader {

    /** The adapter's type name as written in suite files, e.g. {@code onnx}. */
    String type();

    /** Whether this adapter reads {@code source} when no type is given, judged by extension or URL scheme. */
    boolean recognizes(ModelSource source);

    /**
     * Loads the model.
     *
     * @throws dev.assay.core.error.InvalidInputException naming the location and the fix when the
     *     model cannot be read or reached, or an option is invalid
     */
    Model load(ModelSource source);
}
