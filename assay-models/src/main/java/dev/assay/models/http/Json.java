package dev.assay.models.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.core.data.Column;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/** JSON reading and writing shared by the HTTP client and server: parsing with located errors, numbers, raw values. */
final class Json {
    /** Reads NaN and Infinity written bare, as Python's json module writes them. */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final int EXCERPT = 500;

    private Json() {
    }

    /** Writes one JSON document into a byte array. */
    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    /** The document {@code writer} writes, {@code sizeHint} the expected length. */
    static byte[] write(int sizeHint, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(bytes)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The document in {@code body}; for an empty body or invalid JSON, {@code problem} turns a
     * description (of {@code subject}, with line and column and how the body begins) into the
     * exception to throw.
     */
    static JsonNode parse(byte[] body, String subject, Function<String, RuntimeException> problem) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw problem.apply(subject + " is empty; a JSON document was expected");
            }
            return root;
        } catch (JsonProcessingException e) {
            String start = excerpt(body);
            if (start.startsWith("<")) {
                throw problem.apply(subject + " is an HTML or XML page, not JSON: not a model's answer but perhaps a proxy, login "
                        + "or error page. It begins: " + start);
            }
            throw problem.apply(subject + " is not valid JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "). It begins: " + start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 500 characters of a body, for messages. */
    static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 4 * EXCERPT), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        boolean cut = text.length() > EXCERPT || body.length > 4 * EXCERPT;
        return cut ? text.substring(0, Math.min(text.length(), EXCERPT)) + "..." : text;
    }

    /** Writes {@code values[from..to)}: NaN as null, others as float32 when {@code fp32}, else as double. */
    static void writeNumbers(JsonGenerator g, double[] values, int from, int to, boolean fp32) throws IOException {
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                g.writeNull();
            } else if (fp32) {
                g.writeNumber((float) v);
            } else {
                g.writeNumber(v);
            }
        }
    }

    /** Writes a column's raw value: a number, text, or null when missing. */
    static void writeValue(JsonGenerator g, Column c, int row) throws IOException {
        if (c.isMissing(row)) {
            g.writeNull();
        } else if (c instanceof NumericColumn n) {
            g.writeNumber(n.get(row));
        } else {
            g.writeString(c.format(row));
        }
    }

    /** What a JSON value is, for messages: {@code an array}, {@code the text "x"}, {@code the number 3}... */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the text \"" + Excerpt.of(node.textValue()) + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> "the boolean " + node.asText();
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
