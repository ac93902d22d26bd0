package dev.assay.core.explain;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shapley values by full enumeration of the 2^M coalitions of M features (Shapley 1953; Lundberg &amp;
 * Lee 2017, eq. 8): phi_i = sum over S not holding i of |S|! (M - |S| - 1)! / M! (v(S + i) - v(S)), with
 * the interventional coalition values of {@link CoalitionValues}. The values sum to v(all) - v(none) =
 * link(f(x)) - link(E f(z)) up to rounding. Cost: 2^M coalitions times the background size per row,
 * so at most {@value #MAX_FEATURES} features.
 */
public final class ExactShapley {
    /** The most features enumerated. */
    public static final int MAX_FEATURES = 16;

    private ExactShapley() {
    }

    /**
     * The Shapley values of every row of {@code rows}.
     *
     * @param maxRows about how many synthetic rows one model call predicts
     * @throws InvalidInputException with no or more than {@value #MAX_FEATURES} features
     */
    public static Explanation explain(ModelOutput output, Frame rows, Background background, List<Feature> features, Link link,
            int maxRows) {
        int m = features.size();
        if (m == 0 || m > MAX_FEATURES) {
            throw new InvalidInputException("Exact Shapley values enumerate 2^M coalitions and take 1 to " + MAX_FEATURES
                    + " features; " + m + " were given. Use KernelSHAP for more features.");
        }
        if (rows.rowCount() == 0) {
            throw new InvalidInputException("The data " + rows.source() + " has no rows to explain.");
        }
        CoalitionValues values = new CoalitionValues(output, rows, background, features, link, maxRows);
        List<boolean[]> masks = new ArrayList<>(1 << m);
        for (int s = 0; s < 1 << m; s++) {
            boolean[] mask = new boolean[m];
            for (int f = 0; f < m; f++) {
                mask[f] = (s >> f & 1) == 1;
            }
            masks.add(mask);
        }
        double[] weight = new double[m];
        for (int s = 0; s < m; s++) {
            weight[s] = 1 / (m * binomial(m - 1, s));
        }
        List<RowExplanation> out = IntStream.range(0, rows.rowCount()).mapToObj(r -> {
            double[] v = values.values(r, masks);
            double[] phi = new double[m];
            for (int s = 0; s < v.length; s++) {
                int size = Integer.bitCount(s);
                for (int f = 0; f < m; f++) {
                    if ((s >> f & 1) == 0) {
                        phi[f] += weight[size] * (v[s | 1 << f] - v[s]);
                    }
                }
            }
            return new RowExplanation(r, v[0], v[v.length - 1], phi, new double[m]);
        }).toList();
        return new Explanation("exact", link, features.stream().map(Feature::name).toList(), out);
    }

    /** C(n, k) as a double. */
    static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
