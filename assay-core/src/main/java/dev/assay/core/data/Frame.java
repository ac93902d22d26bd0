package dev.assay.core.data;

import dev.assay.core.error.Excerpt;
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
 * are views: they share the column arrays and hold only an index. A frame may know where its rows
 * are in its source ({@link RowLocator}), so that messages can name the file line of a row.
 */
public final class Frame {
    private final String source;
    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final int rowCount;
    private final RowLocator locator;

    private Frame(String source, List<Column> columns, RowLocator locator) {
        this.source = source;
        this.locator = locator;
        this.columns = List.copyOf(columns);
        Map<String, Column> map = new LinkedHashMap<>();
        int n = -1;
        for (Column c : this.columns) {
            if (map.put(c.name(), c) != null) {
                throw new InvalidInputException("Duplicate column name '" + Excerpt.of(c.name()) + "'"
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
        return new Frame(null, new ArrayList<>(columns), null);
    }

    /** A frame of the given columns. */
    public static Frame of(Column... columns) {
        return of(List.of(columns));
    }

    /** A frame that remembers where it came from (a file name, a table), used in error messages. */
    public static Frame of(String source, List<? extends Column> columns) {
        return new Frame(source, new ArrayList<>(columns), null);
    }

    /** A frame that remembers its source and where each row is in it (e.g. the line of a CSV file). */
    public static Frame of(String source, List<? extends Column> columns, RowLocator rows) {
        return new Frame(source, new ArrayList<>(columns), rows);
    }

    /** Where the data came from, for messages; may be null. */
    public String source() {
        return source;
    }

    /**
     * Names 0-based row {@code row} for a message: {@code "row 6"} (1-based), followed by its place in
     * the source when known, as in {@code "row 6 (line 7)"}.
     */
    public String describeRow(int row) {
        String place = locator == null ? null : locator.locate(row);
        return "row " + (row + 1) + (place == null ? "" : " (" + place + ")");
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
     * @throws InvalidInputException if it is missing or not numeric; the message names the first
     *     value that is not a number, with its row
     */
    public NumericColumn numeric(String name, String role) {
        Column c = column(name, role);
        if (c instanceof NumericColumn n) {
            return n;
        }
        throw new InvalidInputException("Column '" + Excerpt.of(name) + "'" + (role == null ? "" : " (" + role + ")")
                + (source == null ? "" : " in " + source) + " must be numeric, but " + firstNonNumber(c));
    }

    /** What keeps {@code c} from being numeric: its first value that is not a number, with its row. */
    private String firstNonNumber(Column c) {
        int firstValue = -1;
        for (int i = 0; i < c.size(); i++) {
            String v = c.format(i);
            if (v != null && !NumberText.isNumber(v)) {
                return describeRow(i) + " holds '" + Excerpt.of(v) + "', which is not a number (numbers are written like "
                        + NumberText.EXAMPLES + "). Correct or remove the value, or pick a numeric column.";
            }
            firstValue = firstValue < 0 && v != null ? i : firstValue;
        }
        if (firstValue < 0) {
            return "every value in it is missing. Fill in the values, or pick another column.";
        }
        return "it holds its numbers as " + c.type().id() + " values (" + describeRow(firstValue) + ": '"
                + Excerpt.of(c.format(firstValue)) + "'). Declare the column numeric when reading the data.";
    }

    /** A view of the given rows (0-based, in the given order). */
    public Frame slice(int[] rows) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.slice(rows));
        }
        int[] original = rows.clone();
        return new Frame(source, out, locator == null ? null : r -> locator.locate(original[r]));
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
        return new Frame(source, out, locator);
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
        return new Frame(source, out, locator);
    }

    @Override
    public String toString() {
        return "Frame[" + (source == null ? "" : source + ", ") + rowCount + " rows x " + columns.size() + " columns]";
    }
}
