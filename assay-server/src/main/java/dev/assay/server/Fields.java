package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** Reading the fields of a request row, with errors that name the line and the field. */
final class Fields {
    private Fields() {
    }

    /** A 400 for {@code row}: "Line N: message." (or "Line N, element E: message." in an array). */
    static ApiException error(RequestRows.Row row, String message) {
        return ApiException.badRequest(row.where() + ": " + message + ". Nothing was stored.");
    }

    /** Refuses a field not in {@code known} (likely a typo). */
    static void known(RequestRows.Row row, Set<String> known) {
        for (Iterator<String> it = row.value().fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                throw error(row, "unknown field '" + f + "'; the fields are " + new TreeSet<>(known));
            }
        }
    }

    /** The row's {@code id}: a string or an integer, 1 to 200 characters. */
    static String id(RequestRows.Row row) {
        JsonNode id = row.value().get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty() || id.asText().length() > 200) {
            throw error(row, "'id' must be a string or an integer of 1 to 200 characters, unique per model");
        }
        return id.asText();
    }

    /** A required text field of at most {@code max} characters. */
    static String text(RequestRows.Row row, String field, int max) {
        JsonNode v = row.value().get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty() || v.asText().length() > max) {
            throw error(row, "'" + field + "' must be a string of 1 to " + max + " characters");
        }
        return v.asText();
    }
}
