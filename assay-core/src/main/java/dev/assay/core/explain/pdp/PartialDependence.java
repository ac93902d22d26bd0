package dev.assay.core.explain.pdp;

import java.util.List;

/**
 * The partial dependence of a model's output on one column or a pair of columns, with the individual
 * conditional expectation (ICE) curve of every row. For a pair, grid point k = i * size(second) + j
 * holds the first column at its i-th and the second at its j-th value (scikit-learn's order).
 *
 * @param axes the grid of each column, one or two
 * @param average the partial dependence at each grid point: the mean of the ICE values
 * @param individual {@code individual[row][k]}: the output for the row with the columns set to grid point k
 */
public record PartialDependence(List<GridAxis> axes, double[] average, double[][] individual) {

    public PartialDependence {
        axes = List.copyOf(axes);
    }

    /** The number of grid points. */
    public int points() {
        return average.length;
    }

    /** max - min of the partial dependence over the grid. */
    public double range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : average) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    /**
     * The largest decrease of the curve along the grid, max over i &lt; j of pd_i - pd_j (0 when it never
     * decreases): how far a curve declared non-decreasing falls short of it.
     */
    public double largestDecrease() {
        double peak = Double.NEGATIVE_INFINITY;
        double out = 0;
        for (double v : average) {
            peak = Math.max(peak, v);
            out = Math.max(out, peak - v);
        }
        return out;
    }

    /** The largest increase along the grid, max over i &lt; j of pd_j - pd_i (0 when it never increases). */
    public double largestIncrease() {
        double low = Double.POSITIVE_INFINITY;
        double out = 0;
        for (double v : average) {
            low = Math.min(low, v);
            out = Math.max(out, v - low);
        }
        return out;
    }

    /**
     * Centred ICE (Goldstein et al. 2015; scikit-learn's {@code centered=True}): each row's curve minus its
     * value at the first grid point; the average is centred likewise.
     */
    public PartialDependence centred() {
        double[][] ice = new double[individual.length][];
        for (int r = 0; r < ice.length; r++) {
            ice[r] = new double[average.length];
            for (int k = 0; k < average.length; k++) {
                ice[r][k] = individual[r][k] - individual[r][0];
            }
        }
        double[] pd = new double[average.length];
        for (int k = 0; k < pd.length; k++) {
            pd[k] = average[k] - average[0];
        }
        return new PartialDependence(axes, pd, ice);
    }
}
