package dev.assay.models.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the predictions of one batch from ONNX Runtime's result: values of a regressor;
 * probabilities of a classifier (a tensor or a ZipMap), each row predicted as its most probable
 * class; else its label output, matched to the class labels.
 */
final class OutputDecoder {
    private final String model;
    private final OnnxOutputs outputs;
    private final List<String> classes;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final Set<String> wanted = new LinkedHashSet<>();

    OutputDecoder(String model, OnnxOutputs outputs, List<String> classes) {
        this.model = model;
        this.outputs = outputs;
        this.classes = classes;
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i), i);
        }
        if (outputs.value() != null) {
            wanted.add(outputs.value());
        } else {
            wanted.add(outputs.probabilities() != null ? outputs.probabilities() : outputs.label());
        }
    }

    /** The outputs to ask ONNX Runtime for. */
    Set<String> wanted() {
        return wanted;
    }

    /** The predictions of a batch of {@code rows} rows. */
    Predictions decode(OrtSession.Result result, int rows) throws OrtException {
        if (outputs.value() != null) {
            return new ValuePredictions(numbers(outputs.value(), (OnnxTensor) result.get(outputs.value()).orElseThrow(), rows, 1, false));
        }
        if (outputs.probabilities() != null) {
            OnnxValue out = result.get(outputs.probabilities()).orElseThrow();
            return ClassPredictions.mostProbable(classes, outputs.zipMap() ? zipMapProbabilities((OnnxSequence) out, rows)
                    : numbers(outputs.probabilities(), (OnnxTensor) out, rows, classes.size(), true));
        }
        OnnxTensor labels = (OnnxTensor) result.get(outputs.label()).orElseThrow();
        checkCount(outputs.label(), labels.getInfo().getNumElements(), rows, 1);
        String[] text = labels(labels, rows);
        int[] predicted = new int[rows];
        for (int r = 0; r < rows; r++) {
            Integer c = classIndex.get(text[r]);
            if (c == null) {
                throw new InvalidInputException("Model " + model + " predicted the label '" + text[r] + "' for row " + (r + 1)
                        + " of a batch, which is not one of its classes " + classes + ".");
            }
            predicted[r] = c;
        }
        return new ClassPredictions(classes, predicted, null);
    }

    private void checkCount(String output, long n, int rows, int width) {
        if (n != (long) rows * width) {
            throw new InvalidInputException("Model " + model + " returned " + n + " values in output '" + output + "' for " + rows
                    + " rows; expected " + (long) rows * width + ".");
        }
    }

    /** The values of a numeric output; float32 probabilities pinned into [0, 1] ({@link Float32Probability}). */
    private double[] numbers(String output, OnnxTensor tensor, int rows, int width, boolean probabilities) {
        checkCount(output, tensor.getInfo().getNumElements(), rows, width);
        double[] out = new double[rows * width];
        if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
            tensor.getDoubleBuffer().get(out);
        } else {
            FloatBuffer f = tensor.getFloatBuffer();
            for (int i = 0; i < out.length; i++) {
                out[i] = probabilities ? Float32Probability.widen(f.get(i)) : f.get(i);
            }
        }
        return out;
    }

    private static String[] labels(OnnxTensor tensor, int rows) throws OrtException {
        String[] out = new String[rows];
        if (tensor.getInfo().type == OnnxJavaType.STRING) {
            Object value = tensor.getValue();
            String[] flat = value instanceof String[][] nested ? Arrays.stream(nested).map(r -> r[0]).toArray(String[]::new)
                    : (String[]) value;
            System.arraycopy(flat, 0, out, 0, rows);
        } else {
            LongBuffer l = tensor.getLongBuffer();
            for (int i = 0; i < rows; i++) {
                out[i] = Long.toString(l.get(i));
            }
        }
        return out;
    }

    private double[] zipMapProbabilities(OnnxSequence sequence, int rows) throws OrtException {
        int k = classes.size();
        List<? extends OnnxValue> maps = sequence.getValue();
        checkCount(outputs.probabilities(), maps.size(), rows, 1);
        double[] out = new double[rows * k];
        for (int r = 0; r < rows; r++) {
            for (Map.Entry<?, ?> e : ((OnnxMap) maps.get(r)).getValue().entrySet()) {
                Integer c = classIndex.get(e.getKey().toString());
                if (c == null) {
                    throw new InvalidInputException("Model " + model + " gave a probability for class '" + e.getKey()
                            + "', which is not one of its classes " + classes + ".");
                }
                Object v = e.getValue();
                out[r * k + c] = v instanceof Float f ? Float32Probability.widen(f) : ((Number) v).doubleValue();
            }
        }
        return out;
    }
}
