package dev.assay.core.privacy.dp;

import java.math.BigInteger;

/**
 * The discrete Gaussian mechanism for integer queries (Canonne, Kamath and Steinke 2020): {@code f(D) + Y} with
 * {@code Y ~ N_Z(0, σ²)}, {@code P[Y = y] ∝ exp(−y²/(2σ²))}, sampled exactly ({@link ExactSampler#discreteGaussian}).
 * By their Theorem 7, with an integer sensitivity Δ it is (ε, δ)-differentially private exactly when
 *
 * <pre>
 *   P[Y > εσ²/Δ − Δ/2] − e^ε P[Y > εσ²/Δ + Δ/2] <= δ
 * </pre>
 *
 * {@link #variance} finds the smallest σ² by bisection on this condition (tails summed term by term), stored as
 * the ratio {@code ⌈σ² 2^20⌉ / 2^20} so that rounding only adds noise. It also gives ρ-zCDP with ρ = Δ²/(2σ²)
 * (Theorem 4).
 */
public final class DiscreteGaussian {
    static final BigInteger DENOMINATOR = BigInteger.ONE.shiftLeft(20);

    private DiscreteGaussian() {
    }

    /** The δ of noise of variance parameter σ² at ε for integer sensitivity Δ (Theorem 7). */
    public static double delta(double sigma2, double epsilon, long sensitivity) {
        double a = epsilon * sigma2 / sensitivity - sensitivity / 2.0;
        double b = a + sensitivity;
        return Math.max(0, tail(sigma2, a) - Math.exp(epsilon) * tail(sigma2, b));
    }

    /** P[Y > a] for Y ~ N_Z(0, σ²). */
    static double tail(double sigma2, double a) {
        double sigma = Math.sqrt(sigma2);
        long reach = (long) Math.ceil(40 * sigma + 40);
        double total = 0;
        double above = 0;
        for (long y = -reach; y <= reach; y++) {
            double w = Math.exp(-(double) y * y / (2 * sigma2));
            total += w;
            if (y > a) {
                above += w;
            }
        }
        return above / total;
    }

    /**
     * The smallest σ² (as a ratio of integers, numerator then denominator) for (ε, δ)-DP at integer sensitivity Δ.
     *
     * @throws IllegalArgumentException unless ε > 0, 0 < δ < 1 and Δ >= 1
     */
    public static BigInteger[] variance(double epsilon, double delta, long sensitivity) {
        Budgets.requireEpsilon(epsilon);
        if (!(delta > 0 && delta < 1) || sensitivity < 1) {
            throw new IllegalArgumentException("need 0 < delta < 1 and an integer sensitivity >= 1, got " + delta + ", " + sensitivity);
        }
        double s = AnalyticGaussian.sigma(epsilon, delta, sensitivity);
        double lo = 0;
        double hi = 2 * s * s + 1;
        while (delta(hi, epsilon, sensitivity) > delta) {
            hi *= 2;
        }
        while (hi - lo > 1e-9 * hi) {
            double mid = (lo + hi) / 2;
            if (delta(mid, epsilon, sensitivity) > delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        BigInteger num = BigInteger.valueOf((long) Math.ceil(hi * DENOMINATOR.doubleValue()));
        return new BigInteger[] {num, DENOMINATOR};
    }
}
