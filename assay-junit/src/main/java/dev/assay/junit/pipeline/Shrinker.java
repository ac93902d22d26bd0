package dev.assay.junit.pipeline;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a frame on which a property fails to a smaller one on which it still fails: first rows (halves, then
 * one at a time), then values (numeric toward 0: 0, the value's integer part, half of it; missing to 0; categories
 * to the first level), greedily until no step keeps the failure or the step budget is spent.
 */
final class Shrinker {
    private final Predicate<Frame> fails;
    private final int budget;
    private int steps;

    Shrinker(Predicate<Frame> fails, int budget) {
        this.fails = fails;
        this.budget = budget;
    }

    /** The number of candidate frames tried so far. */
    int steps() {
        return steps;
    }

    /** The smallest failing frame found from {@code failing}. */
    Frame shrink(Frame failing) {
        Frame current = failing;
        boolean progress = true;
        while (progress && steps < budget) {
            progress = false;
            Frame smaller = fewerRows(current);
            if (smaller == null) {
                smaller = simplerValue(current);
            }
            if (smaller != null) {
                current = smaller;
                progress = true;
            }
        }
        return current;
    }

    private Frame fewerRows(Frame f) {
        int n = f.rowCount();
        for (int chunk = n / 2; chunk >= 1; chunk /= 2) {
            for (int from = 0; from + chunk <= n; from += chunk) {
                if (n - chunk < 1) {
                    continue;
                }
                Frame candidate = f.slice(without(n, from, chunk));
                if (tryFails(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private Frame simplerValue(Frame f) {
        for (Column c : f.columns()) {
            for (int row = 0; row < f.rowCount(); row++) {
                for (Column simpler : simpler(c, row)) {
                    Frame candidate = f.withColumn(simpler);
                    if (tryFails(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    /** Simpler versions of {@code c} differing at {@code row} only. */
    private static List<Column> simpler(Column c, int row) {
        List<Column> out = new ArrayList<>();
        if (c instanceof NumericColumn n) {
            double v = n.get(row);
            for (double s : new double[] {0, (double) (long) v, v / 2}) {
                boolean smaller = Double.isNaN(v) ? s == 0 : Math.abs(s) < Math.abs(v) && Double.isFinite(s);
                if (smaller) {
                    double[] values = n.toArray();
                    values[row] = s;
                    out.add(NumericColumn.wrap(n.name(), values));
                }
            }
        } else if (c instanceof CategoricalColumn k && k.code(row) != 0) {
            int[] codes = k.codesArray();
            codes[row] = 0;
            out.add(CategoricalColumn.wrap(k.name(), codes, k.levels()));
        }
        return out;
    }

    private boolean tryFails(Frame candidate) {
        steps++;
        return fails.test(candidate);
    }

    private static int[] without(int n, int from, int chunk) {
        int[] rows = new int[n - chunk];
        for (int i = 0, j = 0; i < n; i++) {
            if (i < from || i >= from + chunk) {
                rows[j++] = i;
            }
        }
        return rows;
    }
}
