package dev.assay.core.anonymity;

/**
 * t-closeness (Li, Li and Venkatasubramanian, "t-Closeness: Privacy Beyond k-Anonymity and l-Diversity", ICDE 2007):
 * the largest Earth Mover's Distance between a class's distribution P of the sensitive column and the whole
 * table's Q, over m sensitive values.
 * <ul>
 *   <li>equal distance (categorical values, every pair at distance 1): {@code D = 1/2 sum |p_i - q_i|};</li>
 *   <li>ordered distance (numeric values in ascending order, adjacent values at distance 1/(m-1)):
 *       {@code D = 1/(m-1) sum_{i=1..m} |sum_{j<=i} (p_j - q_j)|}.</li>
 * </ul>
 * The paper's salary example (3k-11k) gives 0.375 for {3k, 4k, 5k} and 0.167 for {6k, 8k, 11k}.
 *
 * @param equal the table's t under equal distance
 * @param ordered the table's t under ordered distance; NaN when the sensitive column is not numeric
 */
public record TCloseness(double equal, double ordered) {

    /** t-closeness of per-class value counts; codes are ranks when {@code ordered}. */
    static TCloseness of(int[][] counts, boolean ordered) {
        int m = counts.length == 0 ? 0 : counts[0].length;
        double[] q = new double[m];
        long n = 0;
        for (int[] row : counts) {
            for (int i = 0; i < m; i++) {
                q[i] += row[i];
                n += row[i];
            }
        }
        for (int i = 0; i < m; i++) {
            q[i] /= n;
        }
        double equal = 0;
        double ord = 0;
        for (int[] row : counts) {
            double[] p = shares(row);
            equal = Math.max(equal, equalDistance(p, q));
            ord = Math.max(ord, orderedDistance(p, q));
        }
        return new TCloseness(equal, ordered ? ord : Double.NaN);
    }

    /** {@code 1/2 sum |p_i - q_i|}. */
    static double equalDistance(double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += Math.abs(p[i] - q[i]);
        }
        return s / 2;
    }

    /** {@code 1/(m-1) sum_i |sum_{j<=i} (p_j - q_j)|}; 0 for one value. */
    static double orderedDistance(double[] p, double[] q) {
        if (p.length < 2) {
            return 0;
        }
        double cumulative = 0;
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i] - q[i];
            s += Math.abs(cumulative);
        }
        return s / (p.length - 1);
    }

    private static double[] shares(int[] row) {
        double n = 0;
        for (int v : row) {
            n += v;
        }
        double[] p = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            p[i] = row[i] / n;
        }
        return p;
    }
}
