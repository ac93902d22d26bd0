package dev.assay.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of a request body, each with the line it starts on: a JSON array of objects, or NDJSON (one
 * object a line, blank lines skipped). A body that is neither is refused naming the line and column.
 */
final class RequestRows {
    /** One object of the body, the line (from 1) it starts on, and its element number in an array (0 in NDJSON). */
    record Row(int line, int element, JsonNode value) {
        /** Where the row is, for messages: "Line 3" in NDJSON, "Line 1, element 40" in an array. */
        String where() {
            return element == 0 ? "Line " + line : "Line " + line + ", element " + element;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private RequestRows() {
    }

    /** The objects of {@code body}; an empty body has none. */
    static List<Row> parse(byte[] body) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length) {
            return List.of();
        }
        try {
            return body[first] == '[' ? array(body) : lines(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(String.format("Malformed JSON at line %d, column %d: %s. Send a JSON array of objects or "
                    + "NDJSON (one object a line).", e.getLocation().getLineNr(), e.getLocation().getColumnNr(), withoutParserHint(e.getOriginalMessage())));
        } catch (IOException e) {
            throw ApiException.badRequest("Unreadable body: " + e.getMessage());
        }
    }

    /** The parser's message without its advice to enable a parser feature, which a client cannot do. */
    static String withoutParserHint(String message) {
        int hint = message.indexOf(": enable `JsonReadFeature.");
        return hint < 0 ? message : message.substring(0, hint) + " (JSON has no NaN or Infinity: send null or leave the field out)";
    }

    private static List<Row> array(byte[] body) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            p.nextToken();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw ApiException.badRequest("The JSON array is not closed: add ']' at the end of the body.");
                }
                int line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw ApiException.badRequest("Line " + line + ": element " + (rows.size() + 1) + " of the array is "
                            + describe(t) + ", not an object.");
                }
                rows.add(new Row(line, rows.size() + 1, MAPPER.readTree(p)));
            }
            if (p.nextToken() != null) {
                throw ApiException.badRequest("Line " + p.currentTokenLocation().getLineNr() + ": text after the closing ']'.");
            }
        }
        return rows;
    }

    private static List<Row> lines(byte[] body) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw ApiException.badRequest("Line " + line + ": " + describe(t) + " where an object was expected (NDJSON holds "
                            + "one object a line).");
                }
                rows.add(new Row(line, 0, MAPPER.readTree(p)));
                if (rows.size() > 1 && rows.get(rows.size() - 2).line() == line) {
                    throw ApiException.badRequest("Line " + line + ": two objects on one line; NDJSON holds one object a line.");
                }
            }
        }
        return rows;
    }

    /**
     * Refuses a batch that holds one id twice (rows {@code ids[i]} in order), naming both places: which of the two
     * should be stored is the sender's to decide. An id sent again in a later request is a resend, not refused.
     */
    static void distinct(List<Row> rows, List<String> ids) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Integer first = seen.putIfAbsent(ids.get(i), i);
            if (first != null) {
                throw ApiException.badRequest(rows.get(i).where() + ": id '" + ids.get(i) + "' is also in " + rows.get(first).where()
                        .replace("Line", "line") + " of this request; send each id once per request. Nothing was stored.");
            }
        }
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return "'" + t.asString() + "'";
        }
    }
}
