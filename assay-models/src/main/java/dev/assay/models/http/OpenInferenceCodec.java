package dev.assay.models.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The inference messages of the Open Inference Protocol v2 (REST), written and read the same way
 * by the client ({@link HttpModel}) and the server ({@link InferenceServer}): the request's
 * {@code inputs} (one 2-D tensor of the feature mapping's values, or one 1-D tensor per feature
 * column) and the answer's {@code outputs} ({@value #LABEL}, {@value #PROBABILITIES},
 * {@value #VALUE}). Missing numbers travel as JSON {@code null}.
 */
final class OpenInferenceCodec {
    /** The output holding the predicted class labels. */
    static final String LABEL = "label";
    /** The output holding the class probabilities {@code [rows, classes]}. */
    static final String PROBABILITIES = "probabilities";
    /** The output holding a regressor's values. */
    static final String VALUE = "value";

    private OpenInferenceCodec() {
    }

    /** A decoded inference request: its inputs and its optional {@code id}, echoed in the answer. */
    record Request(List<Tensor> inputs, JsonNode id) {
    }

    /** A request holding rows {@code values} of {@code width} values each as one 2-D tensor. */
    static byte[] tensorRequest(String name, double[] values, int rows, int width, boolean fp32) {
        return Json.write(64 + rows * width * 20, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("inputs");
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeArrayFieldStart("shape");
            g.writeNumber(rows);
            g.writeNumber(width);
            g.writeEndArray();
            g.writeStringField("datatype", fp32 ? "FP32" : "FP64");
            g.writeArrayFieldStart("data");
            Json.writeNumbers(g, values, 0, rows * width, fp32);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A request holding rows {@code from} to {@code to} of each feature column as a 1-D tensor of raw values (FP64 or BYTES). */
    static byte[] columnsRequest(Frame frame, List<FeatureMapping.Feature> features, int from, int to) {
        return Json.write(64 + (to - from) * features.size() * 20, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("inputs");
            for (FeatureMapping.Feature f : features) {
                Column c = frame.column(f.column());
                g.writeStartObject();
                g.writeStringField("name", f.column());
                g.writeArrayFieldStart("shape");
                g.writeNumber(to - from);
                g.writeEndArray();
                g.writeStringField("datatype", c instanceof NumericColumn ? "FP64" : "BYTES");
                g.writeArrayFieldStart("data");
                for (int r = from; r < to; r++) {
                    Json.writeValue(g, c, r);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The inputs of a request body. */
    static Request readRequest(byte[] body, Function<String, RuntimeException> malformed) {
        JsonNode root = Json.parse(body, "the request", malformed);
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw malformed.apply("the request needs a non-empty 'inputs' array");
        }
        List<Tensor> tensors = new ArrayList<>();
        for (JsonNode input : inputs) {
            tensors.add(Tensor.read("input", input, malformed));
        }
        return new Request(tensors, root.get("id"));
    }

    /** The answer to a request: the predictions as outputs, with the request's {@code id} when it had one (else null). */
    static byte[] answer(String modelName, JsonNode id, Predictions predictions) {
        int n = predictions.rows();
        return Json.write(256 + n * 48, g -> {
            g.writeStartObject();
            g.writeStringField("model_name", modelName);
            if (id != null) {
                g.writeFieldName("id");
                g.writeTree(id);
            }
            g.writeArrayFieldStart("outputs");
            if (predictions instanceof ClassPredictions c) {
                g.writeStartObject();
                g.writeStringField("name", LABEL);
                g.writeArrayFieldStart("shape");
                g.writeNumber(n);
                g.writeEndArray();
                g.writeStringField("datatype", "BYTES");
                g.writeArrayFieldStart("data");
                for (int r = 0; r < n; r++) {
                    g.writeString(c.classes().get(c.predicted()[r]));
                }
                g.writeEndArray();
                g.writeEndObject();
                if (c.probabilities() != null) {
                    writeNumbers(g, PROBABILITIES, n, c.classes().size(), c.probabilities());
                }
            } else {
                writeNumbers(g, VALUE, n, 0, ((ValuePredictions) predictions).values());
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The outputs of an answer body by name. */
    static Map<String, Tensor> readOutputs(byte[] body, Function<String, RuntimeException> malformed) {
        JsonNode root = Json.parse(body, "it", malformed);
        JsonNode outputs = root.get("outputs");
        if (outputs == null || !outputs.isArray()) {
            List<String> fields = new ArrayList<>();
            root.fieldNames().forEachRemaining(fields::add);
            throw malformed.apply("it has no 'outputs' array (fields: " + fields + ")");
        }
        Map<String, Tensor> byName = new LinkedHashMap<>();
        for (JsonNode o : outputs) {
            Tensor t = Tensor.read("output", o, malformed);
            byName.put(t.name(), t);
        }
        return byName;
    }

    private static void writeNumbers(JsonGenerator g, String name, int rows, int width, double[] values) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeArrayFieldStart("shape");
        g.writeNumber(rows);
        if (width > 0) {
            g.writeNumber(width);
        }
        g.writeEndArray();
        g.writeStringField("datatype", "FP64");
        g.writeArrayFieldStart("data");
        Json.writeNumbers(g, values, 0, values.length, false);
        g.writeEndArray();
        g.writeEndObject();
    }
}
