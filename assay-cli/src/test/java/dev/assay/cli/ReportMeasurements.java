package dev.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds a measurement of a check in a {@code report.json}, by its member id as conditions write it. */
final class ReportMeasurements {

    private ReportMeasurements() {
    }

    /** The measurement {@code id} of {@code check}: {@code name} (no key) or {@code name[key]}. */
    static JsonNode measurement(JsonNode check, String id) {
        int open = id.indexOf('[');
        return open < 0 ? measurement(check, id, null) : measurement(check, id.substring(0, open), id.substring(open + 1,
                id.length() - 1));
    }

    /** The measurement {@code name} of {@code check} with member {@code key} (null: the one without a key). */
    static JsonNode measurement(JsonNode check, String name, String key) {
        for (JsonNode m : check.get("measurements")) {
            boolean keyless = !m.hasNonNull("key");
            if (m.get("name").asText().equals(name) && (key == null ? keyless : !keyless && m.get("key").asText().equals(key))) {
                return m;
            }
        }
        throw new AssertionError("no measurement " + name + (key == null ? "" : "[" + key + "]") + " in " + check);
    }

    /** The value of measurement {@code id}. */
    static double value(JsonNode check, String id) {
        return measurement(check, id).get("value").asDouble();
    }
}
