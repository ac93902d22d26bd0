package dev.assay.core.explain.pdp;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.ModelOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Partial dependence by brute force, as scikit-learn 1.2.1's {@code partial_dependence(method='brute')}
 * (Friedman 2001): for each grid point the columns of the axes are set to its values in every row, the
 * rows are predicted, and the partial dependence is the mean output, pd(v) = (1/n) sum_i f(v, x_i,rest);
 * each row's outputs form its ICE curve (Goldstein et al. 2015). Rows times grid points are predicted in
 * batches of about {@code maxRows} rows, one model call per batch.
 */
public final class PartialDependences {

    private PartialDependences() {
    }

    /** The partial dependence of {@code output} over {@code rows} on the columns of {@code axes} (one or two). */
    public static PartialDependence compute(ModelOutput output, Frame rows, List<GridAxis> axes, int maxRows) {
        if (axes.isEmpty() || axes.size() > 2) {
            throw new IllegalArgumentException("partial dependence on 1 or 2 columns, not " + axes.size());
        }
        if (axes.size() == 2 && axes.get(0).column().equals(axes.get(1).column())) {
            throw new InvalidInputException("A pair of columns for partial dependence must be two different columns, got '"
                    + axes.get(0).column() + "' twice.");
        }
        int n = rows.rowCount();
        if (n == 0) {
            throw new InvalidInputException("The data " + rows.source() + " has no rows for partial dependence.");
        }
        for (GridAxis a : axes) {
            rows.column(a.column(), "partial dependence");
        }
        int points = axes.stream().mapToInt(GridAxis::size).reduce(1, (a, b) -> a * b);
        double[][] ice = new double[n][points];
        double[] pd = new double[points];
        int perCall = Math.max(1, maxRows / n);
        for (int from = 0; from < points; from += perCall) {
            int to = Math.min(points, from + perCall);
            double[] y = output.apply(synthetic(rows, axes, from, to));
            for (int k = from; k < to; k++) {
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    double v = y[(k - from) * n + r];
                    ice[r][k] = v;
                    sum += v;
                }
                pd[k] = sum / n;
            }
        }
        return new PartialDependence(axes, pd, ice);
    }

    /** The rows repeated for grid points from (inclusive) to to (exclusive), the axis columns set to each point. */
    private static Frame synthetic(Frame rows, List<GridAxis> axes, int from, int to) {
        int n = rows.rowCount();
        int size = (to - from) * n;
        int[] repeat = new int[size];
        for (int i = 0; i < size; i++) {
            repeat[i] = i % n;
        }
        List<Column> columns = new ArrayList<>();
        for (Column c : rows.columns()) {
            int a = axisOf(axes, c.name());
            columns.add(a < 0 ? c.slice(repeat) : gridColumn(c, axes, a, from, n, size));
        }
        return Frame.of(rows.source(), columns);
    }

    private static Column gridColumn(Column original, List<GridAxis> axes, int a, int from, int n, int size) {
        GridAxis axis = axes.get(a);
        int inner = a == 0 && axes.size() == 2 ? axes.get(1).size() : 1;
        if (axis.categorical()) {
            CategoricalColumn c = (CategoricalColumn) original;
            List<String> levels = new ArrayList<>(c.levels());
            for (String level : axis.levels()) {
                if (!levels.contains(level)) {
                    levels.add(level);
                }
            }
            int[] gridCodes = axis.levels().stream().mapToInt(levels::indexOf).toArray();
            int[] codes = new int[size];
            for (int i = 0; i < size; i++) {
                codes[i] = gridCodes[position(from + i / n, inner, axis.size())];
            }
            return CategoricalColumn.wrap(original.name(), codes, levels);
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = axis.values()[position(from + i / n, inner, axis.size())];
        }
        return NumericColumn.wrap(original.name(), values);
    }

    /** The index into an axis of grid point k: k / inner mod size (inner = size of the second axis for the first of a pair). */
    private static int position(int k, int inner, int size) {
        return (k / inner) % size;
    }

    private static int axisOf(List<GridAxis> axes, String column) {
        for (int a = 0; a < axes.size(); a++) {
            if (axes.get(a).column().equals(column)) {
                return a;
            }
        }
        return -1;
    }
}
