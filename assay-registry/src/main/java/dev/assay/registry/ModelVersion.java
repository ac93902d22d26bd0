package dev.assay.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One registered version of a named model.
 *
 * @param name the model's name
 * @param version the version number, 1 for the first, counting up per model
 * @param sha256 the lower-case hex SHA-256 of the model file, which addresses it in the artifact store
 * @param fileName the file name it was registered under, e.g. {@code model.onnx}
 * @param framework the adapter that runs it: {@code onnx}, {@code tribuo} or {@code http}
 * @param sizeBytes the file's size
 * @param metadata what the adapter reports: task, classes, inputs, outputs, producer
 * @param tags the user's tags
 * @param lineage training data, parent version and code revision
 * @param registeredAt when it was first registered
 * @param registeredBy who registered it
 */
public record ModelVersion(String name, int version, String sha256, String fileName, String framework, long sizeBytes,
        Map<String, String> metadata, Map<String, String> tags, Lineage lineage, Instant registeredAt, String registeredBy) {

    public ModelVersion {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        lineage = lineage == null ? Lineage.NONE : lineage;
    }

    /** {@code name@version}, as commands take it. */
    public String reference() {
        return name + "@" + version;
    }
}
