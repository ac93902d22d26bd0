package dev.assay.core.data;

import java.util.Arrays;
import java.util.Objects;

/** A column of free text; {@code null} marks a missing value. */
public final class TextColumn implements Column {
    private final String name;
    private final String[] values;
    private final int[] index;

    private TextColumn(String name, String[] values, int[] index) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values;
        this.index = index;
    }

    /** A column that takes ownership of {@code values}. */
    public static TextColumn wrap(String name, String[] values) {
        return new TextColumn(name, Objects.requireNonNull(values, "values"), null);
    }

    /** A column holding a copy of {@code values}. */
    public static TextColumn of(String name, String... values) {
        return wrap(name, values.clone());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.TEXT;
    }

    @Override
    public int size() {
        return index == null ? values.length : index.length;
    }

    /** The text in {@code row}; {@code null} when missing. */
    public String get(int row) {
        return index == null ? values[row] : values[index[row]];
    }

    @Override
    public boolean isMissing(int row) {
        return get(row) == null;
    }

    @Override
    public String format(int row) {
        return get(row);
    }

    @Override
    public TextColumn slice(int[] rows) {
        return new TextColumn(name, values, Column.compose(index, rows, size()));
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", n=" + size() + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TextColumn other) || !name.equals(other.name) || other.size() != size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!Objects.equals(get(i), other.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        String[] copy = new String[size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = get(i);
        }
        return name.hashCode() * 31 + Arrays.hashCode(copy);
    }
}
