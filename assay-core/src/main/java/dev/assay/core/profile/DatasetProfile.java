package dev.assay.core.profile;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.Excerpt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profiles of the columns of a data set, in column order, with the row count and the sources they
 * were built from. Profiles of parts of the same schema (the same column names and types, in any
 * order) merge into the profile of the whole: exact counts, min, max and moments exactly, the sketches
 * within their stated error.
 */
public final class DatasetProfile {
    private final Map<String, ColumnProfile> columns;
    private final List<String> sources;
    private long rows;

    DatasetProfile(List<ColumnProfile> columns, List<String> sources, long rows) {
        this.columns = new LinkedHashMap<>();
        columns.forEach(c -> this.columns.put(c.name(), c));
        this.sources = new ArrayList<>(sources);
        this.rows = rows;
    }

    /** The rows profiled. */
    public long rows() {
        return rows;
    }

    /** The files or data sets profiled, in the order they were merged. */
    public List<String> sources() {
        return Collections.unmodifiableList(sources);
    }

    /** The column profiles in column order. */
    public List<ColumnProfile> columns() {
        return List.copyOf(columns.values());
    }

    /** Whether the profile has a column named {@code name}. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /** The profile of column {@code name}, or null when the profile has none. */
    public ColumnProfile column(String name) {
        return columns.get(name);
    }

    /**
     * Adds everything {@code other} has seen; {@code other} is left unchanged.
     *
     * @param what how the two profiles are named in messages, e.g. {@code "a.profile and b.profile"}
     * @throws InvalidInputException when the two have different columns or a column differs in type
     */
    public void merge(DatasetProfile other, String what) {
        List<String> problems = new ArrayList<>();
        for (String name : columns.keySet()) {
            if (!other.columns.containsKey(name)) {
                problems.add("column '" + Excerpt.of(name) + "' is only in the first");
            }
        }
        for (ColumnProfile c : other.columns.values()) {
            ColumnProfile mine = columns.get(c.name());
            if (mine == null) {
                problems.add("column '" + Excerpt.of(c.name()) + "' is only in the second");
            } else if (!mine.type().equals(c.type())) {
                problems.add("column '" + Excerpt.of(c.name()) + "' is " + mine.type() + " in the first and " + c.type()
                        + " in the second");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Cannot merge the profiles " + what + ": " + String.join("; ", problems)
                    + ". Profile every part with the same columns and types (--columns, and the same column types).");
        }
        for (ColumnProfile c : other.columns.values()) {
            ColumnProfile mine = columns.get(c.name());
            if (mine instanceof NumericProfile) {
                ((NumericProfile) mine).merge((NumericProfile) c);
            } else {
                ((CategoryProfile) mine).merge((CategoryProfile) c);
            }
        }
        rows += other.rows;
        sources.addAll(other.sources);
    }

    /**
     * The profile of the columns {@code names}, in that order, with this profile's row count and sources; the
     * column profiles are shared with this one, not copied.
     *
     * @throws InvalidInputException naming a column this profile does not have
     */
    public DatasetProfile select(List<String> names) {
        List<ColumnProfile> out = new ArrayList<>();
        for (String name : names) {
            ColumnProfile c = columns.get(name);
            if (c == null) {
                throw new InvalidInputException("The profile has no column '" + Excerpt.of(name) + "'; its columns are "
                        + String.join(", ", columns.keySet()) + ".");
            }
            out.add(c);
        }
        return new DatasetProfile(out, sources, rows);
    }
}
