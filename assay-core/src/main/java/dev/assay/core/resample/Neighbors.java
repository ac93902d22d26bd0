package dev.assay.core.resample;

/**
 * The k nearest neighbours of query rows among data rows by Euclidean distance, as
 * scikit-learn's {@code NearestNeighbors(n_neighbors=k).kneighbors(queries)}: row {@code i} holds the
 * indices into the data, nearest first, and their distances. A query that is itself a data row finds
 * itself, or an identical row, first (distance 0). Equal distances are ordered by data index; scikit-learn's tree and
 * brute-force searches may order such ties differently (the distances agree).
 *
 * <p>Exhaustive search, O(queries × data × features) at worst, run in parallel over queries; a row stops being
 * measured once its partial sum of squares reaches the current k-th distance.
 *
 * @param index    {@code index[i][j]}: the data row of the j-th neighbour of query i
 * @param distance {@code distance[i][j]}: its Euclidean distance
 */
public record Neighbors(int[][] index, double[][] distance) {

    /** The {@code k} nearest rows of {@code data} to each row of {@code queries}. */
    public static Neighbors of(double[][] data, double[][] queries, int k) {
        if (k < 1 || k > data.length) {
            throw new IllegalArgumentException("k must be from 1 to " + data.length + " (the data rows), found " + k);
        }
        int[][] index = new int[queries.length][];
        double[][] distance = new double[queries.length][];
        java.util.stream.IntStream.range(0, queries.length).parallel().forEach(q -> {
            int[] idx = new int[k];
            double[] d2 = new double[k];
            int size = 0;
            double[] x = queries[q];
            for (int i = 0; i < data.length; i++) {
                double s = size == k ? bounded(x, data[i], d2[k - 1]) : squared(x, data[i]);
                if (size == k && !(s < d2[k - 1])) {
                    continue;
                }
                int p = size == k ? k - 1 : size++;
                while (p > 0 && d2[p - 1] > s) {
                    d2[p] = d2[p - 1];
                    idx[p] = idx[p - 1];
                    p--;
                }
                d2[p] = s;
                idx[p] = i;
            }
            for (int j = 0; j < k; j++) {
                d2[j] = Math.sqrt(d2[j]);
            }
            index[q] = idx;
            distance[q] = d2;
        });
        return new Neighbors(index, distance);
    }

    /** The neighbours of every data row among the data, itself excluded: {@code kneighbors(X)[:, 1:]} with k+1. */
    public static int[][] excludingSelf(double[][] data, int k) {
        int[][] all = of(data, data, k + 1).index();
        int[][] out = new int[all.length][];
        for (int i = 0; i < all.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(all[i], 1, k + 1);
        }
        return out;
    }

    /** The squared distance, or a partial sum of at least {@code bound} once it reaches it (the row cannot be nearer). */
    private static double bounded(double[] a, double[] b, double bound) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
            if (s >= bound) {
                return s;
            }
        }
        return s;
    }

    static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }
}
