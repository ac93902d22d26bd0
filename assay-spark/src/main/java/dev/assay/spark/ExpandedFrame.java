package dev.assay.spark;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;

/**
 * A {@link Frame} holding every row that {@link RowCounts} counted: each distinct combination
 * repeated as often as it occurs, in a fixed order (combinations sorted by their values, missing
 * first), so the result does not depend on how Spark partitioned the rows. Spark numeric types
 * become numeric columns (null and NaN missing), every other type a categorical column of its text
 * with levels in sorted order.
 */
final class ExpandedFrame {
    private ExpandedFrame() {
    }

    /** The frame of {@code counts}, named {@code source} in messages. */
    static Frame of(RowCounts counts, String source) {
        if (counts.rows() > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException(source + " has " + counts.rows() + " rows, more than one frame holds (2^31 - 9)."
                    + " Run the check on a sample or on a slice of the rows.");
        }
        int k = counts.columns().size();
        boolean[] numeric = new boolean[k];
        for (int c = 0; c < k; c++) {
            DataType t = counts.types().fields()[c].dataType();
            numeric[c] = t instanceof NumericType;
        }
        Integer[] order = new Integer[counts.tuples().size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, comparator(counts.tuples(), numeric));
        int n = (int) counts.rows();
        List<Column> columns = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            String name = counts.columns().get(c);
            columns.add(numeric[c] ? numeric(name, c, counts, order, n) : categorical(name, c, counts, order, n));
        }
        return Frame.of(source, columns);
    }

    private static Column numeric(String name, int c, RowCounts counts, Integer[] order, int n) {
        double[] values = new double[n];
        int at = 0;
        for (int i : order) {
            double v = number(counts.tuples().get(i)[c]);
            int times = (int) counts.counts()[i];
            Arrays.fill(values, at, at + times, v);
            at += times;
        }
        return NumericColumn.wrap(name, values);
    }

    private static Column categorical(String name, int c, RowCounts counts, Integer[] order, int n) {
        TreeSet<String> distinct = new TreeSet<>();
        for (Object[] t : counts.tuples()) {
            if (t[c] != null) {
                distinct.add(t[c].toString());
            }
        }
        List<String> levels = new ArrayList<>(distinct);
        Map<String, Integer> codeOf = new HashMap<>();
        for (String level : levels) {
            codeOf.put(level, codeOf.size());
        }
        int[] codes = new int[n];
        int at = 0;
        for (int i : order) {
            Object v = counts.tuples().get(i)[c];
            int code = v == null ? CategoricalColumn.MISSING : codeOf.get(v.toString());
            int times = (int) counts.counts()[i];
            Arrays.fill(codes, at, at + times, code);
            at += times;
        }
        return CategoricalColumn.wrap(name, codes, levels);
    }

    private static double number(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private static Comparator<Integer> comparator(List<Object[]> tuples, boolean[] numeric) {
        return (a, b) -> {
            Object[] x = tuples.get(a);
            Object[] y = tuples.get(b);
            for (int c = 0; c < numeric.length; c++) {
                int r = numeric[c] ? compareNumbers(number(x[c]), number(y[c])) : compareText(x[c], y[c]);
                if (r != 0) {
                    return r;
                }
            }
            return 0;
        };
    }

    private static int compareNumbers(double x, double y) {
        boolean mx = Double.isNaN(x);
        boolean my = Double.isNaN(y);
        return mx || my ? Boolean.compare(my, mx) : Double.compare(x, y);
    }

    private static int compareText(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        return x.toString().compareTo(y.toString());
    }
}
