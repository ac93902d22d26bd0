package dev.assay.io.suite;

import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code columns} section of a suite file: which column plays which role. Turned into a
 * {@link Schema} once the data is loaded, because a probability prefix ({@code proba_}) is resolved
 * against the data's column names.
 *
 * @param label the label column
 * @param prediction the prediction column
 * @param score the positive-class score column
 * @param probabilityPrefix per-class probability columns are {@code <prefix><class>}
 * @param probabilities explicit class to column mapping
 * @param weight the sample weight column
 * @param features feature columns
 * @param protectedAttributes protected attribute columns
 * @param timestamp the time column
 * @param id the row id column
 * @param lines the suite-file line of each key ({@code columns.label} ...), for messages
 */
public record ColumnsSpec(String label, String prediction, String score, String probabilityPrefix,
        Map<String, String> probabilities, String weight, List<String> features, List<String> protectedAttributes,
        String timestamp, String id, String file, Map<String, Integer> lines) {

    public ColumnsSpec {
        probabilities = new LinkedHashMap<>(probabilities);
        features = List.copyOf(features);
        protectedAttributes = List.copyOf(protectedAttributes);
        lines = Map.copyOf(lines);
    }

    /** Whether these roles name stored predictions: a prediction, score or class-probability column. */
    public boolean givesPredictions() {
        return prediction != null || score != null || probabilityPrefix != null || !probabilities.isEmpty();
    }

    /** The roles of {@code schema}, for a suite built in Java; every column is checked once the data is loaded. */
    public static ColumnsSpec of(Schema schema) {
        return of(schema, null);
    }

    /**
     * The roles of {@code schema}, plus per-class probability columns named {@code <prefix><class>},
     * found once the data is loaded.
     */
    public static ColumnsSpec of(Schema schema, String probabilityPrefix) {
        return new ColumnsSpec(schema.label(), schema.prediction(), schema.score(), probabilityPrefix, schema.classProbabilities(),
                schema.weight(), schema.features(), schema.protectedAttributes(), schema.timestamp(), schema.id(), "the suite",
                Map.of());
    }

    /**
     * The schema for {@code frame}.
     *
     * @throws SuiteFileException naming the suite line when a column is not in the data
     */
    public Schema toSchema(Frame frame) {
        Schema.Builder b = Schema.builder();
        b.label(require(frame, "label", label)).prediction(require(frame, "prediction", prediction))
                .score(require(frame, "score", score)).weight(require(frame, "weight", weight))
                .timestamp(require(frame, "timestamp", timestamp)).id(require(frame, "id", id));
        features.forEach(f -> require(frame, "features", f));
        protectedAttributes.forEach(p -> require(frame, "protected", p));
        b.features(features).protectedAttributes(protectedAttributes);
        probabilities.forEach((cls, col) -> b.classProbability(cls, require(frame, "probabilities", col)));
        if (probabilityPrefix != null) {
            try {
                b.classProbabilitiesByPrefix(frame, probabilityPrefix);
            } catch (InvalidInputException e) {
                throw new SuiteFileException(file, lines.getOrDefault("probabilities", 0), "columns.probabilities: "
                        + e.getMessage(), e);
            }
        }
        return b.build();
    }

    private String require(Frame frame, String key, String column) {
        if (column != null) {
            try {
                frame.column(column, key);
            } catch (InvalidInputException e) {
                throw new SuiteFileException(file, lines.getOrDefault(key, 0), "columns." + key + ": " + e.getMessage(), e);
            }
        }
        return column;
    }
}
