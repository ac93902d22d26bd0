package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** One label as sent: {@code id} (of a prediction, sent before or after) and {@code label}, a scalar kept as JSON text. */
record Label(String id, String labelJson) {
    private static final Set<String> FIELDS = Set.of("id", "label");

    /** The label in {@code row}; a missing or mistyped field is refused naming the line and the field. */
    static Label of(RequestRows.Row row) {
        Fields.known(row, FIELDS);
        String id = Fields.id(row);
        JsonNode label = row.value().get("label");
        if (label == null || label.isNull() || label.isContainerNode()) {
            throw Fields.error(row, "'label' must be a number, string or boolean (the true class or value)");
        }
        return new Label(id, label.toString());
    }
}
