package dev.assay.io;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.ColumnType;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.duckdb.DuckDBReadableVector;

/** Copies one result column, chunk by chunk, into an exactly sized primitive array. */
abstract sealed class ColumnFill {
    /** A VARCHAR column is free text when it has more distinct values than this and than half its rows. */
    static final int TEXT_MIN_DISTINCT = 1000;

    final String name;

    ColumnFill(String name) {
        this.name = name;
    }

    /** Copies the {@code count} values of {@code vector} into rows {@code offset ...}. */
    abstract void fill(DuckDBReadableVector vector, int count, int offset);

    abstract Column build();

    /** DOUBLE values; NULL becomes {@code NaN}. */
    static final class Numbers extends ColumnFill {
        private final double[] values;

        Numbers(String name, int rows) {
            super(name);
            values = new double[rows];
        }

        @Override
        void fill(DuckDBReadableVector vector, int count, int offset) {
            for (int i = 0; i < count; i++) {
                values[offset + i] = vector.getDouble(i, Double.NaN);
            }
        }

        @Override
        Column build() {
            return NumericColumn.wrap(name, values);
        }
    }

    /** BOOLEAN values as the categories {@code "false"} (code 0) and {@code "true"} (code 1). */
    static final class Booleans extends ColumnFill {
        private final int[] codes;

        Booleans(String name, int rows) {
            super(name);
            codes = new int[rows];
        }

        @Override
        void fill(DuckDBReadableVector vector, int count, int offset) {
            for (int i = 0; i < count; i++) {
                codes[offset + i] = vector.isNull(i) ? CategoricalColumn.MISSING : vector.getBoolean(i) ? 1 : 0;
            }
        }

        @Override
        Column build() {
            return CategoricalColumn.wrap(name, codes, List.of("false", "true"));
        }
    }

    /** VARCHAR values kept as text, either categorical or free text. */
    static final class Strings extends ColumnFill {
        private final int[] codes;
        private final Map<String, Integer> dictionary = new HashMap<>();
        private final List<String> levels = new ArrayList<>();
        private final Set<String> missingValues;
        private final ColumnType forced;

        /** {@code forced} is {@code null} to apply the free-text rule. */
        Strings(String name, int rows, Set<String> missingValues, ColumnType forced) {
            super(name);
            this.codes = new int[rows];
            this.missingValues = missingValues;
            this.forced = forced;
        }

        @Override
        void fill(DuckDBReadableVector vector, int count, int offset) {
            for (int i = 0; i < count; i++) {
                if (vector.isNull(i)) {
                    codes[offset + i] = CategoricalColumn.MISSING;
                } else {
                    String v = vector.getString(i);
                    Integer code = dictionary.get(v);
                    if (code == null) {
                        code = missingValues.contains(v) ? CategoricalColumn.MISSING : levels.size();
                        if (code != CategoricalColumn.MISSING) {
                            levels.add(v);
                        }
                        dictionary.put(v, code);
                    }
                    codes[offset + i] = code;
                }
            }
        }

        @Override
        Column build() {
            boolean text = forced == ColumnType.TEXT
                    || forced == null && levels.size() > TEXT_MIN_DISTINCT && levels.size() > codes.length / 2;
            if (text) {
                String[] values = new String[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    values[i] = codes[i] == CategoricalColumn.MISSING ? null : levels.get(codes[i]);
                }
                return TextColumn.wrap(name, values);
            }
            String[] sorted = levels.toArray(new String[0]);
            Arrays.sort(sorted);
            int[] remap = new int[sorted.length];
            for (int newCode = 0; newCode < sorted.length; newCode++) {
                remap[dictionary.get(sorted[newCode])] = newCode;
            }
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] != CategoricalColumn.MISSING) {
                    codes[i] = remap[codes[i]];
                }
            }
            return CategoricalColumn.wrap(name, codes, Arrays.asList(sorted));
        }
    }

    /** VARCHAR values declared numeric, parsed here so that a bad value can be reported with its row. */
    static final class ParsedNumbers extends ColumnFill {
        private static final Pattern NUMBER = Pattern.compile(
                "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(?i:inf|infinity)|(?i:nan)");

        private final double[] values;
        private final Set<String> missingValues;
        private final BadValueReporter reporter;

        ParsedNumbers(String name, int rows, Set<String> missingValues, BadValueReporter reporter) {
            super(name);
            this.values = new double[rows];
            this.missingValues = missingValues;
            this.reporter = reporter;
        }

        @Override
        void fill(DuckDBReadableVector vector, int count, int offset) {
            for (int i = 0; i < count; i++) {
                values[offset + i] = vector.isNull(i) ? Double.NaN : parse(vector.getString(i), offset + i);
            }
        }

        private double parse(String raw, int row) {
            if (missingValues.contains(raw)) {
                return Double.NaN;
            }
            String v = raw.strip();
            if (v.isEmpty()) {
                return Double.NaN;
            }
            if (!NUMBER.matcher(v).matches()) {
                throw reporter.badValue(name, row, raw);
            }
            char last = Character.toLowerCase(v.charAt(v.length() - 1));
            if (last == 'f' || last == 'y') {
                return v.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v);
        }

        @Override
        Column build() {
            return NumericColumn.wrap(name, values);
        }
    }

    /** Builds the error for a value that is not a number, knowing how to name the row in the file. */
    interface BadValueReporter {
        RuntimeException badValue(String column, int row, String value);
    }
}
