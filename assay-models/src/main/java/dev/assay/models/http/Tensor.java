package dev.assay.models.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.error.Excerpt;
import java.util.function.Function;

/**
 * One named input or output of an Open Inference message, or an array read from a JSON answer:
 * its shape and its values, flat or nested JSON arrays in row-major order. A JSON {@code null} or
 * the text {@code "NaN"} in a numeric tensor is {@code NaN}. The values are read only after their
 * count is checked against the shape, so a hostile shape cannot make the reader allocate more than
 * the data holds.
 *
 * @param role {@code input} or {@code output}, for messages
 * @param name the tensor's name, or the JSON Pointer it was read from
 * @param datatype the protocol's data type ({@code FP64}, {@code BYTES}...); null when not given
 * @param shape the dimensions; the first is the number of rows
 * @param data the values, possibly nested
 */
record Tensor(String role, String name, String datatype, long[] shape, JsonNode data) {

    /**
     * A tensor object of the protocol, {@code {"name", "shape", "datatype", "data"}}.
     *
     * @param malformed turns a description of what is wrong into the exception to throw
     */
    static Tensor read(String role, JsonNode spec, Function<String, RuntimeException> malformed) {
        JsonNode name = spec.get("name");
        JsonNode shape = spec.get("shape");
        JsonNode data = spec.get("data");
        if (name == null || !name.isTextual()) {
            throw malformed.apply("an " + role + " lacks its 'name': " + Excerpt.of(spec.toString()));
        }
        if (shape == null || !shape.isArray()) {
            throw malformed.apply(what(role, name.textValue()) + " has no 'shape' array");
        }
        if (data == null || !data.isArray()) {
            throw malformed.apply(what(role, name.textValue()) + " has no 'data' array");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shape.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0 || d.asLong() > Integer.MAX_VALUE) {
                throw malformed.apply(what(role, name.textValue()) + " has the shape " + Excerpt.of(shape.toString())
                        + "; dimensions must be whole numbers from 0 to " + Integer.MAX_VALUE);
            }
            dims[i] = d.asLong();
        }
        JsonNode type = spec.get("datatype");
        return new Tensor(role, name.textValue(), type == null ? null : type.asText(), dims, data);
    }

    /** A tensor read from a JSON array of rows (each a value or an array), shape inferred. */
    static Tensor ofRows(String name, JsonNode rows, Function<String, RuntimeException> malformed) {
        if (!rows.isArray()) {
            throw malformed.apply("'" + name + "' is " + Json.kind(rows) + ", not an array with one entry per row");
        }
        if (rows.isEmpty() || !rows.get(0).isArray()) {
            return new Tensor("output", name, null, new long[] {rows.size()}, rows);
        }
        return new Tensor("output", name, null, new long[] {rows.size(), rows.get(0).size()}, rows);
    }

    /** The number of rows: the first dimension, 0 for a scalar. */
    long rows() {
        return shape.length == 0 ? 0 : shape[0];
    }

    /** Values per row: the product of the dimensions after the first, or -1 if it overflows. */
    long width() {
        long w = 1;
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] != 0 && w > Long.MAX_VALUE / shape[i]) {
                return -1;
            }
            w *= shape[i];
        }
        return w;
    }

    /** The values as numbers, exactly as many as the shape holds. */
    double[] numbers(Function<String, RuntimeException> malformed) {
        double[] out = new double[checkedSize(malformed)];
        if (flattenNumbers(data, out, 0, malformed) != out.length) {
            throw malformed.apply(mismatch(out.length));
        }
        return out;
    }

    /** The values as text (numbers as written, e.g. {@code 1}); null for JSON null. Exactly as many as the shape holds. */
    String[] texts(Function<String, RuntimeException> malformed) {
        String[] out = new String[checkedSize(malformed)];
        if (flattenTexts(data, out, 0, malformed) != out.length) {
            throw malformed.apply(mismatch(out.length));
        }
        return out;
    }

    /**
     * The number of values the shape holds, checked against the data without allocating: counted
     * from the array lengths when the data is flat or a list of equally long rows, else value by
     * value. The flattening then checks that every value is where the count says.
     */
    private int checkedSize(Function<String, RuntimeException> malformed) {
        long w = width();
        long expected = w < 0 || (rows() > 0 && w > Long.MAX_VALUE / rows()) ? -1 : rows() * w;
        long held = regularCount(data) == expected ? expected : count(data);
        if (expected != held || held > Integer.MAX_VALUE - 8) {
            throw malformed.apply(what() + " of shape " + shapeText() + " holds " + held + " values; its shape needs "
                    + (expected < 0 ? "more than can be held" : Long.toString(expected)));
        }
        return (int) held;
    }

    private String mismatch(int expected) {
        return what() + " of shape " + shapeText() + " holds " + count(data) + " values; its shape needs " + expected;
    }

    /** The number of values of a flat array or of a list of equally long arrays (at most the nodes present); else -1. */
    private static long regularCount(JsonNode node) {
        if (!node.isArray()) {
            return 1;
        }
        if (node.isEmpty() || !node.get(0).isArray()) {
            return node.size();
        }
        int width = node.get(0).size();
        for (JsonNode row : node) {
            if (!row.isArray() || row.size() != width) {
                return -1;
            }
        }
        return (long) node.size() * width;
    }

    private static long count(JsonNode node) {
        if (!node.isArray()) {
            return 1;
        }
        long n = 0;
        for (JsonNode child : node) {
            n += count(child);
        }
        return n;
    }

    /** Writes the values from position {@code at}; returns the position after them, or more than the room when they do not fit. */
    private int flattenNumbers(JsonNode node, double[] out, int at, Function<String, RuntimeException> malformed) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                at = flattenNumbers(child, out, at, malformed);
                if (at > out.length) {
                    return at;
                }
            }
            return at;
        }
        if (at == out.length) {
            return at + 1;
        }
        if (node.isNumber()) {
            out[at] = node.doubleValue();
        } else if (node.isNull() || (node.isTextual() && node.textValue().equals("NaN"))) {
            out[at] = Double.NaN;
        } else {
            throw malformed.apply(what() + " holds " + Json.kind(node) + " at position " + at
                    + " where a number (or null for a missing value) was expected");
        }
        return at + 1;
    }

    /** As {@link #flattenNumbers}, for labels. */
    private int flattenTexts(JsonNode node, String[] out, int at, Function<String, RuntimeException> malformed) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                at = flattenTexts(child, out, at, malformed);
                if (at > out.length) {
                    return at;
                }
            }
            return at;
        }
        if (at == out.length) {
            return at + 1;
        }
        if (node.isTextual()) {
            out[at] = node.textValue();
        } else if (node.isIntegralNumber() || (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                && Math.abs(node.doubleValue()) < 1e15)) {
            out[at] = Long.toString(node.longValue());
        } else if (node.isNumber() || node.isBoolean()) {
            out[at] = node.asText();
        } else if (!node.isNull()) {
            throw malformed.apply(what() + " holds " + Json.kind(node) + " at position " + at + " where a label was expected");
        }
        return at + 1;
    }

    /** E.g. {@code output 'label'}. */
    String what() {
        return what(role, name);
    }

    private static String what(String role, String name) {
        return role + " '" + Excerpt.of(name) + "'";
    }

    String shapeText() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(']').toString();
    }
}
