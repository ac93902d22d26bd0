package dev.assay.core.load;

import java.time.Duration;
import java.util.Objects;

/**
 * How to load a target. Open loop ({@code rate > 0}): requests at {@code rate} per second on a
 * precomputed {@link Arrivals} schedule, at most {@code concurrency} in flight. Closed loop
 * ({@code rate} NaN): {@code concurrency} workers, each sending its next request when the previous
 * one is answered. Both run a warm-up that is not measured, then {@code duration} measured; in-flight
 * requests get {@code drain} to finish; intervals of {@code interval} are reported as they close.
 */
public record LoadPlan(double rate, Arrivals arrivals, int concurrency, Duration duration, Duration warmup, Duration interval,
        Duration drain, long seed) {

    /** The longest measured duration of one run: one day. */
    public static final Duration MAX_DURATION = Duration.ofDays(1);

    public LoadPlan {
        Objects.requireNonNull(arrivals, "arrivals");
        if (!Double.isNaN(rate) && !(rate > 0 && rate <= 1e6)) {
            throw new IllegalArgumentException("rate must be above 0 and at most 1,000,000 requests per second, got " + rate);
        }
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("concurrency must be 1 to 10,000, got " + concurrency);
        }
        positive("duration", duration, MAX_DURATION);
        positive("interval", interval, MAX_DURATION);
        positive("drain", drain, Duration.ofHours(1));
        if (warmup.isNegative() || warmup.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("warmup must be 0 to " + MAX_DURATION + ", got " + warmup);
        }
    }

    /** An open-loop plan: constant arrivals, 256 in flight at most, 1 s intervals, no warm-up, 10 s drain. */
    public static LoadPlan openLoop(double rate, Duration duration) {
        return new LoadPlan(rate, Arrivals.CONSTANT, 256, duration, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10), 1);
    }

    /** A closed-loop plan of {@code workers}: 1 s intervals, no warm-up, 10 s drain. */
    public static LoadPlan closedLoop(int workers, Duration duration) {
        return new LoadPlan(Double.NaN, Arrivals.CONSTANT, workers, duration, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(10), 1);
    }

    /** True for an open-loop plan. */
    public boolean openLoop() {
        return !Double.isNaN(rate);
    }

    /** The same plan at {@code rate} requests per second, open loop. */
    public LoadPlan withRate(double rate) {
        return new LoadPlan(rate, arrivals, concurrency, duration, warmup, interval, drain, seed);
    }

    public LoadPlan withDuration(Duration duration) {
        return new LoadPlan(rate, arrivals, concurrency, duration, warmup, interval, drain, seed);
    }

    public LoadPlan withWarmup(Duration warmup) {
        return new LoadPlan(rate, arrivals, concurrency, duration, warmup, interval, drain, seed);
    }

    public LoadPlan withArrivals(Arrivals arrivals, long seed) {
        return new LoadPlan(rate, arrivals, concurrency, duration, warmup, interval, drain, seed);
    }

    public LoadPlan withConcurrency(int concurrency) {
        return new LoadPlan(rate, arrivals, concurrency, duration, warmup, interval, drain, seed);
    }

    public LoadPlan withInterval(Duration interval) {
        return new LoadPlan(rate, arrivals, concurrency, duration, warmup, interval, drain, seed);
    }

    public LoadPlan withDrain(Duration drain) {
        return new LoadPlan(rate, arrivals, concurrency, duration, warmup, interval, drain, seed);
    }

    private static void positive(String name, Duration value, Duration max) {
        if (value == null || value.isZero() || value.isNegative() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be above 0 and at most " + max + ", got " + value);
        }
    }
}
