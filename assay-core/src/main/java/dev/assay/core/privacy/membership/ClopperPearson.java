package dev.assay.core.privacy.membership;

import dev.assay.core.result.Interval;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The Clopper-Pearson ("exact") interval of a proportion k/n at confidence {@code level}:
 * {@code [B(α/2; k, n−k+1), B(1−α/2; k+1, n−k)]} with B the beta quantile and α = 1 − level; the lower end is 0 at
 * k = 0 and the upper end 1 at k = n. It covers the true proportion with at least the stated probability.
 *
 * <p>Reference: statsmodels {@code proportion_confint(k, n, alpha, method='beta')}, 1e-9
 * ({@code golden/privacy/membership.json}).
 */
public final class ClopperPearson {
    static final String METHOD = "clopper-pearson";

    private ClopperPearson() {
    }

    /** The interval; {@code n} must be positive and {@code 0 <= k <= n}. */
    public static Interval of(long k, long n, double level) {
        if (n <= 0 || k < 0 || k > n || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need 0 <= k <= n, n > 0 and a level in (0, 1); got " + k + ", " + n + ", " + level);
        }
        return new Interval(lower(k, n, level), upper(k, n, level), level, METHOD);
    }

    static double lower(long k, long n, double level) {
        return k == 0 ? 0 : BetaDistribution.of(k, n - k + 1).inverseCumulativeProbability((1 - level) / 2);
    }

    static double upper(long k, long n, double level) {
        return k == n ? 1 : BetaDistribution.of(k + 1, n - k).inverseCumulativeProbability(1 - (1 - level) / 2);
    }
}
