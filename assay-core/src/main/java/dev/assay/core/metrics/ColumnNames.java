package dev.assay.core.metrics;

import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import java.util.function.IntFunction;

/**
 * Column names, data source and row names, for messages. Array input uses generic names.
 *
 * @param rows names a 0-based row, e.g. {@code "row 6 (line 7)"}
 */
record ColumnNames(String source, String label, String prediction, String score, String weight, IntFunction<String> rows) {
    static final ColumnNames ARRAYS = new ColumnNames(null, "truth", "predicted", "score", "weight", i -> "row " + (i + 1));

    /** The names of {@code schema}'s columns in {@code frame}, whose rows name their place in the source. */
    static ColumnNames of(Frame frame, Schema schema) {
        return new ColumnNames(frame.source(), schema.label(), schema.prediction(), schema.score(), schema.weight(),
                frame::describeRow);
    }

    /** The same names with {@code column} as the score column. */
    ColumnNames withScore(String column) {
        return new ColumnNames(source, label, prediction, column, weight, rows);
    }

    /** "Column 'name' (role) of source", leaving out the role when it is the name and the source when unknown. */
    String column(String name, String role) {
        return "Column '" + Excerpt.of(name) + "'" + (role == null || role.equals(name) ? "" : " (" + role + ")")
                + (source == null ? "" : " of " + source);
    }

    /** Names 0-based row {@code i}: {@code "row 6"}, with its place in the source when known. */
    String row(int i) {
        return rows.apply(i);
    }
}
