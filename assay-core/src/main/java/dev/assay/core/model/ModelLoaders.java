package dev.assay.core.model;

import dev.assay.core.error.InvalidInputException;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link ModelLoader} registered for a model source and loads the model with it. */
public final class ModelLoaders {
    private ModelLoaders() {
    }

    /** Every registered adapter, in class-path order. */
    public static List<ModelLoader> available() {
        return ServiceLoader.load(ModelLoader.class, ModelLoaders.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    /**
     * Loads {@code source} with the adapter of its type, or, without a type, the first adapter that
     * recognises it.
     *
     * @throws InvalidInputException when no adapter fits, listing the known types
     */
    public static Model load(ModelSource source) {
        List<ModelLoader> loaders = available();
        for (ModelLoader loader : loaders) {
            if (source.type() == null ? loader.recognizes(source) : loader.type().equalsIgnoreCase(source.type())) {
                return loader.load(source);
            }
        }
        List<String> types = loaders.stream().map(ModelLoader::type).toList();
        throw new InvalidInputException(source.type() == null
                ? "Cannot tell what kind of model " + source.location() + " is. Give its type (one of " + types
                        + "), or use a file extension or URL that names it (.onnx, .tribuo, http://...)."
                : "Unknown model type '" + source.type() + "' for " + source.location() + ". Known types: " + types + ".");
    }
}
