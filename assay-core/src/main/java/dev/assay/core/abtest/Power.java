package dev.assay.core.abtest;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Power and sample size of a two-sided test of two independent arms, {@code n_t = ratio · n_c}, with
 * the effective size {@code n = 1 / (1/n_c + 1/n_t)}.
 * <ul>
 *   <li>Normal (z) test with standardised effect {@code e}:
 *       {@code power = Φ(e√n − z_{1−α/2}) + Φ(−e√n − z_{1−α/2})}. For two proportions the effect is
 *       Cohen's h, {@code 2 asin √p_t − 2 asin √p_c} ({@link #proportionsEffectSize}).</li>
 *   <li>t-test with Cohen's d: {@code power = P(T' > t_{ν,1−α/2}) + P(T' < −t_{ν,1−α/2})} with
 *       {@code T'} noncentral t, {@code ν = n_c + n_t − 2}, noncentrality {@code d√n}.</li>
 * </ul>
 * Sample sizes are the control arm's {@code n_c} solving {@code power(n_c) = target}, by bisection, not
 * rounded (round up to plan).
 *
 * <p>Reference: statsmodels 0.13.5 {@code NormalIndPower().solve_power} / {@code zt_ind_solve_power},
 * {@code TTestIndPower().power} / {@code tt_ind_solve_power} and {@code proportion_effectsize}, matched
 * to 1e-6 relative for sizes and 1e-9 for power.
 */
public final class Power {
    private Power() {
    }

    /** Cohen's h of a change from rate {@code control} to rate {@code treatment}. */
    public static double proportionsEffectSize(double treatment, double control) {
        return 2 * Math.asin(Math.sqrt(treatment)) - 2 * Math.asin(Math.sqrt(control));
    }

    /** Power of the two-sided z-test with {@code controlSize} rows in control and {@code ratio} times as many in treatment. */
    public static double normal(double effect, double controlSize, double alpha, double ratio) {
        double n = effective(controlSize, ratio);
        double crit = Normal.quantile(1 - alpha / 2);
        double shift = Math.abs(effect) * Math.sqrt(n);
        return Normal.survival(crit - shift) + Normal.cdf(-crit - shift);
    }

    /** Power of the two-sided t-test (equal variances), as {@link #normal} with the noncentral t. */
    public static double t(double effect, double controlSize, double alpha, double ratio) {
        double n = effective(controlSize, ratio);
        double df = controlSize * (1 + ratio) - 2;
        double crit = TDistribution.of(df).inverseSurvivalProbability(alpha / 2);
        double delta = Math.abs(effect) * Math.sqrt(n);
        return NoncentralT.survival(crit, df, delta) + (1 - NoncentralT.survival(-crit, df, delta));
    }

    /** Control-arm rows for the z-test to reach {@code power}. */
    public static double normalSampleSize(double effect, double alpha, double power, double ratio) {
        return solve(n -> normal(effect, n, alpha, ratio), power, 1);
    }

    /** Control-arm rows for the t-test to reach {@code power}. */
    public static double tSampleSize(double effect, double alpha, double power, double ratio) {
        return solve(n -> t(effect, n, alpha, ratio), power, 2 / (1 + ratio) + 1e-9);
    }

    private static double effective(double controlSize, double ratio) {
        return 1 / (1 / controlSize + 1 / (controlSize * ratio));
    }

    private static double solve(java.util.function.DoubleUnaryOperator power, double target, double low) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1), got " + target);
        }
        double lo = low;
        double hi = Math.max(2 * low, 2);
        while (power.applyAsDouble(hi) < target) {
            lo = hi;
            hi *= 2;
            if (hi > 1e12) {
                throw new IllegalArgumentException("the effect is too small to reach power " + target + " below 1e12 rows");
            }
        }
        for (int i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (power.applyAsDouble(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
