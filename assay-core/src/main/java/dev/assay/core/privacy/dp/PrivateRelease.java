package dev.assay.core.privacy.dp;

import java.math.BigInteger;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded counts, sums and means released with differential privacy under add/remove-one-row neighbours, each
 * charged to a {@link PrivacyBudget} before its noise is drawn.
 *
 * <ul>
 *   <li>{@link #counts}: a histogram over disjoint groups; adding or removing a row changes one count by 1, so the
 *       L1 and L2 sensitivity is 1 and the whole histogram costs one ε (parallel composition). Laplace: discrete
 *       Laplace of scale t/s with {@code s = 2^20}, {@code t = ⌈2^20/ε⌉} (so the ε spent, s/t, is at most ε); Gaussian: discrete Gaussian with
 *       σ² from {@link DiscreteGaussian#variance}.</li>
 *   <li>{@link #sum}: values clamped to [lo, hi]; sensitivity {@code max(|lo|, |hi|)}; {@link SnappingLaplace}.</li>
 *   <li>{@link #mean}: ε/2 on the count and ε/2 on the clamped sum; mean = noisy sum / max(1, noisy count),
 *       clamped to [lo, hi] (post-processing).</li>
 * </ul>
 */
public final class PrivateRelease {
    private static final long GRID = 1L << 20;

    private final PrivacyBudget budget;
    private final ExactSampler exact;
    private final SnappingLaplace snapping;

    /** Releases charged to {@code budget}, noise from {@code random} (a {@code SecureRandom} for a real release). */
    public PrivateRelease(PrivacyBudget budget, RandomGenerator random) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.exact = new ExactSampler(random);
        this.snapping = new SnappingLaplace(random);
    }

    public PrivacyBudget budget() {
        return budget;
    }

    /**
     * Noised counts of disjoint groups, charged once.
     *
     * @param names each group's query name, e.g. {@code count[sex=female]}
     * @param delta δ for the Gaussian mechanism; must be 0 for Laplace
     */
    public NoisyValue[] counts(String query, String[] names, long[] counts, Mechanism mechanism, double epsilon, double delta) {
        if (names.length != counts.length) {
            throw new IllegalArgumentException(names.length + " names for " + counts.length + " counts");
        }
        Budgets.requireEpsilon(epsilon);
        NoisyValue[] out = new NoisyValue[counts.length];
        if (mechanism == Mechanism.LAPLACE) {
            if (delta != 0) {
                throw new IllegalArgumentException("the Laplace mechanism spends no delta, got " + delta);
            }
            long t = (long) Math.ceil(GRID / epsilon);
            double spent = GRID / (double) t;
            budget.spend(query, spent, 0);
            double q = Math.exp(-spent);
            double std = Math.sqrt(2 * q) / (1 - q);
            for (int i = 0; i < counts.length; i++) {
                out[i] = new NoisyValue(names[i], counts[i] + exact.discreteLaplace(GRID, t), mechanism, spent, 0, 1, std);
            }
        } else {
            BigInteger[] variance = DiscreteGaussian.variance(epsilon, delta, 1);
            budget.spend(query, epsilon, delta);
            double std = Math.sqrt(variance[0].doubleValue() / variance[1].doubleValue());
            for (int i = 0; i < counts.length; i++) {
                out[i] = new NoisyValue(names[i], counts[i] + exact.discreteGaussian(variance[0], variance[1]), mechanism, epsilon,
                        delta, 1, std);
            }
        }
        return out;
    }

    /** The ε-DP sum of {@code values} clamped to [lo, hi]; NaN values count as missing and are left out. */
    public NoisyValue sum(String query, double[] values, double lo, double hi, double epsilon) {
        double sensitivity = sensitivity(lo, hi);
        Budgets.requireEpsilon(epsilon);
        budget.spend(query, epsilon, 0);
        double lambda = SnappingLaplace.lambda(epsilon);
        double grid = SnappingLaplace.grid(lambda);
        double std = Math.sqrt(2 * lambda * lambda + grid * grid / 12) * sensitivity;
        return new NoisyValue(query, snapping.release(clampedSum(values, lo, hi), sensitivity, epsilon), Mechanism.LAPLACE,
                epsilon, 0, sensitivity, std);
    }

    /**
     * The ε-DP mean of {@code values} clamped to [lo, hi] (NaN left out). Its noise std is the first-order
     * approximation {@code sqrt(var_sum + mean² var_count) / max(1, count)}.
     */
    public NoisyValue mean(String query, double[] values, double lo, double hi, double epsilon) {
        sensitivity(lo, hi);
        Budgets.requireEpsilon(epsilon);
        long n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        NoisyValue count = counts(query + " (count)", new String[] {query + " (count)"}, new long[] {n}, Mechanism.LAPLACE,
                epsilon / 2, 0)[0];
        NoisyValue sum = sum(query + " (sum)", values, lo, hi, epsilon / 2);
        double denominator = Math.max(1, count.value());
        double mean = Math.max(lo, Math.min(hi, sum.value() / denominator));
        double std = Math.sqrt(sum.noiseStd() * sum.noiseStd() + mean * mean * count.noiseStd() * count.noiseStd()) / denominator;
        return new NoisyValue(query, mean, Mechanism.LAPLACE, count.epsilon() + sum.epsilon(), 0, sum.sensitivity(), std);
    }

    static double clampedSum(double[] values, double lo, double hi) {
        double total = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                total += Math.max(lo, Math.min(hi, v));
            }
        }
        return total;
    }

    private static double sensitivity(double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo <= hi) || (lo == 0 && hi == 0)) {
            throw new IllegalArgumentException("clamping bounds need finite lo <= hi, not both 0; got [" + lo + ", " + hi + "]");
        }
        return Math.max(Math.abs(lo), Math.abs(hi));
    }
}
