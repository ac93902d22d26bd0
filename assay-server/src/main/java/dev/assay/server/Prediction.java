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
 * {@code version}, {@code features} (an object of numbers, strings, booleans or nulls), and optionally
 * {@code prediction} (a scalar) and {@code score} (a finite number). Features and prediction are kept as
 * their JSON text.
 */
record Prediction(String id, long timestampMillis, String version, String featuresJson, String predictionJson, Double score) {
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
        Double s = null;
        if (score != null && !score.isNull()) {
            if (!score.isNumber() || !Double.isFinite(score.asDouble())) {
                throw Fields.error(row, "'score' must be a finite number (the model's score or positive-class probability)");
            }
            s = score.asDouble();
        }
        return new Prediction(id, ts, version, features.toString(), prediction == null || prediction.isNull() ? null
                : prediction.toString(), s);
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
