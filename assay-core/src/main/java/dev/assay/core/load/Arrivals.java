package dev.assay.core.load;

import java.util.Arrays;
import java.util.Random;

/**
 * Precomputed send times of an open-loop run, as nanosecond offsets from its start. Constant
 * arrivals are {@code i / rate}; Poisson arrivals have exponential gaps of mean {@code 1 / rate}
 * ({@code -ln(1 - u) / rate}, u uniform in [0, 1)), drawn from a seeded generator so a run can be repeated.
 */
public enum Arrivals {
    CONSTANT,
    POISSON;

    /** At most this many requests are planned in one run, which bounds the schedule's memory (80 MB). */
    public static final int MAX_REQUESTS = 10_000_000;

    /**
     * The send offsets of the requests of a run of {@code durationNanos} at {@code ratePerSecond}.
     *
     * @throws IllegalArgumentException when the rate is not positive or the run would exceed {@link #MAX_REQUESTS}
     */
    public long[] schedule(double ratePerSecond, long durationNanos, long seed) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of requests per second, got " + ratePerSecond);
        }
        double expected = ratePerSecond * durationNanos / 1e9;
        if (expected > MAX_REQUESTS * 0.9) {
            throw new IllegalArgumentException("a run of " + durationNanos / 1_000_000 + " ms at " + ratePerSecond
                    + " requests per second plans more than " + MAX_REQUESTS + " requests; shorten it or lower the rate");
        }
        double gap = 1e9 / ratePerSecond;
        if (this == CONSTANT) {
            int n = (int) Math.ceil(durationNanos / gap - 1e-9);
            long[] offsets = new long[Math.max(n, 0)];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = Math.round(i * gap);
            }
            return offsets;
        }
        Random random = new Random(seed);
        long[] offsets = new long[(int) Math.min(MAX_REQUESTS, expected * 2 + 100)];
        double t = 0;
        int n = 0;
        while (n < offsets.length) {
            t += -Math.log(1 - random.nextDouble()) * gap;
            if (t >= durationNanos) {
                break;
            }
            offsets[n++] = (long) t;
        }
        return Arrays.copyOf(offsets, n);
    }
}
