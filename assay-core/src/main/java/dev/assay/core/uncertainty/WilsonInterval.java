package dev.assay.core.uncertainty;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.Interval;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Wilson score interval of a proportion {@code p = k / n} (Wilson 1927):
 *
 * <pre>
 *   center = (k + z²/2) / (n + z²)
 *   half   = z / (n + z²) · sqrt(k (n − k) / n + z²/4)
 *   [center − half, center + half]
 * </pre>
 *
 * with {@code z} the {@code (1 + level) / 2} quantile of the standard normal distribution. Unlike the
 * normal-approximation (Wald) interval it stays inside [0, 1] and does not collapse at 0 or n successes.
 *
 * <p>Edge cases: {@code n = 0} has no proportion, so the interval is undefined with the reason;
 * {@code k = 0} gives lower bound 0 and {@code k = n} upper bound 1 exactly.
 *
 * <p>Reference: statsmodels 0.13.5 {@code proportion_confint(k, n, alpha=1-level, method='wilson')},
 * matched to 1e-12 on the cases in {@code golden/uncertainty/wilson.json}.
 */
public final class WilsonInterval {
    private WilsonInterval() {
    }

    /**
     * The interval for {@code successes} of {@code n} trials at confidence {@code level}.
     *
     * @throws InvalidInputException if {@code successes} is negative or above {@code n}, or the level is not in (0, 1)
     */
    public static IntervalEstimate of(long successes, long n, double level) {
        Validation.requireLevel(level, "level");
        if (successes < 0 || successes > n) {
            throw new InvalidInputException("A Wilson interval needs 0 <= successes <= n, got " + successes + " successes of "
                    + n + ". Count successes among the same rows as n.");
        }
        if (n == 0) {
            return IntervalEstimate.undefined("there are no rows to count (n = 0), so the proportion is undefined.");
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        double z2 = z * z;
        double center = (successes + z2 / 2) / (n + z2);
        double half = z / (n + z2) * Math.sqrt(successes * (double) (n - successes) / n + z2 / 4);
        double lower = successes == 0 ? 0 : Math.max(0, center - half);
        double upper = successes == n ? 1 : Math.min(1, center + half);
        return IntervalEstimate.of(new Interval(lower, upper, level, IntervalMethod.WILSON.label()));
    }
}
