package dev.assay.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A column of {@code double} values; {@code NaN} marks a missing value. Either owns its array or
 * is a view over another column's array through a row index.
 */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;
    private final int[] index;

    private NumericColumn(String name, double[] values, int[] index) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values;
        this.index = index;
    }

    /** A column that takes ownership of {@code values}: the caller must not change the array afterwards. */
    public static NumericColumn wrap(String name, double[] values) {
        return new NumericColumn(name, Objects.requireNonNull(values, "values"), null);
    }

    /** A column holding a copy of {@code values}. */
    public static NumericColumn of(String name, double... values) {
        return wrap(name, values.clone());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    public int size() {
        return index == null ? values.length : index.length;
    }

    /** The value in {@code row}; {@code NaN} when missing. */
    public double get(int row) {
        return index == null ? values[row] : values[index[row]];
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(get(row));
    }

    @Override
    public String format(int row) {
        double v = get(row);
        if (Double.isNaN(v)) {
            return null;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A fresh copy of the values in row order. */
    public double[] toArray() {
        if (index == null) {
            return values.clone();
        }
        double[] out = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = values[index[i]];
        }
        return out;
    }

    @Override
    public NumericColumn slice(int[] rows) {
        return new NumericColumn(name, values, Column.compose(index, rows, size()));
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", n=" + size() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumn other && name.equals(other.name) && Arrays.equals(toArray(), other.toArray());
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(toArray());
    }
}
