package dev.assay.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model comes from, as a suite file or the command line names it: a file or a URL, an
 * optional adapter type, adapter options (batch size, threads, timeouts, HTTP protocol...) and,
 * optionally, the names of a classifier's classes.
 *
 * @param location a file path or an {@code http(s)://} URL
 * @param type the adapter ({@code onnx}, {@code tribuo}, {@code http}); null to choose it from the
 *     location (extension or scheme)
 * @param options adapter options as text, validated by the adapter
 * @param classes the label values the model's classes stand for, in the order of its outputs
 *     ({@code --model-classes} on the command line, {@code model.classes} in a suite file); empty
 *     to take the model's own class names, matched to the label by {@link ClassMapping#toLabel}
 */
public record ModelSource(String location, String type, Map<String, String> options, List<String> classes) {

    public ModelSource {
        Objects.requireNonNull(location, "location");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    /** A model with options and its own class names. */
    public ModelSource(String location, String type, Map<String, String> options) {
        this(location, type, options, List.of());
    }

    /** A model file or URL with no options. */
    public static ModelSource of(String location) {
        return new ModelSource(location, null, Map.of());
    }
}
