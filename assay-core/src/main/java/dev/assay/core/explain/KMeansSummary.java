package dev.assay.core.explain;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A weighted k-means summary of background data, as the shap library's {@code shap.kmeans(X, k)}:
 * Lloyd's k-means on the numeric columns (k-means++ seeding from {@code seed}, at most
 * {@value #ITERATIONS} iterations), each centre's value of a column then replaced by the nearest value the
 * column holds (so every value is a real one), each centre weighted by the rows in its cluster. Columns of
 * other types take the most frequent value of the cluster. Rows with a missing numeric value are left out.
 */
final class KMeansSummary {
    static final int ITERATIONS = 100;

    private KMeansSummary() {
    }

    static Background of(Frame frame, int k, long seed) {
        List<NumericColumn> numeric = new ArrayList<>();
        frame.columns().stream().filter(NumericColumn.class::isInstance).forEach(c -> numeric.add((NumericColumn) c));
        int[] rows = IntStream.range(0, frame.rowCount())
                .filter(r -> numeric.stream().noneMatch(c -> c.isMissing(r))).toArray();
        if (numeric.isEmpty() || rows.length == 0 || k < 1) {
            throw new InvalidInputException("A k-means background needs k >= 1 and numeric columns with complete rows; the data "
                    + frame.source() + " has " + numeric.size() + " numeric columns and " + rows.length + " complete rows (k = "
                    + k + ").");
        }
        if (k >= rows.length) {
            return Background.of(frame.slice(rows));
        }
        int d = numeric.size();
        double[][] x = new double[rows.length][d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = numeric.get(j).get(rows[i]);
            }
        }
        int[] label = lloyd(x, seedCentres(x, k, new SplittableRandom(seed)));
        double[] weights = new double[k];
        int[][] index = new int[frame.columnCount()][k];
        double[][] centre = means(x, label, k);
        for (int c = 0; c < k; c++) {
            for (int i : label) {
                weights[c] += i == c ? 1 : 0;
            }
        }
        for (int col = 0; col < frame.columnCount(); col++) {
            Column column = frame.columns().get(col);
            int j = numeric.indexOf(column);
            for (int c = 0; c < k; c++) {
                index[col][c] = j >= 0 ? nearest(x, j, centre[c][j], rows) : mode(column, rows, label, c);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int col = 0; col < frame.columnCount(); col++) {
            columns.add(frame.columns().get(col).slice(index[col]));
        }
        return new Background(Frame.of(frame.source() + " (k-means summary)", columns), weights);
    }

    private static double[][] seedCentres(double[][] x, int k, SplittableRandom random) {
        double[][] centres = new double[k][];
        centres[0] = x[random.nextInt(x.length)];
        double[] d2 = new double[x.length];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < x.length; i++) {
                d2[i] = Math.min(d2[i], distance(x[i], centres[c - 1]));
                total += d2[i];
            }
            double u = random.nextDouble() * total;
            int pick = 0;
            while (pick < x.length - 1 && u >= d2[pick]) {
                u -= d2[pick++];
            }
            centres[c] = x[pick];
        }
        return centres;
    }

    private static int[] lloyd(double[][] x, double[][] centres) {
        int k = centres.length;
        int[] label = new int[x.length];
        for (int it = 0; it < ITERATIONS; it++) {
            boolean changed = it == 0;
            for (int i = 0; i < x.length; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (distance(x[i], centres[c]) < distance(x[i], centres[best])) {
                        best = c;
                    }
                }
                changed |= best != label[i];
                label[i] = best;
            }
            if (!changed) {
                break;
            }
            double[][] means = means(x, label, k);
            for (int c = 0; c < k; c++) {
                centres[c] = means[c] == null ? centres[c] : means[c];
            }
        }
        return label;
    }

    /** The mean of each cluster; null for an empty one. */
    private static double[][] means(double[][] x, int[] label, int k) {
        double[][] sum = new double[k][x[0].length];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            count[label[i]]++;
            for (int j = 0; j < x[i].length; j++) {
                sum[label[i]][j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < sum[c].length; j++) {
                sum[c][j] /= count[c];
            }
        }
        double[][] out = new double[k][];
        for (int c = 0; c < k; c++) {
            out[c] = count[c] == 0 ? null : sum[c];
        }
        return out;
    }

    private static int nearest(double[][] x, int j, double value, int[] rows) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i][j] - value) < Math.abs(x[best][j] - value)) {
                best = i;
            }
        }
        return rows[best];
    }

    private static int mode(Column column, int[] rows, int[] label, int c) {
        Map<String, Integer> count = new HashMap<>();
        int best = -1;
        for (int i = 0; i < rows.length; i++) {
            if (label[i] == c) {
                int n = count.merge(String.valueOf(column.format(rows[i])), 1, Integer::sum);
                if (best < 0 || n > count.get(String.valueOf(column.format(best)))) {
                    best = rows[i];
                }
            }
        }
        return best;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }
}
