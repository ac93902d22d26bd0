package dev.assay.models.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One named output of an answer: its shape and its values, flat or nested JSON arrays in row-major
 * order. A JSON {@code null} or the text {@code "NaN"} in a numeric tensor is {@code NaN}.
 *
 * @param name the output name, or the JSON Pointer it was read from
 * @param shape the dimensions; the first is the number of rows
 * @param data the values, possibly nested
 */
record Tensor(String name, long[] shape, JsonNode data) {

    /** A tensor read from a JSON array of rows (each a value or an array), shape inferred. */
    static Tensor ofRows(String name, JsonNode rows, Function<String, RuntimeException> malformed) {
        if (!rows.isArray()) {
            throw malformed.apply("'" + name + "' is " + kind(rows) + ", not an array with one entry per row");
        }
        if (rows.isEmpty() || !rows.get(0).isArray()) {
            return new Tensor(name, new long[] {rows.size()}, rows);
        }
        return new Tensor(name, new long[] {rows.size(), rows.get(0).size()}, rows);
    }

    int rows() {
        return shape.length == 0 ? 0 : (int) shape[0];
    }

    /** Values per row: the product of the dimensions after the first. */
    int width() {
        long w = 1;
        for (int i = 1; i < shape.length; i++) {
            w *= shape[i];
        }
        return (int) w;
    }

    /** The values as numbers, exactly {@code rows() * width()} of them. */
    double[] numbers(Function<String, RuntimeException> malformed) {
        double[] out = new double[Math.multiplyExact(rows(), width())];
        int n = flattenNumbers(data, out, 0, malformed);
        if (n != out.length) {
            throw malformed.apply("output '" + name + "' of shape " + shapeText() + " holds " + n + " values instead of " + out.length);
        }
        return out;
    }

    private int flattenNumbers(JsonNode node, double[] out, int at, Function<String, RuntimeException> malformed) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                at = flattenNumbers(child, out, at, malformed);
            }
            return at;
        }
        double v;
        if (node.isNumber()) {
            v = node.doubleValue();
        } else if (node.isNull() || (node.isTextual() && node.textValue().equals("NaN"))) {
            v = Double.NaN;
        } else {
            throw malformed.apply("output '" + name + "' holds " + kind(node) + " where a number was expected");
        }
        if (at < out.length) {
            out[at] = v;
        }
        return at + 1;
    }

    /** The values as text (numbers as written, e.g. {@code 1}); null for JSON null. */
    String[] texts(Function<String, RuntimeException> malformed) {
        List<JsonNode> leaves = new ArrayList<>();
        collect(data, leaves);
        String[] out = new String[leaves.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode leaf = leaves.get(i);
            if (leaf.isTextual()) {
                out[i] = leaf.textValue();
            } else if (leaf.isIntegralNumber() || (leaf.isNumber() && leaf.doubleValue() == Math.rint(leaf.doubleValue()))) {
                out[i] = Long.toString(leaf.longValue());
            } else if (leaf.isNumber() || leaf.isBoolean()) {
                out[i] = leaf.asText();
            } else if (!leaf.isNull()) {
                throw malformed.apply("output '" + name + "' holds " + kind(leaf) + " where a label was expected");
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> leaves) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, leaves));
        } else {
            leaves.add(node);
        }
    }

    String shapeText() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(']').toString();
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the text \"" + node.textValue() + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> "the boolean " + node.asText();
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
