package dev.assay.core.data;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gives the columns of a {@link Frame} their roles: label, prediction, score of the positive class,
 * per-class probabilities, features, protected attributes, timestamp, id and sample weight. Which
 * label value is positive is an evaluation setting, not a column role.
 * Every field but the lists may be absent; a check says which role it needs when it is missing.
 *
 * @param label the true outcome column
 * @param prediction the predicted label (classification) or value (regression) column
 * @param score the score or probability of the positive class (binary classification)
 * @param classProbabilities class label to the column holding its probability, in class order
 * @param features the model input columns
 * @param protectedAttributes columns that define groups of people for fairness checks
 * @param timestamp the event time column
 * @param id the row identifier column
 * @param weight the sample weight column
 */
public record Schema(
        String label,
        String prediction,
        String score,
        Map<String, String> classProbabilities,
        List<String> features,
        List<String> protectedAttributes,
        String timestamp,
        String id,
        String weight) {

    public Schema {
        classProbabilities = classProbabilities == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classProbabilities));
        features = features == null ? List.of() : List.copyOf(features);
        protectedAttributes = protectedAttributes == null ? List.of() : List.copyOf(protectedAttributes);
    }

    /** A schema with no roles assigned. */
    public static Schema empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this schema's roles. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.label = label;
        b.prediction = prediction;
        b.score = score;
        b.classProbabilities.putAll(classProbabilities);
        b.features.addAll(features);
        b.protectedAttributes.addAll(protectedAttributes);
        b.timestamp = timestamp;
        b.id = id;
        b.weight = weight;
        return b;
    }

    /** Every (role, column) pair, in a stable order; used to check the columns exist. */
    public List<Map.Entry<ColumnRole, String>> assignments() {
        List<Map.Entry<ColumnRole, String>> out = new ArrayList<>();
        add(out, ColumnRole.LABEL, label);
        add(out, ColumnRole.PREDICTION, prediction);
        add(out, ColumnRole.SCORE, score);
        classProbabilities.values().forEach(c -> add(out, ColumnRole.CLASS_PROBABILITY, c));
        features.forEach(c -> add(out, ColumnRole.FEATURE, c));
        protectedAttributes.forEach(c -> add(out, ColumnRole.PROTECTED, c));
        add(out, ColumnRole.TIMESTAMP, timestamp);
        add(out, ColumnRole.ID, id);
        add(out, ColumnRole.WEIGHT, weight);
        return out;
    }

    /** Whether some column plays {@code role}. */
    public boolean has(ColumnRole role) {
        return assignments().stream().anyMatch(e -> e.getKey() == role);
    }

    private static void add(List<Map.Entry<ColumnRole, String>> out, ColumnRole role, String column) {
        if (column != null) {
            out.add(Map.entry(role, column));
        }
    }

    /**
     * Checks that every column this schema names exists in {@code frame}.
     *
     * @throws InvalidInputException naming the role, the missing column and the closest names
     */
    public void validateAgainst(Frame frame) {
        for (Map.Entry<ColumnRole, String> e : assignments()) {
            frame.column(e.getValue(), e.getKey().id());
        }
        if (weight != null) {
            frame.numeric(weight, "weight");
        }
    }

    /** Builds a {@link Schema}. */
    public static final class Builder {
        private String label;
        private String prediction;
        private String score;
        private final Map<String, String> classProbabilities = new LinkedHashMap<>();
        private final List<String> features = new ArrayList<>();
        private final List<String> protectedAttributes = new ArrayList<>();
        private String timestamp;
        private String id;
        private String weight;

        private Builder() {
        }

        public Builder label(String column) {
            this.label = column;
            return this;
        }

        public Builder prediction(String column) {
            this.prediction = column;
            return this;
        }

        public Builder score(String column) {
            this.score = column;
            return this;
        }

        /** Declares that {@code column} holds the probability of class {@code classLabel}. */
        public Builder classProbability(String classLabel, String column) {
            classProbabilities.put(Objects.requireNonNull(classLabel), Objects.requireNonNull(column));
            return this;
        }

        /**
         * Declares every column of {@code frame} named {@code <prefix><class>} as the probability of
         * that class.
         *
         * @throws InvalidInputException if no column starts with the prefix
         */
        public Builder classProbabilitiesByPrefix(Frame frame, String prefix) {
            int found = 0;
            for (String name : frame.columnNames()) {
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    classProbability(name.substring(prefix.length()), name);
                    found++;
                }
            }
            if (found == 0) {
                throw new InvalidInputException("No column of " + (frame.source() == null ? "the data" : frame.source())
                        + " starts with the probability prefix '" + Excerpt.of(prefix) + "'. Per-class probability columns must be"
                        + " named <prefix><class>; the columns are " + listed(frame.columnNames()) + ".");
            }
            return this;
        }

        /** The first 40 names, shortened, for a message. */
        private static String listed(List<String> names) {
            return String.join(", ", names.stream().limit(40).map(Excerpt::of).toList())
                    + (names.size() > 40 ? " and " + (names.size() - 40) + " more" : "");
        }

        public Builder features(List<String> columns) {
            features.clear();
            features.addAll(columns);
            return this;
        }

        public Builder protectedAttributes(List<String> columns) {
            protectedAttributes.clear();
            protectedAttributes.addAll(columns);
            return this;
        }

        public Builder timestamp(String column) {
            this.timestamp = column;
            return this;
        }

        public Builder id(String column) {
            this.id = column;
            return this;
        }

        public Builder weight(String column) {
            this.weight = column;
            return this;
        }

        public Schema build() {
            return new Schema(label, prediction, score, classProbabilities, features,
                    protectedAttributes, timestamp, id, weight);
        }
    }
}
