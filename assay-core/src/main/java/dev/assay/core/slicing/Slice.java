package dev.assay.core.slicing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows that meet every term: one term for a slice of one column, two for a pair.
 *
 * @param terms what the rows have in common, one per column
 * @param rows the row numbers (0-based, ascending) in the frame the slice was cut from; empty for a
 *     slice whose rows are elsewhere (counted by a distributed engine)
 * @param size the number of rows
 */
public record Slice(List<SliceTerm> terms, int[] rows, int size) {

    public Slice {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a slice needs at least one term");
        }
    }

    /** The slice of {@code rows}. */
    public Slice(List<SliceTerm> terms, int[] rows) {
        this(terms, rows, rows.length);
    }

    /** The columns the slice is cut by, in order. */
    public List<String> columns() {
        return terms.stream().map(SliceTerm::column).toList();
    }

    /** E.g. {@code sex = Female and age in [17, 28]}. */
    public String describe() {
        return terms.stream().map(SliceTerm::describe).collect(Collectors.joining(" and "));
    }

    /** Whether every term of {@code other} is also a term of this slice (this slice lies within it). */
    public boolean refines(Slice other) {
        return terms.containsAll(other.terms);
    }
}
