package dev.assay.core.robustness;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Adds Gaussian noise to numeric columns, scaled to each column's clean spread:
 * {@code x' = x + sigma · spread · z}, {@code z ~ N(0, 1)}, where the spread is the sample standard deviation
 * (ddof 1) or, with {@link NumericProfile.Spread#IQR}, the interquartile range. The result is then rounded to a
 * whole number for integer columns and clipped to the bounds. Missing values stay missing; categorical and text
 * columns are not changed. {@code sigma = 0} changes nothing.
 */
final class GaussianNoise extends ColumnPerturbation {
    private final double sigma;
    private final NumericProfile.Spread spread;

    GaussianNoise(double sigma, NumericProfile.Spread spread) {
        super("gaussian_noise", Map.of("sigma", Double.toString(sigma), "scale", spread.name().toLowerCase(java.util.Locale.ROOT)));
        this.sigma = sigma;
        this.spread = spread;
    }

    @Override
    double numeric(double value, NumericProfile profile, SplittableRandom random) {
        double z = Gaussian.next(random);
        return Double.isNaN(value) || sigma == 0 ? value : value + sigma * profile.spread(spread) * z;
    }
}
