package dev.assay.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One fixture written by scripts/golden/metrics_golden.py: inputs and scikit-learn's values. */
record GoldenCase(String name, Task task, JsonNode json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<GoldenCase> all() {
        JsonNode index = read("index.json");
        List<GoldenCase> out = new ArrayList<>();
        for (JsonNode file : index.get("cases")) {
            JsonNode json = read(file.asText());
            out.add(new GoldenCase(json.get("name").asText(), Task.valueOf(json.get("task").asText().toUpperCase(Locale.ROOT)), json));
        }
        return out;
    }

    private static JsonNode read(String file) {
        try (InputStream in = GoldenCase.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /golden/" + file);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Expected values; a null value means Assay reports the metric as undefined. */
    Map<String, Double> expected() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.get("expected").properties()) {
            out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asDouble());
        }
        return out;
    }

    boolean numericLabels() {
        return json.has("label_type") && json.get("label_type").asText().equals("numeric")
                || task == Task.REGRESSION;
    }

    ZeroDivision zeroDivision() {
        return json.has("zero_division") ? ZeroDivision.valueOf(json.get("zero_division").asText().toUpperCase(Locale.ROOT))
                : ZeroDivision.WARN;
    }

    String positive() {
        return json.get("positive").asText();
    }

    boolean defaultPositive() {
        return json.get("default_positive").asBoolean();
    }

    boolean has(String field) {
        return json.has(field) && !json.get(field).isNull();
    }

    double[] numbers(String field) {
        JsonNode a = json.get(field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    String[] strings(String field) {
        JsonNode a = json.get(field);
        String[] out = new String[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asText();
        }
        return out;
    }

    List<String> classes() {
        List<String> out = new ArrayList<>();
        json.get("classes").forEach(c -> out.add(c.asText()));
        return out;
    }

    double[] probabilities(String cls) {
        JsonNode a = json.get("probabilities").get(cls);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    /**
     * A column of {@code field}: numeric for numeric labels; otherwise text labels alternate between
     * categorical and text columns so that both encodings are covered.
     */
    private Column column(String field, String name) {
        if (numericLabels()) {
            return NumericColumn.of(name, numbers(field));
        }
        return name.hashCode() % 2 == 0 ? CategoricalColumn.of(name, strings(field)) : TextColumn.of(name, strings(field));
    }

    /** The fixture as a frame and schema, the way a check or the command line would build them. */
    Frame frame() {
        List<Column> cols = new ArrayList<>();
        cols.add(column("label", "y_true"));
        if (has("prediction")) {
            cols.add(column("prediction", "y_pred"));
        }
        if (has("score")) {
            cols.add(NumericColumn.of("score", numbers("score")));
        }
        if (has("weight")) {
            cols.add(NumericColumn.of("w", numbers("weight")));
        }
        if (has("probabilities")) {
            for (String c : classes()) {
                cols.add(NumericColumn.of("p_" + c, probabilities(c)));
            }
        }
        return Frame.of(name + ".csv", cols);
    }

    Schema schema() {
        Schema.Builder b = Schema.builder().label("y_true");
        if (has("prediction")) {
            b.prediction("y_pred");
        }
        if (has("score")) {
            b.score("score");
        }
        if (has("weight")) {
            b.weight("w");
        }
        if (has("probabilities")) {
            for (String c : classes()) {
                b.classProbability(c, "p_" + c);
            }
        }
        return b.build();
    }

    EvaluationSettings settings() {
        EvaluationSettings s = EvaluationSettings.defaults().withZeroDivision(zeroDivision());
        if (task == Task.BINARY && !defaultPositive()) {
            s = s.withPositiveClass(positive());
        }
        return s;
    }
}
