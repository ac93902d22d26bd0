package dev.assay.models.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A JSON endpoint (TF Serving's REST API, a custom Flask app) as a {@link WireFormat}: the request
 * is a template with the string {@value HttpModel#ROWS_PLACEHOLDER} replaced by the batch, each row
 * an array of the feature mapping's values or an object of raw values keyed by column; outputs are
 * JSON Pointers to arrays with one entry per row (by default {@code /predictions}).
 */
final class JsonTemplateFormat implements WireFormat {
    private static final String EXAMPLE = "Example: {\"instances\": \"" + HttpModel.ROWS_PLACEHOLDER + "\"}";

    private final ModelInfo info;
    private final URI target;
    private final JsonNode template;
    private final HttpModel.RowFormat rowFormat;
    private final JsonPointer label;
    private final JsonPointer probabilities;
    private final JsonPointer value;
    private final PredictionDecoder decoder;

    private JsonTemplateFormat(ModelInfo info, URI target, JsonNode template, HttpModel.RowFormat rowFormat, JsonPointer label,
            JsonPointer probabilities, JsonPointer value) {
        this.info = info;
        this.target = target;
        this.template = template;
        this.rowFormat = rowFormat;
        this.label = label;
        this.probabilities = probabilities;
        this.value = value;
        this.decoder = new PredictionDecoder(info);
    }

    /**
     * The format for the endpoint in {@code s}.
     *
     * @throws InvalidInputException if the feature mapping or a classifier's classes are missing,
     *     the template is not JSON, or it does not hold the placeholder exactly once
     */
    static JsonTemplateFormat create(HttpSettings s) {
        if (s.features() == null) {
            throw new InvalidInputException("HTTP model '" + s.name() + "' needs a feature mapping: which frame columns feed "
                    + "its inputs, in order.");
        }
        JsonNode template;
        try {
            template = Json.MAPPER.readTree(s.requestTemplate());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The request template of HTTP model '" + s.name() + "' is not valid JSON: "
                    + e.getOriginalMessage() + ". " + EXAMPLE, e);
        }
        int placeholders = countPlaceholders(template);
        if (placeholders != 1) {
            throw new InvalidInputException("The request template of HTTP model '" + s.name() + "' holds the string \""
                    + HttpModel.ROWS_PLACEHOLDER + "\" " + placeholders + " times; it must hold it exactly once, where the rows "
                    + "go. " + EXAMPLE);
        }
        Task task = s.taskOr(null, s.classes());
        List<String> classes = s.classesFor(task, s.classes());
        String label = s.labelOutput();
        String proba = s.probabilityOutput();
        String value = s.valueOutput();
        if (task == Task.REGRESSION) {
            value = value != null ? value : "/predictions";
            label = null;
            proba = null;
        } else if (label == null && proba == null) {
            proba = "/predictions";
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("endpoint", s.uri().toString());
        metadata.put("protocol", "json");
        metadata.put("request_template", s.requestTemplate());
        metadata.put("row_format", s.rowFormat().name().toLowerCase(Locale.ROOT));
        ModelInfo info = new ModelInfo(s.name(), "http", task, classes, s.features(),
                new ModelCapabilities(proba != null, false, true, s.batchSize()), metadata);
        return new JsonTemplateFormat(info, s.uri(), template, s.rowFormat(), compile(s.name(), label), compile(s.name(), proba),
                compile(s.name(), value));
    }

    private static JsonPointer compile(String model, String pointer) {
        if (pointer == null) {
            return null;
        }
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("HTTP model '" + model + "': the output '" + Excerpt.of(pointer) + "' is not a JSON "
                    + "Pointer (" + e.getMessage() + "). Write it from the root of the answer, e.g. /predictions or "
                    + "/result/labels.", e);
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public URI target() {
        return target;
    }

    @Override
    public byte[] encode(Frame frame, FeatureMapping.Bound bound, int from, int to, double[] scratch) {
        return Json.write(64 + (to - from) * bound.width() * 20, g -> write(g, template, frame, bound, from, to, scratch));
    }

    private void write(JsonGenerator g, JsonNode node, Frame frame, FeatureMapping.Bound bound, int from, int to, double[] scratch)
            throws IOException {
        if (node.isTextual() && node.textValue().equals(HttpModel.ROWS_PLACEHOLDER)) {
            writeRows(g, frame, bound, from, to, scratch);
        } else if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), frame, bound, from, to, scratch);
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode child : node) {
                write(g, child, frame, bound, from, to, scratch);
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }

    private void writeRows(JsonGenerator g, Frame frame, FeatureMapping.Bound bound, int from, int to, double[] scratch)
            throws IOException {
        g.writeStartArray();
        if (rowFormat == HttpModel.RowFormat.ARRAYS) {
            bound.fill(from, to, scratch);
            int w = bound.width();
            for (int r = 0; r < to - from; r++) {
                g.writeStartArray();
                Json.writeNumbers(g, scratch, r * w, (r + 1) * w, false);
                g.writeEndArray();
            }
        } else {
            List<FeatureMapping.Feature> features = info.features().features();
            for (int r = from; r < to; r++) {
                g.writeStartObject();
                for (FeatureMapping.Feature f : features) {
                    g.writeFieldName(f.column());
                    Json.writeValue(g, frame.column(f.column()), r);
                }
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    @Override
    public Predictions decode(byte[] answer, int firstRow, int rows, Function<String, RuntimeException> malformed) {
        JsonNode root = Json.parse(answer, "it", malformed);
        return decoder.decode(pointer(root, label, malformed), pointer(root, probabilities, malformed),
                pointer(root, value, malformed), firstRow, rows, malformed);
    }

    private static Tensor pointer(JsonNode root, JsonPointer pointer, Function<String, RuntimeException> malformed) {
        if (pointer == null) {
            return null;
        }
        JsonNode node = root.at(pointer);
        if (node.isMissingNode()) {
            List<String> names = new ArrayList<>();
            root.fieldNames().forEachRemaining(names::add);
            throw malformed.apply("there is nothing at the JSON Pointer '" + pointer + "'; the answer has the fields "
                    + Excerpt.of(names.toString()));
        }
        return Tensor.ofRows(pointer.toString(), node, malformed);
    }

    private static int countPlaceholders(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().equals(HttpModel.ROWS_PLACEHOLDER) ? 1 : 0;
        }
        int n = 0;
        for (JsonNode child : node) {
            n += countPlaceholders(child);
        }
        return n;
    }
}
