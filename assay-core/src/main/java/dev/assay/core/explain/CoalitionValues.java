package dev.assay.core.explain;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The value of coalitions of features for one explained row, interventionally: v(S) = link(sum_b w_b
 * f(x_S, z_b,rest)), the weighted mean of the model output over the background rows z_b with the features
 * of S taken from the explained row x (Janzing et al. 2020; the shap library's KernelExplainer). Columns in
 * no feature keep the explained row's value (the pool holds them for the explained rows only, padded). Coalitions are predicted in batches of about
 * {@code maxRows} synthetic rows, one model call per batch.
 */
final class CoalitionValues {
    private final ModelOutput output;
    private final Frame pool;
    private final int explainedRows;
    private final double[] weights;
    private final int[][] featureColumns;
    private final boolean[] fixed;
    private final Link link;
    private final int maxRows;

    CoalitionValues(ModelOutput output, Frame explained, Background background, List<Feature> features, Link link, int maxRows) {
        this.output = output;
        this.link = link;
        this.maxRows = maxRows;
        this.explainedRows = explained.rowCount();
        this.weights = background.weights();
        List<String> names = explained.columnNames();
        Set<String> used = new HashSet<>();
        featureColumns = new int[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            featureColumns[f] = new int[features.get(f).columns().size()];
            for (int c = 0; c < featureColumns[f].length; c++) {
                String column = features.get(f).columns().get(c);
                if (!used.add(column)) {
                    throw new InvalidInputException("Column '" + column + "' belongs to more than one explained feature; give each"
                            + " column to one feature only.");
                }
                explained.column(column, "feature");
                featureColumns[f][c] = names.indexOf(column);
            }
        }
        fixed = new boolean[names.size()];
        List<Column> columns = new ArrayList<>();
        int[] padded = new int[explainedRows + weights.length];
        for (int r = 0; r < explainedRows; r++) {
            padded[r] = r;
        }
        for (int c = 0; c < names.size(); c++) {
            fixed[c] = !used.contains(names.get(c));
            columns.add(fixed[c] ? explained.columns().get(c).slice(padded)
                    : Stack.of(explained, background.rows(), List.of(names.get(c))).columns().get(0));
        }
        pool = Frame.of(explained.source(), columns);
    }

    /** The number of background rows. */
    int backgroundSize() {
        return weights.length;
    }

    /** The model's raw outputs for every explained row, in one call. */
    double[] outputs() {
        return output.apply(pool.slice(IntStream.range(0, explainedRows).toArray()));
    }

    /** Whether feature {@code f} of explained row {@code row} equals its value in every background row. */
    boolean constant(int row, int f) {
        for (int c : featureColumns[f]) {
            Column column = pool.columns().get(c);
            String x = column.format(row);
            for (int b = 0; b < weights.length; b++) {
                String z = column.format(explainedRows + b);
                if (x == null ? z != null : !x.equals(z)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** v(S) for each coalition (true: the feature is the explained row's) of explained row {@code row}. */
    double[] values(int row, List<boolean[]> masks) {
        double[] out = new double[masks.size()];
        int nb = weights.length;
        int perCall = Math.max(1, maxRows / nb);
        for (int from = 0; from < masks.size(); from += perCall) {
            int to = Math.min(masks.size(), from + perCall);
            double[] y = output.apply(synthetic(row, masks.subList(from, to)));
            for (int m = from; m < to; m++) {
                double mean = 0;
                for (int b = 0; b < nb; b++) {
                    mean += weights[b] * y[(m - from) * nb + b];
                }
                out[m] = link.apply(mean);
            }
        }
        return out;
    }

    private Frame synthetic(int row, List<boolean[]> masks) {
        int nb = weights.length;
        int n = masks.size() * nb;
        int[][] index = new int[fixed.length][];
        for (int c = 0; c < fixed.length; c++) {
            index[c] = new int[n];
            Arrays.fill(index[c], row);
        }
        for (int m = 0; m < masks.size(); m++) {
            boolean[] mask = masks.get(m);
            for (int f = 0; f < featureColumns.length; f++) {
                if (!mask[f]) {
                    for (int c : featureColumns[f]) {
                        for (int b = 0; b < nb; b++) {
                            index[c][m * nb + b] = explainedRows + b;
                        }
                    }
                }
            }
        }
        List<Column> columns = new ArrayList<>(fixed.length);
        for (int c = 0; c < fixed.length; c++) {
            columns.add(pool.columns().get(c).slice(index[c]));
        }
        return Frame.of(pool.source(), columns);
    }
}
