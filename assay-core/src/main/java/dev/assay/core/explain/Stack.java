package dev.assay.core.explain;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of one frame followed by those of another, for the named columns (which both must hold). */
final class Stack {

    private Stack() {
    }

    static Frame of(Frame top, Frame bottom, List<String> names) {
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(stack(top.column(name, "feature"), bottom.column(name, "feature"), bottom.source()));
        }
        return Frame.of(top.source(), columns);
    }

    private static Column stack(Column a, Column b, String source) {
        int n = a.size() + b.size();
        if (a instanceof NumericColumn x && b instanceof NumericColumn y) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = i < x.size() ? x.get(i) : y.get(i - x.size());
            }
            return NumericColumn.wrap(a.name(), v);
        }
        if (a instanceof CategoricalColumn x && b instanceof CategoricalColumn y) {
            Map<String, Integer> codes = new LinkedHashMap<>();
            x.levels().forEach(l -> codes.putIfAbsent(l, codes.size()));
            y.levels().forEach(l -> codes.putIfAbsent(l, codes.size()));
            int[] c = new int[n];
            for (int i = 0; i < n; i++) {
                String v = i < x.size() ? x.get(i) : y.get(i - x.size());
                c[i] = v == null ? CategoricalColumn.MISSING : codes.get(v);
            }
            return CategoricalColumn.wrap(a.name(), c, new ArrayList<>(codes.keySet()));
        }
        if (a.type() != b.type()) {
            throw new InvalidInputException("Column '" + a.name() + "' is " + a.type() + " in the explained data but " + b.type()
                    + " in the background data " + source + "; give both the same column types.");
        }
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = i < a.size() ? ((TextColumn) a).get(i) : ((TextColumn) b).get(i - a.size());
        }
        return TextColumn.wrap(a.name(), v);
    }
}
