package dev.assay.core.data;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An immutable table of named columns of equal length. Row subsets ({@link #slice}, {@link #filter})
 * are views: they share the column arrays and hold only an index.
 */
public final class Frame {
    private final String source;
    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final int rowCount;

    private Frame(String source, List<Column> columns) {
        this.source = source;
        this.columns = List.copyOf(columns);
        Map<String, Column> map = new LinkedHashMap<>();
        int n = -1;
        for (Column c : this.columns) {
            if (map.put(c.name(), c) != null) {
                throw new InvalidInputException("Duplicate column name '" + c.name() + "'"
                        + (source == null ? "" : " in " + source)
                        + ". Every column needs a distinct name: rename one of them in the header.");
            }
            if (n >= 0 && c.size() != n) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " rows, expected " + n);
            }
            n = c.size();
        }
        this.byName = Collections.unmodifiableMap(map);
        this.rowCount = Math.max(n, 0);
    }

    /** A frame of the given columns, which must have distinct names and equal sizes. */
    public static Frame of(List<? extends Column> columns) {
        return new Frame(null, new ArrayList<>(columns));
    }

    /** A frame of the given columns. */
    public static Frame of(Column... columns) {
        return of(List.of(columns));
    }

    /** A frame that remembers where it came from (a file name, a table), used in error messages. */
    public static Frame of(String source, List<? extends Column> columns) {
        return new Frame(source, new ArrayList<>(columns));
    }

    /** Where the data came from, for messages; may be null. */
    public String source() {
        return source;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    /** The columns in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The column names in order. */
    public List<String> columnNames() {
        return List.copyOf(byName.keySet());
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /**
     * The column called {@code name}.
     *
     * @throws UnknownColumnException naming the closest existing columns
     */
    public Column column(String name) {
        return column(name, null);
    }

    /**
     * The column called {@code name}, wanted for {@code role} (used in the error message).
     *
     * @throws UnknownColumnException naming the closest existing columns
     */
    public Column column(String name, String role) {
        Column c = byName.get(Objects.requireNonNull(name, "name"));
        if (c == null) {
            throw new UnknownColumnException(name, role, source, byName.keySet());
        }
        return c;
    }

    /**
     * The numeric column called {@code name}.
     *
     * @throws InvalidInputException if it is missing or not numeric
     */
    public NumericColumn numeric(String name, String role) {
        Column c = column(name, role);
        if (c instanceof NumericColumn n) {
            return n;
        }
        throw new InvalidInputException("Column '" + name + "'" + (role == null ? "" : " (" + role + ")")
                + (source == null ? "" : " in " + source) + " must be numeric but holds " + c.type().id()
                + " values" + firstNonNumber(c) + ". Correct or remove the value, or pick a numeric column.");
    }

    /** Where the first value that does not read as a number is, e.g. {@code " (row 2: 'high')"}. */
    private static String firstNonNumber(Column c) {
        for (int i = 0; i < c.size(); i++) {
            String v = c.format(i);
            if (v != null) {
                try {
                    Double.parseDouble(v.trim());
                } catch (NumberFormatException e) {
                    return " (row " + (i + 1) + ": '" + v + "' is not a number)";
                }
            }
        }
        return "";
    }

    /** A view of the given rows (0-based, in the given order). */
    public Frame slice(int[] rows) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.slice(rows));
        }
        return new Frame(source, out);
    }

    /** A view of the rows for which {@code keep} is true. */
    public Frame filter(IntPredicate keep) {
        int[] rows = new int[rowCount];
        int n = 0;
        for (int i = 0; i < rowCount; i++) {
            if (keep.test(i)) {
                rows[n++] = i;
            }
        }
        return slice(java.util.Arrays.copyOf(rows, n));
    }

    /** A frame with only the named columns, in the given order. */
    public Frame select(List<String> names) {
        List<Column> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(column(n));
        }
        return new Frame(source, out);
    }

    /** A frame with {@code column} added, or replacing the column of the same name. */
    public Frame withColumn(Column column) {
        List<Column> out = new ArrayList<>(columns);
        boolean replaced = false;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(column.name())) {
                out.set(i, column);
                replaced = true;
            }
        }
        if (!replaced) {
            out.add(column);
        }
        return new Frame(source, out);
    }

    @Override
    public String toString() {
        return "Frame[" + (source == null ? "" : source + ", ") + rowCount + " rows x " + columns.size() + " columns]";
    }
}
