package dev.assay.core.synth;

import java.util.Arrays;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A Gaussian kernel density estimate with Scott's bandwidth, as {@code scipy.stats.gaussian_kde(x)}:
 * h = s n^(-1/5) with s the sample standard deviation (divisor n - 1), and
 * F(x) = (1/n) sum_i Phi((x - x_i) / h) ({@code gaussian_kde.integrate_box_1d(-inf, x)}).
 *
 * <p>F is tabulated once on {@value #GRID} points from min - 5h to max + 5h and read by linear
 * interpolation, which also inverts it for {@link #quantile}. Up to {@value #EXACT} values the table sums
 * over every value; above, over the counts of {@value #EXACT} equal-width bins at their centres (the error
 * is at most half a bin width in x, a small fraction of h).
 */
public final class KdeMarginal implements Marginal {
    static final int GRID = 1024;
    static final int EXACT = 4096;
    private static final NormalDistribution PHI = NormalDistribution.of(0, 1);

    private final double bandwidth;
    private final double[] grid;
    private final double[] table;

    private KdeMarginal(double bandwidth, double[] grid, double[] table) {
        this.bandwidth = bandwidth;
        this.grid = grid;
        this.table = table;
    }

    /** The estimate of {@code x}; null when the values do not vary (no bandwidth). */
    public static KdeMarginal fit(double[] x) {
        int n = x.length;
        double mean = ParametricMarginal.mean(x);
        double sd = n > 1 ? Math.sqrt(ParametricMarginal.variance(x, mean) * n / (n - 1)) : 0;
        if (!(sd > 0)) {
            return null;
        }
        double h = sd * Math.pow(n, -0.2);
        double min = ParametricMarginal.min(x);
        double max = ParametricMarginal.max(x);
        double[] centres;
        double[] weights;
        if (n <= EXACT) {
            centres = x.clone();
            weights = new double[n];
            Arrays.fill(weights, 1.0 / n);
        } else {
            centres = new double[EXACT];
            weights = new double[EXACT];
            double width = (max - min) / EXACT;
            for (int b = 0; b < EXACT; b++) {
                centres[b] = min + (b + 0.5) * width;
            }
            for (double v : x) {
                weights[Math.min(EXACT - 1, (int) ((v - min) / width))] += 1.0 / n;
            }
        }
        double lo = min - 5 * h;
        double step = (max - min + 10 * h) / (GRID - 1);
        double[] grid = new double[GRID];
        double[] table = new double[GRID];
        for (int g = 0; g < GRID; g++) {
            grid[g] = lo + g * step;
            double f = 0;
            for (int i = 0; i < centres.length; i++) {
                if (weights[i] > 0) {
                    f += weights[i] * PHI.cumulativeProbability((grid[g] - centres[i]) / h);
                }
            }
            table[g] = Math.min(1, f);
        }
        return new KdeMarginal(h, grid, table);
    }

    @Override
    public String family() {
        return "gaussian_kde";
    }

    @Override
    public double cdf(double x) {
        if (x <= grid[0]) {
            return table[0];
        }
        if (x >= grid[GRID - 1]) {
            return table[GRID - 1];
        }
        int i = Arrays.binarySearch(grid, x);
        if (i >= 0) {
            return table[i];
        }
        int hi = -i - 1;
        double t = (x - grid[hi - 1]) / (grid[hi] - grid[hi - 1]);
        return table[hi - 1] + t * (table[hi] - table[hi - 1]);
    }

    @Override
    public double quantile(double u) {
        if (u <= table[0]) {
            return grid[0];
        }
        if (u >= table[GRID - 1]) {
            return grid[GRID - 1];
        }
        int lo = 0;
        int hi = GRID - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (table[mid] < u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = table[hi] - table[lo];
        double t = span > 0 ? (u - table[lo]) / span : 0;
        return grid[lo] + t * (grid[hi] - grid[lo]);
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("bandwidth", bandwidth);
    }
}
