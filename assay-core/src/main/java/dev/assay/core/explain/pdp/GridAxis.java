package dev.assay.core.explain.pdp;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The values one column is set to, as scikit-learn 1.2.1's {@code _grid_from_X}: a categorical column's
 * observed levels (sorted); a numeric column's distinct values when it has fewer than {@code resolution},
 * else {@code resolution} evenly spaced values from its lower to its upper percentile, both computed as
 * {@code scipy.stats.mstats.mquantiles} (alphap = betap = 0.4). Missing values are ignored.
 *
 * @param column the column
 * @param values the numeric grid (empty for a categorical column)
 * @param levels the categorical grid (empty for a numeric column)
 */
public record GridAxis(String column, double[] values, List<String> levels) {

    public GridAxis {
        values = values.clone();
        levels = List.copyOf(levels);
    }

    /** Whether the grid is of levels. */
    public boolean categorical() {
        return !levels.isEmpty();
    }

    /** The number of grid points. */
    public int size() {
        return categorical() ? levels.size() : values.length;
    }

    /** Grid point {@code k} as text. */
    public String label(int k) {
        return categorical() ? levels.get(k) : NumberText.format(values[k]);
    }

    /** The grid of {@code column} of {@code data} (percentiles as fractions, e.g. 0.05 and 0.95). */
    public static GridAxis of(Frame data, String column, int resolution, double lower, double upper) {
        Column c = data.column(column, "partial dependence");
        if (c instanceof CategoricalColumn cat) {
            TreeSet<String> seen = new TreeSet<>();
            for (int i = 0; i < cat.size(); i++) {
                if (!cat.isMissing(i)) {
                    seen.add(cat.get(i));
                }
            }
            if (seen.isEmpty()) {
                throw empty(data, column);
            }
            return new GridAxis(column, new double[0], List.copyOf(seen));
        }
        if (!(c instanceof NumericColumn num)) {
            throw new InvalidInputException("Column '" + column + "' of " + data.source() + " holds free text; partial dependence needs"
                    + " a numeric or categorical column.");
        }
        double[] sorted = Arrays.stream(num.toArray()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            throw empty(data, column);
        }
        double[] unique = Arrays.stream(sorted).distinct().toArray();
        if (unique.length < resolution) {
            return new GridAxis(column, unique, List.of());
        }
        double lo = mquantile(sorted, lower);
        double hi = mquantile(sorted, upper);
        if (Math.abs(hi - lo) <= 1e-8 + 1e-5 * Math.abs(hi)) {
            throw new InvalidInputException("Column '" + column + "' of " + data.source() + " has the same value at its "
                    + NumberText.format(100 * lower) + "th and " + NumberText.format(100 * upper) + "th percentiles (" + NumberText.format(lo)
                    + "); widen the percentiles or leave the column out.");
        }
        double step = (hi - lo) / (resolution - 1);
        double[] grid = new double[resolution];
        for (int k = 0; k < resolution; k++) {
            grid[k] = k * step + lo;
        }
        grid[resolution - 1] = hi;
        return new GridAxis(column, grid, List.of());
    }

    /** scipy.stats.mstats.mquantiles of sorted values at probability {@code p} with alphap = betap = 0.4. */
    static double mquantile(double[] sorted, double p) {
        int n = sorted.length;
        double m = 0.4 + p * (1 - 0.4 - 0.4);
        double aleph = n * p + m;
        int k = (int) Math.floor(Math.max(1, Math.min(n - 1, aleph)));
        double gamma = Math.max(0, Math.min(1, aleph - k));
        if (n == 1) {
            return sorted[0];
        }
        return (1 - gamma) * sorted[k - 1] + gamma * sorted[Math.min(k, n - 1)];
    }

    private static InvalidInputException empty(Frame data, String column) {
        return new InvalidInputException("Column '" + column + "' of " + data.source() + " has no values (all missing); partial"
                + " dependence needs at least one.");
    }
}
