package dev.assay.io;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBReadableVector;

/** Copies one result column, chunk by chunk, into an exactly sized primitive array. */
abstract sealed class ColumnFill {
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

    /**
     * Category codes as DuckDB's {@code enum_code} over the given levels (NULL = missing); the levels
     * are re-numbered into Java's {@link String#compareTo} order.
     */
    static final class Codes extends ColumnFill {
        private final int[] codes;
        private final List<String> enumLevels;

        Codes(String name, int rows, List<String> enumLevels) {
            super(name);
            this.codes = new int[rows];
            this.enumLevels = enumLevels;
        }

        @Override
        void fill(DuckDBReadableVector vector, int count, int offset) {
            for (int i = 0; i < count; i++) {
                codes[offset + i] = vector.getInt(i, CategoricalColumn.MISSING);
            }
        }

        @Override
        Column build() {
            Integer[] order = new Integer[enumLevels.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> enumLevels.get(a).compareTo(enumLevels.get(b)));
            int[] remap = new int[order.length];
            List<String> sorted = new ArrayList<>(order.length);
            for (int newCode = 0; newCode < order.length; newCode++) {
                remap[order[newCode]] = newCode;
                sorted.add(enumLevels.get(order[newCode]));
            }
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] != CategoricalColumn.MISSING) {
                    codes[i] = remap[codes[i]];
                }
            }
            return CategoricalColumn.wrap(name, codes, sorted);
        }
    }

    /** VARCHAR values as free text; NULL and missing-value markers become {@code null}. */
    static final class Texts extends ColumnFill {
        private final String[] values;
        private final Set<String> missingValues;

        Texts(String name, int rows, Set<String> missingValues) {
            super(name);
            this.values = new String[rows];
            this.missingValues = missingValues;
        }

        @Override
        void fill(DuckDBReadableVector vector, int count, int offset) {
            for (int i = 0; i < count; i++) {
                String v = vector.isNull(i) ? null : vector.getString(i);
                values[offset + i] = v == null || missingValues.contains(v) ? null : v;
            }
        }

        @Override
        Column build() {
            return TextColumn.wrap(name, values);
        }
    }

    /**
     * VARCHAR values declared numeric, parsed here ({@link NumberText}) so that a bad value can be
     * reported with its row; blank values and missing-value markers become {@code NaN}.
     */
    static final class ParsedNumbers extends ColumnFill {
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
            if (missingValues.contains(raw) || raw.isBlank()) {
                return Double.NaN;
            }
            if (!NumberText.isNumber(raw)) {
                throw reporter.badValue(name, row, raw);
            }
            return NumberText.parse(raw);
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
