package dev.assay.models.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.FeatureMapping;
import dev.assay.models.FeatureMappingJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What an ONNX graph takes and gives, as Assay runs it: its inputs and the feature mapping that
 * fills them, the outputs it reads, the task and the class labels. See {@link OnnxModel} for the
 * conventions.
 *
 * @param inputs the graph inputs, one dense input or one per column
 * @param features the feature mapping (for per-column inputs, the numeric ones)
 * @param outputs the outputs read
 * @param task what the model predicts
 * @param classes the class labels in probability order; empty for regression
 */
record OnnxSignature(List<OnnxInput> inputs, FeatureMapping features, OnnxOutputs outputs, Task task, List<String> classes) {

    /** Whether the model takes one dense {@code [N, F]} input. */
    boolean dense() {
        return inputs.get(0).kind().dense();
    }

    /**
     * Reads the signature of a loaded model.
     *
     * @param given the feature mapping given by the caller, or null to read it from the metadata
     * @throws InvalidInputException naming the file when an input or output is of a kind Assay does
     *     not run, the feature mapping or the class labels are missing or do not fit the graph
     */
    static OnnxSignature discover(Path file, OnnxMl.ModelProto proto, OrtSession session, FeatureMapping given)
            throws OrtException {
        Map<String, String> custom = session.getMetadata().getCustomMetadata();
        Map<String, NodeInfo> inputInfo = session.getInputInfo();
        List<OnnxInput> inputs = new ArrayList<>();
        FeatureMapping mapping;
        if (inputInfo.size() == 1 && isDense(inputInfo.values().iterator().next())) {
            NodeInfo in = inputInfo.values().iterator().next();
            TensorInfo t = (TensorInfo) in.getInfo();
            inputs.add(new OnnxInput(in.getName(), t.type == OnnxJavaType.DOUBLE ? OnnxInput.Kind.DENSE_DOUBLE
                    : OnnxInput.Kind.DENSE_FLOAT, true));
            mapping = denseMapping(file, in, t, custom, given);
        } else {
            List<FeatureMapping.Feature> numeric = new ArrayList<>();
            for (NodeInfo in : inputInfo.values()) {
                OnnxInput input = columnInput(file, in);
                inputs.add(input);
                if (input.kind() != OnnxInput.Kind.COLUMN_STRING) {
                    numeric.add(FeatureMapping.Feature.numeric(in.getName()));
                }
            }
            mapping = new FeatureMapping(numeric);
        }
        Map<String, NodeInfo> outputInfo = session.getOutputInfo();
        String label = null;
        String probabilities = null;
        boolean zipMap = false;
        List<String> floats = new ArrayList<>();
        for (NodeInfo out : outputInfo.values()) {
            ValueInfo v = out.getInfo();
            if (v instanceof SequenceInfo s && s.isSequenceOfMaps()) {
                probabilities = out.getName();
                zipMap = true;
            } else if (v instanceof TensorInfo t && (t.type == OnnxJavaType.STRING || t.type == OnnxJavaType.INT64)) {
                label = label == null ? out.getName() : label;
            } else if (v instanceof TensorInfo t && (t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE)) {
                floats.add(out.getName());
            }
        }
        List<String> classes = classes(file, proto, custom);
        String value = null;
        if (probabilities == null && !floats.isEmpty()
                && (label != null || !classes.isEmpty() || width(outputInfo.get(floats.get(0))) > 1)) {
            probabilities = floats.get(0);
        } else if (probabilities == null && label == null && !floats.isEmpty()) {
            value = floats.get(0);
        }
        if (probabilities == null && label == null && value == null) {
            throw new InvalidInputException("ONNX model " + file + " has no output Assay can read: " + outputInfo.keySet()
                    + ". Expected a value tensor (regression), or labels and/or probabilities (classification).");
        }
        long k = probabilities != null && !zipMap ? width(outputInfo.get(probabilities)) : -1;
        if (value == null && classes.isEmpty()) {
            if (k < 2) {
                throw new InvalidInputException("ONNX model " + file + " is a classifier whose class labels cannot be found: "
                        + "no '" + OnnxModel.CLASSES_KEY + "' metadata and no classlabels attribute. Add the labels to the "
                        + "model's metadata.");
            }
            for (int i = 0; i < k; i++) {
                classes.add(Integer.toString(i));
            }
        }
        if (value == null && k > 0 && k != classes.size()) {
            throw new InvalidInputException("ONNX model " + file + " names " + classes.size() + " classes " + classes
                    + ", but its probability output '" + probabilities + "' has " + k + " columns. Correct the '"
                    + OnnxModel.CLASSES_KEY + "' metadata (or the classlabels attribute) so that it lists one label per column.");
        }
        boolean pinnable = probabilities != null && !zipMap && outputInfo.get(probabilities).getInfo() instanceof TensorInfo t
                && t.type == OnnxJavaType.FLOAT && t.getShape().length == 2;
        Task task = value != null ? Task.REGRESSION : classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        return new OnnxSignature(List.copyOf(inputs), mapping, new OnnxOutputs(label, probabilities, zipMap, pinnable, value), task,
                value != null ? List.of() : List.copyOf(classes));
    }

    private static FeatureMapping denseMapping(Path file, NodeInfo in, TensorInfo t, Map<String, String> custom,
            FeatureMapping given) {
        FeatureMapping mapping;
        if (given != null) {
            mapping = given;
        } else if (custom.containsKey(OnnxModel.FEATURES_KEY)) {
            mapping = FeatureMappingJson.read(custom.get(OnnxModel.FEATURES_KEY), "ONNX model " + file);
        } else {
            throw new InvalidInputException("ONNX model " + file + " takes one input '" + in.getName() + "' of shape "
                    + Arrays.toString(t.getShape()) + " and its metadata has no '" + OnnxModel.FEATURES_KEY + "' saying which "
                    + "columns feed it. Give a feature mapping when loading the model.");
        }
        long width = t.getShape()[1];
        if (width > 0 && width != mapping.width()) {
            throw new InvalidInputException("ONNX model " + file + " takes " + width + " values per row in input '" + in.getName()
                    + "', but its feature mapping makes " + mapping.width() + " (" + mapping.inputNames() + ").");
        }
        return mapping;
    }

    private static boolean isDense(NodeInfo in) {
        return in.getInfo() instanceof TensorInfo t && t.getShape().length == 2 && t.getShape()[1] != 1
                && (t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE);
    }

    private static OnnxInput columnInput(Path file, NodeInfo in) {
        if (!(in.getInfo() instanceof TensorInfo t) || t.getShape().length > 2 || (t.getShape().length == 2 && t.getShape()[1] != 1)) {
            throw new InvalidInputException("ONNX model " + file + " has input '" + in.getName() + "' of type "
                    + OnnxMetadata.describe(in.getInfo()) + "; Assay feeds either one [N, F] tensor or one [N] or [N, 1] tensor "
                    + "per column.");
        }
        OnnxInput.Kind kind = switch (t.type) {
            case FLOAT -> OnnxInput.Kind.COLUMN_FLOAT;
            case DOUBLE -> OnnxInput.Kind.COLUMN_DOUBLE;
            case INT64 -> OnnxInput.Kind.COLUMN_INT64;
            case STRING -> OnnxInput.Kind.COLUMN_STRING;
            default -> throw new InvalidInputException("ONNX model " + file + " has input '" + in.getName() + "' of element type "
                    + t.type + "; Assay feeds float, double, int64 and string column inputs.");
        };
        return new OnnxInput(in.getName(), kind, t.getShape().length == 2);
    }

    private static long width(NodeInfo out) {
        return out.getInfo() instanceof TensorInfo t && t.getShape().length == 2 ? t.getShape()[1] : 1;
    }

    /** The labels from the metadata, else from a ZipMap's or ai.onnx.ml classifier's classlabels attribute; empty if neither. */
    private static List<String> classes(Path file, OnnxMl.ModelProto proto, Map<String, String> custom) {
        List<String> classes = new ArrayList<>();
        if (custom.containsKey(OnnxModel.CLASSES_KEY)) {
            try {
                var array = new ObjectMapper().readTree(custom.get(OnnxModel.CLASSES_KEY));
                if (array == null || !array.isArray()) {
                    throw new IOException("not an array");
                }
                array.forEach(node -> classes.add(node.asText()));
            } catch (IOException e) {
                throw new InvalidInputException("The '" + OnnxModel.CLASSES_KEY + "' metadata of ONNX model " + file
                        + " is not a JSON array of class labels (" + e.getMessage() + "). Write it as e.g. [\"no\", \"yes\"].", e);
            }
            return requireDistinct(file, classes, "'" + OnnxModel.CLASSES_KEY + "' metadata");
        }
        for (OnnxMl.NodeProto node : proto.getGraph().getNodeList()) {
            for (OnnxMl.AttributeProto a : node.getAttributeList()) {
                if (a.getName().equals("classlabels_strings") || a.getName().equals("classlabels_int64s")) {
                    a.getStringsList().forEach(s -> classes.add(s.toStringUtf8()));
                    a.getIntsList().forEach(i -> classes.add(Long.toString(i)));
                    return requireDistinct(file, classes, a.getName() + " attribute of node '" + node.getName() + "'");
                }
            }
        }
        return classes;
    }

    private static List<String> requireDistinct(Path file, List<String> classes, String source) {
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new InvalidInputException("The " + source + " of ONNX model " + file + " lists a class twice: " + classes
                    + ". Each class label must appear once, in probability order.");
        }
        return classes;
    }
}
