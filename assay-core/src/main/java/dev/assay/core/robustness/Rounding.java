package dev.assay.core.robustness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Rounds every numeric value to {@code decimals} decimal places, half to even on the value's shortest decimal form
 * ({@code Double.toString}; so 2.675 gives 2.68, where {@code numpy.round} rounds the binary value to 2.67); a negative
 * count rounds to tens, hundreds... The loss of precision of a form or a sensor. Missing values stay
 * missing; other column types are not changed.
 */
final class Rounding extends ColumnPerturbation {
    private final int decimals;

    Rounding(int decimals) {
        super("rounding", Map.of("decimals", Integer.toString(decimals)));
        this.decimals = decimals;
    }

    @Override
    double numeric(double value, NumericProfile profile, SplittableRandom random) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
