package dev.assay.core.stats;

/**
 * The exact distribution of a sample: its distinct values in ascending order with the total
 * weight of each (the count when the sample is unweighted).
 */
public final class ValueDistribution {
    private final double[] values;
    private final double[] weights;
    private final boolean weighted;

    ValueDistribution(double[] values, double[] weights, boolean weighted) {
        this.values = values;
        this.weights = weights;
        this.weighted = weighted;
    }

    /** The number of distinct values. */
    public int size() {
        return values.length;
    }

    /** Whether weights other than 1 were given. */
    public boolean weighted() {
        return weighted;
    }

    /**
     * The median. Unweighted: numpy's {@code np.median} (the mean of the two middle values for an
     * even count). Weighted: scikit-learn 1.2.1's {@code _weighted_percentile(x, w, 50)}, the
     * smallest value whose cumulative weight reaches half the total (no interpolation). NaN when
     * empty.
     */
    public double median() {
        if (values.length == 0) {
            return Double.NaN;
        }
        if (!weighted) {
            long n = 0;
            for (double c : weights) {
                n += (long) c;
            }
            long upper = n / 2;
            double hi = valueAtRank(upper);
            return n % 2 == 1 ? hi : (valueAtRank(upper - 1) + hi) / 2;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double half = 0.5 * total;
        if (half == 0) {
            half = Math.nextUp(half);
        }
        double cumulative = 0;
        for (int i = 0; i < values.length; i++) {
            cumulative += weights[i];
            if (cumulative >= half) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** The value of 0-based rank {@code rank} in the sorted unweighted sample. */
    private double valueAtRank(long rank) {
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += (long) weights[i];
            if (seen > rank) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
