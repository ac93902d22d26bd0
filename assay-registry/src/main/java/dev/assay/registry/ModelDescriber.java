package dev.assay.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells what a model file is and reads the facts the registry keeps about it. ONNX
 * ({@code .onnx}) and Tribuo ({@code .tribuo}, {@code .tribuo.gz}) files are loaded through
 * their adapters, which report the task, classes, inputs and outputs; an HTTP endpoint is
 * registered as a JSON description file ({@code .json}):
 * <pre>{"url": "http://host:8080/v2/models/credit", "options": {"protocol": "v2"}}</pre>
 * whose URL and options are kept; the endpoint is not contacted.
 */
public final class ModelDescriber {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelDescriber() {
    }

    /**
     * The facts about a model file.
     *
     * @param framework {@code onnx}, {@code tribuo} or {@code http}
     * @param metadata task, classes, inputs, outputs and the adapter's own facts
     */
    public record Description(String framework, Map<String, String> metadata) {
    }

    /**
     * Describes {@code file}, named {@code fileName} (whose extension tells the framework).
     *
     * @throws InvalidInputException naming the file when its kind is unknown or it cannot be loaded
     */
    public static Description describe(Path file, String fileName) {
        if (Files.isRegularFile(file) && file.toFile().length() == 0) {
            throw new InvalidInputException("Model file " + file + " is empty (0 bytes). It was not written completely; write or "
                    + "copy it again.");
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            HttpEndpoint endpoint = HttpEndpoint.read(file, fileName);
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("url", endpoint.url());
            endpoint.options().forEach((k, v) -> metadata.put("option." + k, v));
            return new Description("http", metadata);
        }
        String framework = lower.endsWith(".onnx") ? "onnx" : lower.endsWith(".tribuo") || lower.endsWith(".tribuo.gz") ? "tribuo"
                : null;
        if (framework == null) {
            throw new InvalidInputException("Cannot tell what kind of model " + fileName + " is. Register an ONNX file (.onnx), "
                    + "a Tribuo model (.tribuo, .tribuo.gz) or an HTTP endpoint description (.json with a \"url\").");
        }
        try (Model model = ModelLoaders.load(new ModelSource(file.toString(), framework, Map.of()))) {
            ModelInfo info = model.info();
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("task", info.task().id());
            if (!info.classes().isEmpty()) {
                metadata.put("classes", String.join(",", info.classes()));
            }
            metadata.put("features", String.join(",", info.features().inputNames()));
            info.metadata().forEach((k, v) -> {
                if (!k.equals("fingerprint")) {
                    metadata.put(k, v);
                }
            });
            return new Description(framework, metadata);
        }
    }

    /**
     * An HTTP model endpoint as a description file gives it.
     *
     * @param url the endpoint's {@code http(s)://} URL
     * @param options the adapter options (protocol, timeouts, ...)
     */
    public record HttpEndpoint(String url, Map<String, String> options) {

        /** Reads a description file, named {@code fileName} in messages. */
        public static HttpEndpoint read(Path file, String fileName) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new InvalidInputException("HTTP endpoint description " + fileName + " is not valid JSON: "
                        + e.getMessage() + ". Write it as {\"url\": \"http://host:port/...\", \"options\": {...}}.", e);
            }
            JsonNode url = root == null ? null : root.get("url");
            if (url == null || !url.isTextual() || !url.asText().matches("(?i)https?://.+")) {
                throw new InvalidInputException("HTTP endpoint description " + fileName + " has no \"url\" member with an http:// "
                        + "or https:// URL. Write it as {\"url\": \"http://host:port/...\", \"options\": {...}}.");
            }
            Map<String, String> options = new LinkedHashMap<>();
            JsonNode given = root.get("options");
            if (given != null && given.isObject()) {
                given.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
            }
            return new HttpEndpoint(url.asText(), options);
        }
    }
}
