package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The features of predictions as a {@link Frame} for the monitoring engine. The columns and their types are
 * the configured ones ({@code features} of the model), else the reference's, else every feature the rows
 * carry (numeric when any value is a number). A missing or null value is a missing value; booleans are
 * categories {@code true} / {@code false}.
 */
final class FeatureBatch {
    private FeatureBatch() {
    }

    /** The frame of {@code rows}; {@code types} (feature to numeric?) fixes the columns when not empty. */
    static Frame of(List<Prediction> rows, Map<String, Boolean> types) {
        Map<String, Boolean> columns = types.isEmpty() ? inferred(rows) : types;
        List<Column> out = new ArrayList<>();
        columns.forEach((name, numeric) -> out.add(numeric ? numeric(rows, name) : category(rows, name)));
        return Frame.of("predictions", out);
    }

    private static Map<String, Boolean> inferred(List<Prediction> rows) {
        TreeSet<String> names = new TreeSet<>();
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (Prediction p : rows) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.features().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                names.add(e.getKey());
                if (e.getValue().isNumber()) {
                    numeric.put(e.getKey(), true);
                }
            }
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, numeric.getOrDefault(n, false)));
        return out;
    }

    private static NumericColumn numeric(List<Prediction> rows, String name) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = rows.get(i).features().get(name);
            if (n == null || n.isNull()) {
                v[i] = Double.NaN;
            } else if (n.isNumber()) {
                v[i] = n.asDouble();
            } else {
                throw ApiException.badRequest("Prediction '" + rows.get(i).id() + "': feature '" + name + "' is " + n
                        + " but the model takes it as numeric; send a number or null (or change the model's features).");
            }
        }
        return NumericColumn.wrap(name, v);
    }

    private static CategoricalColumn category(List<Prediction> rows, String name) {
        String[] v = new String[rows.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = rows.get(i).features().get(name);
            v[i] = n == null || n.isNull() ? null : n.asText();
        }
        return CategoricalColumn.of(name, v);
    }
}
