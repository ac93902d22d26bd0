package dev.assay.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model comes from, as a suite file or the command line names it: a file or a URL, an
 * optional adapter type, and adapter options (batch size, threads, timeouts, HTTP protocol...).
 *
 * @param location a file path or an {@code http(s)://} URL
 * @param type the adapter ({@code onnx}, {@code tribuo}, {@code http}); null to choose it from the
 *     location (extension or scheme)
 * @param options adapter options as text, validated by the adapter
 */
public record ModelSource(String location, String type, Map<String, String> options) {

    public ModelSource {
        Objects.requireNonNull(location, "location");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A model file or URL with no options. */
    public static ModelSource of(String location) {
        return new ModelSource(location, null, Map.of());
    }
}
