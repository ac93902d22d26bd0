package dev.assay.core.privacy.dp;

import java.math.BigInteger;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exact sampling of the discrete Laplace and discrete Gaussian distributions with integer arithmetic
 * only (Canonne, Kamath and Steinke 2020, "The Discrete Gaussian for Differential Privacy", Algorithms 1-3).
 * Every probability is a ratio of integers and every coin is a uniform integer draw, so no rounding of
 * floating-point numbers can leak the input (Mironov 2012's attack on textbook Laplace noise does not apply).
 *
 * <ul>
 *   <li>{@link #bernoulliExp}: Bernoulli(exp(−n/d)) by the alternating series (Algorithm 1);</li>
 *   <li>{@link #discreteLaplace}: {@code P[Y = y] ∝ exp(−|y| s/t)}, scale t/s (Algorithm 2);</li>
 *   <li>{@link #discreteGaussian}: {@code P[Y = y] ∝ exp(−y² / (2σ²))} for rational {@code σ² = num/den} (Algorithm 3).</li>
 * </ul>
 *
 * Not thread-safe when the generator is not; the caller picks the generator (a {@code SecureRandom} for a
 * real release, a seeded one in tests).
 */
public final class ExactSampler {
    private final RandomGenerator random;

    public ExactSampler(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Bernoulli(n/d) for {@code 0 <= n <= d}, {@code d > 0}: a uniform integer in [0, d) below n. */
    boolean bernoulli(BigInteger n, BigInteger d) {
        return uniformBelow(d).compareTo(n) < 0;
    }

    /** A uniform integer in [0, bound) by rejection over random bits. */
    BigInteger uniformBelow(BigInteger bound) {
        int bits = bound.bitLength();
        while (true) {
            BigInteger candidate = randomBits(bits);
            if (candidate.compareTo(bound) < 0) {
                return candidate;
            }
        }
    }

    private BigInteger randomBits(int bits) {
        byte[] bytes = new byte[(bits + 7) / 8 + 1];
        for (int i = 1; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return new BigInteger(bytes).shiftRight(8 * (bytes.length - 1) - bits);
    }

    /** Bernoulli(exp(−n/d)) for {@code n >= 0}, {@code d > 0} (CKS Algorithm 1). */
    public boolean bernoulliExp(BigInteger n, BigInteger d) {
        if (n.signum() < 0 || d.signum() <= 0) {
            throw new IllegalArgumentException("need n >= 0 and d > 0, got " + n + "/" + d);
        }
        BigInteger[] whole = n.divideAndRemainder(d);
        for (BigInteger k = BigInteger.ZERO; k.compareTo(whole[0]) < 0; k = k.add(BigInteger.ONE)) {
            if (!bernoulliExpAtMostOne(BigInteger.ONE, BigInteger.ONE)) {
                return false;
            }
        }
        return bernoulliExpAtMostOne(whole[1], d);
    }

    /** Bernoulli(exp(−γ)) for γ = n/d in [0, 1]: draw A_k ~ Bernoulli(γ/k) until one is 0; 1 when that k is odd. */
    private boolean bernoulliExpAtMostOne(BigInteger n, BigInteger d) {
        long k = 1;
        while (bernoulli(n, d.multiply(BigInteger.valueOf(k)))) {
            k++;
        }
        return k % 2 == 1;
    }

    /**
     * A draw of the discrete Laplace distribution with scale {@code t/s}: {@code P[Y = y] ∝ exp(−|y| s/t)}
     * (CKS Algorithm 2). Added to an integer query of sensitivity Δ it gives (Δ·s/t)-differential privacy.
     */
    public long discreteLaplace(long s, long t) {
        if (s < 1 || t < 1) {
            throw new IllegalArgumentException("the scale t/s needs positive integers, got " + s + "/" + t);
        }
        BigInteger bigT = BigInteger.valueOf(t);
        while (true) {
            long u = random.nextLong(t);
            if (!bernoulliExp(BigInteger.valueOf(u), bigT)) {
                continue;
            }
            long v = 0;
            while (bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
                v++;
            }
            long x = u + t * v;
            long y = x / s;
            boolean negative = random.nextBoolean();
            if (negative && y == 0) {
                continue;
            }
            return negative ? -y : y;
        }
    }

    /**
     * A draw of the discrete Gaussian {@code N_Z(0, σ²)} with {@code σ² = num/den} (CKS Algorithm 3): a discrete
     * Laplace proposal of scale {@code t = ⌊σ⌋ + 1}, accepted with probability {@code exp(−(|Y| − σ²/t)² / (2σ²))}.
     */
    public long discreteGaussian(BigInteger num, BigInteger den) {
        if (num.signum() <= 0 || den.signum() <= 0) {
            throw new IllegalArgumentException("σ² must be a positive ratio, got " + num + "/" + den);
        }
        long t = num.divide(den).sqrt().longValueExact() + 1;
        BigInteger bigT = BigInteger.valueOf(t);
        // γ = (|Y| t den − num)² / (2 t² den num)
        BigInteger gammaDen = BigInteger.TWO.multiply(bigT).multiply(bigT).multiply(den).multiply(num);
        while (true) {
            long y = discreteLaplace(1, t);
            BigInteger diff = BigInteger.valueOf(Math.abs(y)).multiply(bigT).multiply(den).subtract(num);
            if (bernoulliExp(diff.multiply(diff), gammaDen)) {
                return y;
            }
        }
    }
}
