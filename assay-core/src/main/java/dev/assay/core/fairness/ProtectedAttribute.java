package dev.assay.core.fairness;

import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A protected column and how its values form groups: categories by value; numbers by value when
 * they take at most {@code quantiles} distinct values, otherwise by quantile bins (pandas
 * {@code qcut}, see {@link dev.assay.core.slicing.ColumnBins}) or by the given edges (pandas
 * {@code cut(x, edges, right=True, include_lowest=True)}: bins {@code [e0, e1], (e1, e2], ...};
 * values outside every bin form the groups {@code < e0} and {@code > ek}). Missing values form a
 * group of their own, {@code missing}.
 *
 * @param column the column name
 * @param edges the increasing bin edges for a numeric column; empty to use quantiles
 * @param quantiles the number of quantile bins of a numeric column when no edges are given
 */
public record ProtectedAttribute(String column, double[] edges, int quantiles) {

    public ProtectedAttribute {
        Objects.requireNonNull(column, "column");
        edges = edges.clone();
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new InvalidInputException("the bin edges of protected column '" + column + "' must increase, but "
                        + edges[i - 1] + " is followed by " + edges[i] + ": give them in increasing order without repeats.");
            }
        }
        if (edges.length == 1) {
            throw new InvalidInputException("protected column '" + column + "' has one bin edge (" + edges[0]
                    + "); give at least two edges, e.g. 18, 25, 65, 100.");
        }
        if (quantiles < 2) {
            throw new InvalidInputException("protected column '" + column + "' needs at least 2 quantile bins, not " + quantiles + ".");
        }
    }

    /** Groups by value, or numbers with many values by quartile. */
    public static ProtectedAttribute of(String column) {
        return new ProtectedAttribute(column, new double[0], 4);
    }

    /** Numbers grouped by the given increasing edges. */
    public static ProtectedAttribute withEdges(String column, double... edges) {
        return new ProtectedAttribute(column, edges, 4);
    }

    /** Numbers grouped into {@code q} quantile bins. */
    public static ProtectedAttribute withQuantiles(String column, int q) {
        return new ProtectedAttribute(column, new double[0], q);
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtectedAttribute p && column.equals(p.column) && Arrays.equals(edges, p.edges) && quantiles == p.quantiles;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, Arrays.hashCode(edges), quantiles);
    }

    @Override
    public String toString() {
        return column + (edges.length > 0 ? " cut at " + Arrays.toString(edges) : "");
    }
}
