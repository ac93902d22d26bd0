package dev.assay.core.drift;

import dev.assay.core.stats.DoubleSort;
import java.util.Arrays;

/**
 * The non-missing values of a numeric column, sorted ascending (one radix sort), with the count of
 * missing (NaN) values.
 *
 * @param column the column's name
 * @param sorted the values without NaN, ascending, {@code -0.0} as {@code 0.0}
 * @param missing the number of NaN values left out
 */
public record NumericSample(String column, double[] sorted, long missing) implements ColumnSample {

    /** The sample of {@code values} (NaN = missing); does not change {@code values}. */
    public static NumericSample of(String column, double[] values) {
        double[] kept = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                kept[n++] = v == 0 ? 0.0 : v;
            }
        }
        double[] sorted = n == kept.length ? kept : Arrays.copyOf(kept, n);
        DoubleSort.sort(sorted);
        return new NumericSample(column, sorted, values.length - n);
    }

    @Override
    public long count() {
        return sorted.length;
    }

    /** The number of distinct values. */
    public int distinct() {
        int d = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                d++;
            }
        }
        return d;
    }
}
