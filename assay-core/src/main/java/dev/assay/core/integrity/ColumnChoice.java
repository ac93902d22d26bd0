package dev.assay.core.integrity;

import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns an integrity check looks at: those the suite names (each must exist), or by default
 * every column of the data, or every feature: the schema's features when it lists them, else every
 * column but the label, predictions, scores, class probabilities, id, timestamp and weight.
 */
final class ColumnChoice {
    private ColumnChoice() {
    }

    /** {@code named} when given (checked to exist), else every column but predictions and scores. */
    static List<String> all(Dataset data, List<String> named) {
        if (!named.isEmpty()) {
            return checked(data.frame(), named);
        }
        Set<String> skip = predictions(data.schema());
        return data.frame().columnNames().stream().filter(c -> !skip.contains(c)).toList();
    }

    /** {@code named} when given (checked to exist), else the features as described on this class. */
    static List<String> features(Dataset data, List<String> named) {
        if (!named.isEmpty()) {
            return checked(data.frame(), named);
        }
        Schema s = data.schema();
        if (!s.features().isEmpty()) {
            return s.features();
        }
        Set<String> skip = predictions(s);
        for (String c : new String[] {s.label(), s.id(), s.timestamp(), s.weight()}) {
            if (c != null) {
                skip.add(c);
            }
        }
        return data.frame().columnNames().stream().filter(c -> !skip.contains(c)).toList();
    }

    /** The columns among {@code columns} that are not numeric (categories and text). */
    static List<String> nonNumeric(Frame frame, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (!(frame.column(c) instanceof NumericColumn)) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<String> checked(Frame frame, List<String> named) {
        for (String c : named) {
            frame.column(c, "checked column");
        }
        return List.copyOf(named);
    }

    private static Set<String> predictions(Schema s) {
        Set<String> skip = new HashSet<>(s.classProbabilities().values());
        if (s.prediction() != null) {
            skip.add(s.prediction());
        }
        if (s.score() != null) {
            skip.add(s.score());
        }
        return skip;
    }

    /** The non-missing values of a column as text, one per row (null when missing). */
    static String[] text(Column column) {
        String[] out = new String[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.format(i);
        }
        return out;
    }
}
