package dev.assay.core.synth.quality;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real data's columns read row by row from several tables (real, synthetic, holdout): numeric columns as
 * {@code double[]} (NaN = missing), categorical ones as codes into one dictionary shared by all tables
 * (-1 = missing). Every table must have every real column with the same type.
 */
final class AlignedTables {
    final List<String> names = new ArrayList<>();
    final boolean[] numeric;
    /** values[table][column][row], for numeric columns. */
    final double[][][] values;
    /** codes[table][column][row], for categorical columns. */
    final int[][][] codes;
    /** The number of categories of each categorical column over all tables. */
    final int[] categories;

    AlignedTables(List<Frame> tables) {
        Frame real = tables.get(0);
        int d = real.columnCount();
        numeric = new boolean[d];
        categories = new int[d];
        values = new double[tables.size()][d][];
        codes = new int[tables.size()][d][];
        for (int j = 0; j < d; j++) {
            Column r = real.columns().get(j);
            names.add(r.name());
            numeric[j] = r instanceof NumericColumn;
            if (!numeric[j] && !(r instanceof CategoricalColumn)) {
                throw new InvalidInputException("Column '" + r.name() + "' of " + real.source()
                        + " holds free text; synthetic-data quality compares numeric and categorical columns only; drop it.");
            }
            Map<String, Integer> dictionary = new HashMap<>();
            for (int t = 0; t < tables.size(); t++) {
                Column c = column(tables.get(t), r);
                if (numeric[j]) {
                    values[t][j] = ((NumericColumn) c).toArray();
                } else {
                    codes[t][j] = recode((CategoricalColumn) c, dictionary);
                }
            }
            categories[j] = dictionary.size();
        }
    }

    private static Column column(Frame table, Column real) {
        if (!table.has(real.name())) {
            throw new InvalidInputException(table.source() + " has no column '" + real.name() + "'; synthetic and real data"
                    + " need the same columns.");
        }
        Column c = table.column(real.name());
        if (c.getClass() != real.getClass()) {
            throw new InvalidInputException("Column '" + real.name() + "' is " + c.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " in " + table.source() + " but " + real.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " in the real data; give both files the same column types.");
        }
        return c;
    }

    private static int[] recode(CategoricalColumn c, Map<String, Integer> dictionary) {
        int[] map = new int[c.levels().size()];
        for (int k = 0; k < map.length; k++) {
            map[k] = dictionary.computeIfAbsent(c.levels().get(k), key -> dictionary.size());
        }
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            int code = c.code(i);
            out[i] = code < 0 ? -1 : map[code];
        }
        return out;
    }

    int columns() {
        return names.size();
    }

    int rows(int table) {
        for (int j = 0; j < columns(); j++) {
            return numeric[j] ? values[table][j].length : codes[table][j].length;
        }
        return 0;
    }

    /** Row {@code row} of table {@code table}. */
    Row row(int table, int row) {
        Row out = new Row(columns());
        for (int j = 0; j < columns(); j++) {
            if (numeric[j]) {
                out.values[j] = values[table][j][row];
            } else {
                out.codes[j] = codes[table][j][row];
            }
        }
        return out;
    }

    /** One row outside the tables, in the same layout. */
    static final class Row {
        final double[] values;
        final int[] codes;

        Row(int columns) {
            values = new double[columns];
            codes = new int[columns];
        }
    }
}
