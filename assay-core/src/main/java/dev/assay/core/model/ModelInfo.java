package dev.assay.core.model;

import dev.assay.core.metrics.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's identity and interface, for checks and for the report's provenance.
 *
 * @param name a display name (e.g. the file name or the endpoint's model name)
 * @param kind the adapter, e.g. {@code onnx}, {@code tribuo}, {@code http}
 * @param task what it predicts
 * @param classes the class labels in the order of its probability outputs; empty for regression
 * @param features how frame columns feed its inputs
 * @param capabilities what it can do
 * @param metadata facts for the report: producer, opset, input and output names and shapes,
 *     training provenance, a content hash of the model file
 */
public record ModelInfo(String name, String kind, Task task, List<String> classes, FeatureMapping features,
        ModelCapabilities capabilities, Map<String, String> metadata) {

    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(capabilities, "capabilities");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (task != Task.REGRESSION && classes.size() < 2) {
            throw new IllegalArgumentException("a " + task.id() + " model needs at least 2 classes, got " + classes);
        }
    }
}
