package dev.assay.core.privacy.dp;

import org.apache.commons.numbers.gamma.Erfc;

/**
 * The noise of the analytic Gaussian mechanism (Balle and Wang 2018, "Improving the Gaussian Mechanism for
 * Differential Privacy", Theorem 8): {@code f(D) + N(0, σ²)} with an L2 sensitivity Δ is (ε, δ)-differentially
 * private exactly when
 *
 * <pre>
 *   Φ(Δ/(2σ) − εσ/Δ) − e^ε Φ(−Δ/(2σ) − εσ/Δ) <= δ
 * </pre>
 *
 * The left side falls as σ grows, so the smallest σ is found by bisection to a relative width of 1e-12, then
 * rounded up (never below the exact σ). Unlike the classical {@code σ = Δ sqrt(2 ln(1.25/δ))/ε} it holds for
 * every ε > 0, also ε >= 1, and gives a smaller σ.
 *
 * <p>Reference: Balle and Wang's Algorithm 1 (published code, with {@code scipy.special.ndtr}) in
 * {@code scripts/golden/privacy_golden.py}; σ matches to a relative 1e-9 ({@code golden/privacy/analytic_gaussian.json}).
 */
public final class AnalyticGaussian {
    private static final double SQRT2 = Math.sqrt(2);

    private AnalyticGaussian() {
    }

    /** The left side of the condition: the smallest δ that noise of standard deviation σ gives at ε. */
    public static double delta(double sigma, double epsilon, double sensitivity) {
        double a = sensitivity / (2 * sigma);
        double b = epsilon * sigma / sensitivity;
        return Math.max(0, phi(a - b) - Math.exp(epsilon) * phi(-a - b));
    }

    /**
     * The smallest σ for which the mechanism is (ε, δ)-differentially private.
     *
     * @throws IllegalArgumentException unless ε > 0, 0 < δ < 1 and Δ > 0
     */
    public static double sigma(double epsilon, double delta, double sensitivity) {
        Budgets.requireEpsilon(epsilon);
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("the Gaussian mechanism needs 0 < delta < 1, got " + delta);
        }
        Budgets.requireSensitivity(sensitivity);
        double hi = sensitivity;
        while (delta(hi, epsilon, sensitivity) > delta) {
            hi *= 2;
        }
        double lo = 0;
        while (hi - lo > 1e-12 * hi) {
            double mid = (lo + hi) / 2;
            if (delta(mid, epsilon, sensitivity) > delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** The standard normal distribution function, accurate in the far tails: erfc(−x/√2)/2. */
    static double phi(double x) {
        return Erfc.value(-x / SQRT2) / 2;
    }
}
