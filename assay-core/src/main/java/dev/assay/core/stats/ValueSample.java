package dev.assay.core.stats;

import java.util.Arrays;

/**
 * An exact, mergeable sample of (weighted) values. Merging concatenates; {@link #result()} sorts
 * once. Values must not be NaN; {@code -0.0} is stored as {@code 0.0}.
 */
public final class ValueSample implements Accumulator<ValueSample, ValueDistribution> {
    private double[] values = new double[16];
    private double[] weights;
    private int count;

    /** An empty unweighted sample; it becomes weighted at the first weight other than 1. */
    public ValueSample() {
        this(false);
    }

    /**
     * An empty sample; {@code weighted} makes it weighted from the start, so that its median is the
     * weighted one even when every weight is 1.
     */
    public ValueSample(boolean weighted) {
        if (weighted) {
            weights = new double[values.length];
        }
    }

    /** Adds {@code value} with weight {@code weight}. */
    public void add(double value, double weight) {
        if (weight != 1 && weights == null) {
            weights = new double[values.length];
            Arrays.fill(weights, 0, count, 1.0);
        }
        ensure(count + 1);
        if (weights != null) {
            weights[count] = weight;
        }
        values[count++] = value + 0.0;
    }

    private void ensure(int needed) {
        if (needed > values.length) {
            int size = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, values.length * 2L));
            values = Arrays.copyOf(values, size);
            if (weights != null) {
                weights = Arrays.copyOf(weights, size);
            }
        }
    }

    @Override
    public void merge(ValueSample other) {
        if (other.weights != null && weights == null) {
            weights = new double[values.length];
            Arrays.fill(weights, 0, count, 1.0);
        }
        ensure(count + other.count);
        System.arraycopy(other.values, 0, values, count, other.count);
        if (weights != null) {
            if (other.weights == null) {
                Arrays.fill(weights, count, count + other.count, 1.0);
            } else {
                System.arraycopy(other.weights, 0, weights, count, other.count);
            }
        }
        count += other.count;
    }

    @Override
    public ValueDistribution result() {
        double[] sorted = Arrays.copyOf(values, count);
        double[] runs = weights == null ? new double[count] : Arrays.copyOf(weights, count);
        if (weights == null) {
            DoubleSort.sort(sorted);
        } else {
            DoubleSort.sort(sorted, runs);
        }
        int distinct = 0;
        for (int k = 0; k < count; k++) {
            double w = weights == null ? 1 : runs[k];
            if (k == 0 || sorted[k] != sorted[distinct - 1]) {
                sorted[distinct] = sorted[k];
                runs[distinct++] = w;
            } else {
                runs[distinct - 1] += w;
            }
        }
        return new ValueDistribution(Arrays.copyOf(sorted, distinct), Arrays.copyOf(runs, distinct), weights != null);
    }
}
