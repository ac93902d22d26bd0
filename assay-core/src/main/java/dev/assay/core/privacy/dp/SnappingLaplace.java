package dev.assay.core.privacy.dp;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Laplace noise for real-valued queries that is safe in floating point: Mironov's snapping mechanism (2012, "On
 * Significance of the Least Significant Bits for Differential Privacy", Theorem 1). Textbook {@code f + λ ln(U)}
 * leaves holes in the set of doubles it can output, and the holes depend on {@code f}; snapping closes them:
 *
 * <pre>
 *   x = clamp(f/Δ, ±B);   y = clamp(Λ · round((x + S·λ·ln U) / Λ), ±B);   output y·Δ
 * </pre>
 *
 * with {@code S} a fair sign, {@code U} uniform over all doubles in (0, 1) (a 52-bit mantissa and a geometric
 * exponent, each double drawn with the probability of the interval it rounds), and {@code Λ} the smallest power
 * of two >= λ. For sensitivity 1 (the query in units of Δ) this is {@code (1/λ + 2^-49 B/λ)}-differentially
 * private when {@code λ < B < 2^46 λ}. Here B = 2^30/ε (in units of Δ, far above any count of rows) and
 * {@code λ = (1 + 2^-49 B)/ε}, so the guarantee is exactly the ε asked for; multiplying by Δ afterwards is
 * post-processing. The price: outputs are multiples of Λ·Δ (Λ < 2λ) and the noise is slightly wider than Δ/ε.
 */
public final class SnappingLaplace {
    private static final double TWO_POW_M49 = Math.scalb(1.0, -49);

    private final RandomGenerator random;

    public SnappingLaplace(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The bound B in units of the sensitivity at ε: 2^30/ε. */
    public static double bound(double epsilon) {
        return Math.scalb(1.0, 30) / epsilon;
    }

    /** The Laplace scale λ (in units of the sensitivity) that makes the mechanism ε-DP with bound {@link #bound}. */
    public static double lambda(double epsilon) {
        return (1 + TWO_POW_M49 * bound(epsilon)) / epsilon;
    }

    /** Λ: the smallest power of two >= λ, the grid of the outputs (in units of the sensitivity). */
    public static double grid(double lambda) {
        double g = Math.scalb(1.0, Math.getExponent(lambda));
        return g < lambda ? 2 * g : g;
    }

    /**
     * The ε-DP release of {@code value} for a query of L1 sensitivity Δ.
     *
     * @throws IllegalArgumentException unless ε is in (0, 100], Δ > 0 and the value is finite
     */
    public double release(double value, double sensitivity, double epsilon) {
        Budgets.requireEpsilon(epsilon);
        Budgets.requireSensitivity(sensitivity);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the value to release must be finite, got " + value);
        }
        double b = bound(epsilon);
        double lambda = lambda(epsilon);
        double grid = grid(lambda);
        double x = clamp(value / sensitivity, b);
        double sign = random.nextBoolean() ? 1 : -1;
        double noisy = x + sign * lambda * Math.log(uniform());
        return clamp(grid * Math.rint(noisy / grid), b) * sensitivity;
    }

    /** A double in (0, 1), each with the probability of the interval of reals it stands for. */
    double uniform() {
        long mantissa = random.nextLong() >>> 12;
        int exponent = -1;
        while (exponent > -1022 && !random.nextBoolean()) {
            exponent--;
        }
        return Math.scalb(1.0 + Math.scalb((double) mantissa, -52), exponent);
    }

    private static double clamp(double v, double bound) {
        return Math.max(-bound, Math.min(bound, v));
    }
}
