package dev.assay.core.synth;

import java.util.Arrays;
import java.util.Map;

/**
 * The empirical distribution of the values. {@link #cdf} is the mid-distribution function
 * (F(x-) + F(x)) / 2 with F the right-continuous empirical CDF, so tied values get their mid-rank as
 * normal score; {@link #quantile} inverts the step function F, x = x_(ceil(un)), so sampled values are
 * always observed values (integer and discrete columns keep their support).
 */
public final class EmpiricalMarginal implements Marginal {
    private final double[] sorted;

    private EmpiricalMarginal(double[] sorted) {
        this.sorted = sorted;
    }

    /** The empirical distribution of {@code x} (at least one value). */
    public static EmpiricalMarginal fit(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return new EmpiricalMarginal(s);
    }

    @Override
    public String family() {
        return "empirical";
    }

    @Override
    public double cdf(double x) {
        int below = lowerBound(x);
        int atOrBelow = upperBound(x);
        return (below + atOrBelow) / (2.0 * sorted.length);
    }

    @Override
    public double quantile(double u) {
        int k = (int) Math.ceil(u * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("values", (double) sorted.length);
    }

    private int lowerBound(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int upperBound(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
