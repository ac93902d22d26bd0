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
    /** At most this many features a prediction. */
    static final int MAX_FEATURES = 1000;
    /** At most this many characters in a feature's name. */
    static final int MAX_NAME = 200;
    /** At most this many characters in a text feature's value. */
    static final int MAX_TEXT = 10_000;
    /** The latest timestamp taken, 9999-12-31T23:59:59.999Z; the earliest is the epoch, 1970-01-01T00:00:00Z. */
    static final long LATEST = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
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
        if (features.size() > MAX_FEATURES) {
            throw Fields.error(row, "'features' has " + features.size() + " features; at most " + MAX_FEATURES + " are monitored");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = features.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v.isContainerNode()) {
                throw Fields.error(row, "feature '" + f.getKey() + "' must be a number, string, boolean or null, not "
                        + (v.isArray() ? "an array" : "an object"));
            }
            if (f.getKey().isEmpty() || f.getKey().length() > MAX_NAME) {
                throw Fields.error(row, "a feature name must have 1 to " + MAX_NAME + " characters");
            }
            if (v.isNumber() && !Double.isFinite(v.asDouble())) {
                throw Fields.error(row, "feature '" + f.getKey() + "' is " + v.asDouble() + ", beyond the range of a double; send a finite number "
                        + "or null");
            }
            if (v.isTextual() && v.asText().length() > MAX_TEXT) {
                throw Fields.error(row, "feature '" + f.getKey() + "' is a text of " + v.asText().length() + " characters; at most "
                        + MAX_TEXT + " are kept (send a category, not a document)");
            }
        }
        JsonNode prediction = n.get("prediction");
        if (prediction != null && prediction.isContainerNode()) {
            throw Fields.error(row, "'prediction' must be a number, string or boolean (the predicted class or value)");
        }
        JsonNode score = n.get("score");
        if (score == null || !score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1)) {
            throw Fields.error(row, "'score' must be a number in [0, 1] (the model's positive-class probability)"
                    + (score != null && score.isTextual() ? ", not the text " + score : ""));
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
        long millis = parseTimestamp(row, t);
        if (millis < 0 || millis > LATEST) {
            throw Fields.error(row, "'timestamp' " + t + " is " + (millis < 0 ? "before 1970-01-01T00:00:00Z" : "after the year 9999")
                    + "; epoch timestamps are milliseconds (not seconds or microseconds) since 1970-01-01T00:00:00Z");
        }
        return millis;
    }

    private static long parseTimestamp(RequestRows.Row row, JsonNode t) {
        if (t != null && t.isIntegralNumber()) {
            return t.canConvertToLong() ? t.asLong() : t.bigIntegerValue().signum() < 0 ? -1 : Long.MAX_VALUE;
        }
        if (t != null && t.isTextual()) {
            Instant i = null;
            try {
                i = OffsetDateTime.parse(t.asText()).toInstant();
            } catch (DateTimeException e) {
                try {
                    i = Instant.parse(t.asText());
                } catch (DateTimeException e2) {
                    // reported below
                }
            }
            if (i != null) {
                return i.isBefore(Instant.EPOCH) ? -1 : i.isAfter(Instant.ofEpochMilli(LATEST)) ? Long.MAX_VALUE : i.toEpochMilli();
            }
        }
        throw Fields.error(row, "'timestamp' must be ISO-8601 with an offset (e.g. \"2026-12-01T09:30:00Z\") or epoch milliseconds");
    }
}
