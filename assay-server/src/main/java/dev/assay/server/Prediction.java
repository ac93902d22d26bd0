package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One prediction as sent: {@code id}, {@code timestamp} (ISO-8601 with an offset, or epoch milliseconds),
 * {@code version}, {@code features} (an object of numbers, strings, booleans or nulls), {@code score} (the
 * positive-class score in [0, 1], which the windowed monitoring needs) and optionally {@code prediction} (a scalar).
 */
record Prediction(String id, long timestampMillis, String version, JsonNode features, JsonNode prediction, double score) {
    private static final Set<String> FIELDS = Set.of("id", "timestamp", "version", "features", "prediction", "score");

    /** The prediction in {@code row}; a missing or mistyped field is refused naming the line and the field. */
    static Prediction of(RequestRows.Row row) {
        JsonNode n = row.value();
        Fields.known(row, FIELDS);
        String id = Fields.id(row);
        long ts = timestamp(row, n.get("timestamp"));
        String version = Fields.text(row, "version", 200);
        JsonNode features = n.get("features");
        if (features == null || !features.isObject()) {
            throw Fields.error(row, "'features' must be an object of feature values, e.g. {\"age\": 41, \"job\": \"clerk\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = features.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isContainerNode()) {
                throw Fields.error(row, "feature '" + f.getKey() + "' must be a number, string, boolean or null, not "
                        + (f.getValue().isArray() ? "an array" : "an object"));
            }
        }
        JsonNode prediction = n.get("prediction");
        if (prediction != null && prediction.isContainerNode()) {
            throw Fields.error(row, "'prediction' must be a number, string or boolean (the predicted class or value)");
        }
        JsonNode score = n.get("score");
        if (score == null || !score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1)) {
            throw Fields.error(row, "'score' must be a number in [0, 1] (the model's positive-class probability)");
        }
        return new Prediction(id, ts, version, features, prediction == null || prediction.isNull() ? null : prediction, score.asDouble());
    }

    /** The features as JSON text. */
    String featuresJson() {
        return features.toString();
    }

    /** The prediction as JSON text, null when none was sent. */
    String predictionJson() {
        return prediction == null ? null : prediction.toString();
    }

    private static long timestamp(RequestRows.Row row, JsonNode t) {
        if (t != null && t.isIntegralNumber()) {
            return t.asLong();
        }
        if (t != null && t.isTextual()) {
            try {
                return OffsetDateTime.parse(t.asText()).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                try {
                    return Instant.parse(t.asText()).toEpochMilli();
                } catch (DateTimeException e2) {
                    // reported below
                }
            }
        }
        throw Fields.error(row, "'timestamp' must be ISO-8601 with an offset (e.g. \"2026-12-01T09:30:00Z\") or epoch milliseconds");
    }
}
