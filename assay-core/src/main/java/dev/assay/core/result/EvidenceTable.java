package dev.assay.core.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A small table that backs a result up: a confusion matrix, per-class values, the worst rows.
 * Cells are strings or numbers ({@link Number}); null is an empty cell.
 */
public record EvidenceTable(String title, List<String> columns, List<List<Object>> rows) {

    public EvidenceTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row of " + r.size() + " cells in a table of " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
