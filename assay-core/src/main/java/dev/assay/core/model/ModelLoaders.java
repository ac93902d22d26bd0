package dev.assay.core.model;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@link ModelLoader} registered for a model source and loads the model with it. */
public final class ModelLoaders {
    private static final Pattern URL_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");

    private ModelLoaders() {
    }

    /** Every registered adapter, in class-path order. */
    public static List<ModelLoader> available() {
        return ServiceLoader.load(ModelLoader.class, ModelLoaders.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    /**
     * Loads {@code source} with the adapter of its type, or, without a type, the first adapter that
     * recognises it. When the source names the classes, the model's classes go by those names
     * ({@link ClassMapping#explicit}); its metadata keeps its own names.
     *
     * @throws InvalidInputException when no adapter fits, listing the known types, or the class
     *     names do not fit the model
     */
    public static Model load(ModelSource source) {
        List<ModelLoader> loaders = available();
        for (ModelLoader loader : loaders) {
            if (source.type() == null ? loader.recognizes(source) : loader.type().equalsIgnoreCase(source.type())) {
                return withClasses(loader.load(source), source.classes());
            }
        }
        List<String> types = loaders.stream().map(ModelLoader::type).toList();
        String shown = "'" + Excerpt.of(source.location()) + "'";
        if (source.type() != null) {
            throw new InvalidInputException("Unknown model type '" + Excerpt.of(source.type()) + "' for " + shown + ". Known types: "
                    + types + ".");
        }
        Matcher url = URL_SCHEME.matcher(source.location());
        if (url.lookingAt()) {
            throw new InvalidInputException("The model location " + shown + " is a " + url.group(1) + ":// URL, which Assay does "
                    + "not load models from. Give a model file (.onnx, .tribuo, .tribuo.gz) or the http:// or https:// URL of a "
                    + "model server.");
        }
        throw new InvalidInputException("Cannot tell what kind of model " + shown + " is. Give its type (one of " + types
                + "), or use a file extension or URL that names it (.onnx, .tribuo, .tribuo.gz, http://...).");
    }

    private static Model withClasses(Model model, List<String> names) {
        if (names.isEmpty()) {
            return model;
        }
        try {
            ClassMapping mapping = ClassMapping.explicit(model.info().name(), model.info().classes(), names);
            return mapping.renames() ? new RenamedClassesModel(model, mapping) : model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
