package dev.assay.core.robustness;

import dev.assay.core.uncertainty.BootstrapIntervals;
import java.util.Arrays;

/**
 * What the clean data says of a numeric column, for scaling and constraining perturbations.
 *
 * <p>{@code std} is the sample standard deviation ({@code ddof=1}, as {@code pandas.Series.std()}), 0
 * for fewer than two values; {@code iqr} is {@code q75 − q25} by linear interpolation (numpy's default
 * {@code np.percentile}). Missing values are left out of both.
 *
 * @param count the values present
 * @param std the sample standard deviation
 * @param iqr the interquartile range
 * @param min the smallest value (NaN without values)
 * @param max the largest value (NaN without values)
 * @param integer whether every value present is a whole number
 */
public record NumericProfile(int count, double std, double iqr, double min, double max, boolean integer) {

    /** The profile of {@code values} (NaN = missing). */
    public static NumericProfile of(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = present.length;
        if (n == 0) {
            return new NumericProfile(0, 0, 0, Double.NaN, Double.NaN, true);
        }
        double mean = 0;
        boolean integer = true;
        for (double v : present) {
            mean += v;
            integer &= v == Math.rint(v);
        }
        mean /= n;
        double ss = 0;
        for (double v : present) {
            ss += (v - mean) * (v - mean);
        }
        double std = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
        double iqr = BootstrapIntervals.quantile(present, 0.75) - BootstrapIntervals.quantile(present, 0.25);
        return new NumericProfile(n, std, iqr, present[0], present[n - 1], integer);
    }

    /** The spread a perturbation scales by. */
    public double spread(Spread kind) {
        return kind == Spread.IQR ? iqr : std;
    }

    /** Which measure of spread scales numeric noise. */
    public enum Spread {
        /** The sample standard deviation (ddof 1). */
        STD,
        /** The interquartile range q75 − q25. */
        IQR
    }
}
