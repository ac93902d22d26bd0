package dev.assay.core.synth;

import dev.assay.core.data.CategoricalColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The frequency-interval encoding of a categorical column (RDT's {@code UniformEncoder}, used by SDV's
 * Gaussian copula): categories, ordered by falling frequency (ties in level order), split [0, 1] into
 * consecutive intervals whose widths are their shares; a value is encoded as a point drawn uniformly in its
 * category's interval, so the encoded column is uniform on [0, 1], and a point u decodes to the category
 * whose interval holds it. A missing value is a category of its own (code {@link CategoricalColumn#MISSING}).
 */
public final class CategoryIntervals {
    private final int[] codes;
    private final double[] start;
    private final double[] end;
    private final int[] position;

    private CategoryIntervals(int[] codes, double[] start, double[] end, int levels) {
        this.codes = codes;
        this.start = start;
        this.end = end;
        this.position = new int[levels + 1];
        java.util.Arrays.fill(position, -1);
        for (int k = 0; k < codes.length; k++) {
            position[codes[k] + 1] = k;
        }
    }

    /** The intervals of the column's categories (at least one row). */
    public static CategoryIntervals of(CategoricalColumn column) {
        long[] counts = column.levelCounts();
        long missing = column.missingCount();
        List<int[]> order = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                order.add(new int[] {c});
            }
        }
        if (missing > 0) {
            order.add(new int[] {CategoricalColumn.MISSING});
        }
        order.sort(Comparator.comparingLong((int[] c) -> c[0] < 0 ? missing : counts[c[0]]).reversed()
                .thenComparingInt(c -> c[0] < 0 ? Integer.MAX_VALUE : c[0]));
        double n = column.size();
        int k = order.size();
        int[] codes = new int[k];
        double[] start = new double[k];
        double[] end = new double[k];
        double at = 0;
        for (int i = 0; i < k; i++) {
            int c = order.get(i)[0];
            codes[i] = c;
            start[i] = at;
            at += (c < 0 ? missing : counts[c]) / n;
            end[i] = i == k - 1 ? 1 : at;
        }
        return new CategoryIntervals(codes, start, end, column.levels().size());
    }

    /** A point drawn uniformly in the interval of {@code code}. */
    public double encode(int code, RandomGenerator random) {
        int k = position[code + 1];
        return start[k] + random.nextDouble() * (end[k] - start[k]);
    }

    /** Whether {@code code} (a level or {@link CategoricalColumn#MISSING}) occurs in the fitted data. */
    public boolean has(int code) {
        return code + 1 < position.length && position[code + 1] >= 0;
    }

    /** The category whose interval holds {@code u}. */
    public int decode(double u) {
        int lo = 0;
        int hi = end.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < end[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return codes[lo];
    }

    /** The interval [start, end) of {@code code}. */
    public double[] interval(int code) {
        int k = position[code + 1];
        return new double[] {start[k], end[k]};
    }
}
