package dev.assay.core.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column of categories stored as {@code int} codes into a dictionary of levels; code {@code -1}
 * marks a missing value. Either owns its code array or is a view through a row index.
 */
public final class CategoricalColumn implements Column {
    /** The code of a missing value. */
    public static final int MISSING = -1;

    private final String name;
    private final int[] codes;
    private final List<String> levels;
    private final int[] index;

    private CategoricalColumn(String name, int[] codes, List<String> levels, int[] index) {
        this.name = Objects.requireNonNull(name, "name");
        this.codes = codes;
        this.levels = levels;
        this.index = index;
    }

    /**
     * A column that takes ownership of {@code codes}; every code must be {@code -1} or a valid index
     * into {@code levels}, and levels must be distinct.
     */
    public static CategoricalColumn wrap(String name, int[] codes, List<String> levels) {
        List<String> lv = List.copyOf(levels);
        if (new java.util.HashSet<>(lv).size() != lv.size()) {
            throw new IllegalArgumentException("levels of column '" + name + "' are not distinct: " + lv);
        }
        for (int c : codes) {
            if (c < MISSING || c >= lv.size()) {
                throw new IllegalArgumentException("code " + c + " outside the " + lv.size() + " levels of column '" + name + "'");
            }
        }
        return new CategoricalColumn(name, codes, lv, null);
    }

    /** Encodes text values; {@code null} is missing. Levels are numbered in order of first appearance. */
    public static CategoricalColumn of(String name, String... values) {
        Map<String, Integer> dict = new HashMap<>();
        List<String> levels = new ArrayList<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                codes[i] = MISSING;
            } else {
                codes[i] = dict.computeIfAbsent(v, k -> {
                    levels.add(k);
                    return levels.size() - 1;
                });
            }
        }
        return new CategoricalColumn(name, codes, List.copyOf(levels), null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return index == null ? codes.length : index.length;
    }

    /** The code in {@code row}; {@link #MISSING} when missing. */
    public int code(int row) {
        return index == null ? codes[row] : codes[index[row]];
    }

    /** The dictionary: level {@code i} is the value of code {@code i}. Levels may be unused in a view. */
    public List<String> levels() {
        return levels;
    }

    /** The level in {@code row}; {@code null} when missing. */
    public String get(int row) {
        int c = code(row);
        return c == MISSING ? null : levels.get(c);
    }

    @Override
    public boolean isMissing(int row) {
        return code(row) == MISSING;
    }

    @Override
    public String format(int row) {
        return get(row);
    }

    /** A fresh copy of the codes in row order. */
    public int[] codesArray() {
        if (index == null) {
            return codes.clone();
        }
        int[] out = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = codes[index[i]];
        }
        return out;
    }

    @Override
    public CategoricalColumn slice(int[] rows) {
        return new CategoricalColumn(name, codes, levels, Column.compose(index, rows, size()));
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", n=" + size() + ", levels=" + levels.size() + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CategoricalColumn other) || !name.equals(other.name) || other.size() != size()) {
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
        int h = name.hashCode();
        for (int i = 0; i < size(); i++) {
            h = h * 31 + Objects.hashCode(get(i));
        }
        return h;
    }

    @Override
    public int missingCount() {
        int n = 0;
        for (int c : index == null ? codes : codesArray()) {
            if (c == MISSING) {
                n++;
            }
        }
        return n;
    }

    /** Counts of each level's code, in level order; missing values are not counted. */
    public long[] levelCounts() {
        long[] counts = new long[levels.size()];
        for (int i = 0; i < size(); i++) {
            int c = code(i);
            if (c != MISSING) {
                counts[c]++;
            }
        }
        return counts;
    }
}
