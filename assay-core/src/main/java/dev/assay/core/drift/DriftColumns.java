package dev.assay.core.drift;

import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns whose drift is measured when none are named: the schema's feature columns, or every
 * column of the current data but the label, id, timestamp and weight when the schema names no
 * features; then the prediction and score columns (prediction drift) when the schema has them.
 */
public final class DriftColumns {
    private DriftColumns() {
    }

    public static List<String> of(Frame current, Schema schema) {
        Set<String> out = new LinkedHashSet<>();
        if (!schema.features().isEmpty()) {
            out.addAll(schema.features());
        } else {
            Set<String> skip = new LinkedHashSet<>();
            for (String s : new String[] {schema.label(), schema.id(), schema.timestamp(), schema.weight()}) {
                if (s != null) {
                    skip.add(s);
                }
            }
            skip.addAll(schema.classProbabilities().values());
            for (String name : current.columnNames()) {
                if (!skip.contains(name)) {
                    out.add(name);
                }
            }
        }
        if (schema.prediction() != null) {
            out.add(schema.prediction());
        }
        if (schema.score() != null) {
            out.add(schema.score());
        }
        return new ArrayList<>(out);
    }
}
