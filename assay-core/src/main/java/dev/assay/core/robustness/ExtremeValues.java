package dev.assay.core.robustness;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replaces each present numeric value, with probability {@code rate}, by a value beyond the clean range: with
 * equal chance {@code min − factor · spread} or {@code max + factor · spread} (spread: the sample standard
 * deviation, ddof 1, or the IQR; 1 when that spread is 0). Declared bounds still hold, so a bounded column gets its bound instead (an
 * extreme but allowed value); integer columns get whole numbers. {@code rate = 0} changes nothing.
 */
final class ExtremeValues extends ColumnPerturbation {
    private final double rate;
    private final double factor;
    private final NumericProfile.Spread spread;

    ExtremeValues(double rate, double factor, NumericProfile.Spread spread) {
        super("extreme_values", Map.of("rate", Double.toString(rate), "factor", Double.toString(factor), "scale",
                spread.name().toLowerCase(java.util.Locale.ROOT)));
        this.rate = rate;
        this.factor = factor;
        this.spread = spread;
    }

    @Override
    double numeric(double value, NumericProfile profile, SplittableRandom random) {
        boolean hit = random.nextDouble() < rate;
        boolean low = random.nextBoolean();
        if (!hit || Double.isNaN(value)) {
            return value;
        }
        double unit = profile.spread(spread) > 0 ? profile.spread(spread) : 1;
        double step = factor * unit;
        return low ? profile.min() - step : profile.max() + step;
    }
}
