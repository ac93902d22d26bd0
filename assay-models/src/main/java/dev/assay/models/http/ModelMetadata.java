package dev.assay.models.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ModelInfo;
import dev.assay.models.FeatureMappingJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model metadata of the Open Inference Protocol ({@code GET /v2/models/{name}}) as
 * {@link InferenceServer} writes it and {@link HttpModel} reads it: name, versions, platform,
 * input and output tensors, and in {@code parameters} the task, the classes (a JSON array, or a
 * string holding one) and the feature mapping ({@value #FEATURES_PARAMETER}).
 *
 * @param name the served model's name
 * @param versions the versions, comma-separated; null when not given
 * @param platform the platform; null when not given
 * @param inputs the input tensors as {@code name:DATATYPE[shape]}, space-separated
 * @param outputs the output tensors, in the same form
 * @param outputNames the output names
 * @param task the task; null when not given
 * @param classes the class labels; null when not given
 * @param features the feature mapping; null when not given
 */
record ModelMetadata(String name, String versions, String platform, String inputs, String outputs, List<String> outputNames,
        Task task, List<String> classes, FeatureMapping features) {

    /** The parameter holding the served model's feature mapping as {@link FeatureMappingJson}. */
    static final String FEATURES_PARAMETER = "assay_features";

    /** The metadata of {@code info} served as {@code name}. */
    static byte[] write(String name, ModelInfo info) {
        List<Map<String, Object>> inputs = List.of(tensor(InferenceServer.TENSOR_INPUT, "FP64", List.of(-1, info.features().width())));
        List<Map<String, Object>> outputs = new ArrayList<>();
        if (info.task() == Task.REGRESSION) {
            outputs.add(tensor(OpenInferenceCodec.VALUE, "FP64", List.of(-1)));
        } else {
            outputs.add(tensor(OpenInferenceCodec.LABEL, "BYTES", List.of(-1)));
            if (info.capabilities().probabilities()) {
                outputs.add(tensor(OpenInferenceCodec.PROBABILITIES, "FP64", List.of(-1, info.classes().size())));
            }
        }
        try {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("task", info.task().id());
            parameters.put("classes", Json.MAPPER.writeValueAsString(info.classes()));
            parameters.put("feature_columns", Json.MAPPER.writeValueAsString(info.features().features().stream()
                    .map(FeatureMapping.Feature::column).toList()));
            parameters.put("input_names", Json.MAPPER.writeValueAsString(info.features().inputNames()));
            parameters.put(FEATURES_PARAMETER, FeatureMappingJson.write(info.features()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("versions", List.of());
            m.put("platform", "assay-" + info.kind());
            m.put("inputs", inputs);
            m.put("outputs", outputs);
            m.put("parameters", parameters);
            return Json.MAPPER.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the metadata of model " + name, e);
        }
    }

    /**
     * Reads a metadata document.
     *
     * @param model the model's name in messages
     * @param where the metadata URL, for messages
     * @throws InvalidInputException if the document is not JSON or a parameter is malformed
     */
    static ModelMetadata read(byte[] body, String model, URI where) {
        String subject = "HTTP model '" + model + "': the metadata at " + where;
        JsonNode meta = Json.parse(body, subject, problem -> new InvalidInputException(problem + ". Check that the URL is the "
                + "Open Inference server's base address and the model name is right."));
        JsonNode parameters = meta.path("parameters");
        JsonNode features = parameters.path(FEATURES_PARAMETER);
        List<String> outputNames = new ArrayList<>();
        meta.path("outputs").forEach(o -> outputNames.add(o.path("name").asText()));
        return new ModelMetadata(meta.path("name").asText(model), meta.has("versions") ? join(meta.get("versions")) : null,
                meta.has("platform") ? meta.get("platform").asText() : null, tensors(meta.path("inputs")),
                tensors(meta.path("outputs")), outputNames, task(subject, parameters.path("task")),
                classes(subject, parameters.path("classes")),
                features.isTextual() ? FeatureMappingJson.read(features.textValue(), where.toString()) : null);
    }

    private static Task task(String subject, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        for (Task t : Task.values()) {
            if (t.id().equals(node.asText())) {
                return t;
            }
        }
        throw new InvalidInputException(subject + " gives the task '" + Excerpt.of(node.asText()) + "'; expected binary, "
                + "multiclass or regression. Set the task in the model settings.");
    }

    private static List<String> classes(String subject, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        JsonNode array = node;
        if (node.isTextual()) {
            try {
                array = Json.MAPPER.readTree(node.textValue());
            } catch (JsonProcessingException e) {
                array = null;
            }
        }
        if (array == null || !array.isArray()) {
            throw new InvalidInputException(subject + " lists the classes as " + Excerpt.of(node.toString()) + "; expected a "
                    + "JSON array of labels. Set the classes in the model settings.");
        }
        List<String> out = new ArrayList<>();
        array.forEach(c -> out.add(c.asText()));
        if (new HashSet<>(out).size() != out.size()) {
            throw new InvalidInputException(subject + " lists a class twice: " + Excerpt.of(out.toString()) + ". Set the classes "
                    + "in the model settings, each once, in the order of the probability output.");
        }
        return out;
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return String.join(",", parts);
    }

    private static String tensors(JsonNode list) {
        List<String> parts = new ArrayList<>();
        list.forEach(t -> parts.add(t.path("name").asText() + ":" + t.path("datatype").asText() + t.path("shape")));
        return String.join(" ", parts);
    }

    private static Map<String, Object> tensor(String name, String datatype, List<Integer> shape) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        spec.put("datatype", datatype);
        spec.put("shape", shape);
        return spec;
    }
}
