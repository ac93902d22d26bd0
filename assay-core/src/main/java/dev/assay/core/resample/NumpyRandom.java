package dev.assay.core.resample;

/**
 * NumPy's legacy {@code numpy.random.RandomState(seed)}: the MT19937 generator seeded by
 * {@code init_genrand}, with {@code random_sample} (53-bit doubles {@code (a>>5 * 2^26 + b>>6) / 2^53}),
 * {@code randint(0, high)} (masked rejection on 32-bit draws), {@code uniform(low, high)} and
 * {@code permutation(n)} (Fisher-Yates from the end with {@code random_interval}). imbalanced-learn
 * draws every random choice from this stream, so a seed gives the same rows as imbalanced-learn with
 * {@code random_state=seed}.
 *
 * <p>Reference: NumPy 1.24 {@code mt19937.c}, {@code distributions.c} ({@code random_interval},
 * {@code random_bounded_uint64_fill}); checked draw for draw against NumPy 1.24.2
 * ({@code scripts/golden/resample_golden.py}).
 */
public final class NumpyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index;

    /** {@code RandomState(seed)} for a seed from 0 to 2³²-1. */
    public NumpyRandom(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be from 0 to 4294967295, found " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next 32 random bits ({@code genrand_int32}). */
    int nextInt32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        return y ^ (y >>> 18);
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7FFFFFFF);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908B0DF);
        }
        index = 0;
    }

    /** {@code random_sample()}: a double in [0, 1). */
    public double nextDouble() {
        long a = (nextInt32() & 0xFFFFFFFFL) >>> 5;
        long b = (nextInt32() & 0xFFFFFFFFL) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code uniform(low, high)}: {@code low + (high - low) * random_sample()}. */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** {@code randint(0, high)} for {@code 1 <= high <= 2^32}: no draw when {@code high == 1}. */
    public int randint(long high) {
        if (high < 1 || high > 0x100000000L) {
            throw new IllegalArgumentException("high must be from 1 to 2^32, found " + high);
        }
        return (int) interval(high - 1);
    }

    /** {@code permutation(n)}: 0..n-1 shuffled as NumPy's legacy {@code shuffle}. */
    public int[] permutation(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** A uniform whole number in [0, max] by masked rejection, as {@code random_interval}. */
    private long interval(long max) {
        if (max == 0) {
            return 0;
        }
        if (max == 0xFFFFFFFFL) {
            return nextInt32() & 0xFFFFFFFFL;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = (nextInt32() & 0xFFFFFFFFL) & mask;
        } while (v > max);
        return v;
    }
}
