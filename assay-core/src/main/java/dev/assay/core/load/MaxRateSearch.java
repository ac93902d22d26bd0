package dev.assay.core.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Finds the highest open-loop rate a target sustains under its objectives. A rate is sustained when
 * its run meets the objectives and its throughput is at least 95% of the requested rate. The rate
 * starts at {@code startRps} and doubles until a run is not sustained (or {@code maxRps} is reached);
 * then the rate is bisected between the highest sustained and the lowest unsustained rate until they
 * are within {@code tolerance} of each other. The search is bounded by {@code maxSteps} runs and by a
 * time budget: no run starts once the elapsed time plus the longest run so far would exceed it.
 */
public final class MaxRateSearch {
    /** The least achieved fraction of the requested rate for the rate to count as sustained. */
    public static final double MIN_ACHIEVED = 0.95;

    private final double startRps;
    private final double maxRps;
    private final int maxSteps;
    private final double tolerance;
    private final long budgetNanos;
    private final LongSupplier clock;

    /** One run at one rate: a point of the throughput-latency curve. */
    public record Point(double requestedRps, double throughputRps, double p99Ms, double errorRate, boolean sustained) {
    }

    /**
     * The runs sorted by requested rate; {@code kneeRps} is the lowest rate that was not sustained
     * (NaN when all were), {@code maxSustainableRps} the highest that was (NaN when none was);
     * {@code stoppedByBudget} is true when the time budget ended the search early.
     */
    public record Outcome(List<Point> points, double kneeRps, double maxSustainableRps, boolean stoppedByBudget) {
        public Outcome {
            points = List.copyOf(points);
        }
    }

    /** One run at {@code rate} requests per second. */
    @FunctionalInterface
    public interface Step {
        LoadResult run(double rate) throws InterruptedException;
    }

    public MaxRateSearch(double startRps, double maxRps, int maxSteps, double tolerance, Duration budget) {
        this(startRps, maxRps, maxSteps, tolerance, budget, System::nanoTime);
    }

    MaxRateSearch(double startRps, double maxRps, int maxSteps, double tolerance, Duration budget, LongSupplier clock) {
        if (!(startRps > 0 && startRps <= maxRps && maxRps <= 1e6)) {
            throw new IllegalArgumentException("the start rate must be above 0 and at most the maximum rate (at most 1,000,000), got "
                    + startRps + " and " + maxRps);
        }
        if (maxSteps < 1 || maxSteps > 100) {
            throw new IllegalArgumentException("steps must be 1 to 100, got " + maxSteps);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be between 0 and 1, got " + tolerance);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive, got " + budget);
        }
        this.startRps = startRps;
        this.maxRps = maxRps;
        this.maxSteps = maxSteps;
        this.tolerance = tolerance;
        this.budgetNanos = budget.toNanos();
        this.clock = clock;
    }

    /** Runs the search; {@code meets} tells whether a run meets the objectives (latency, errors). */
    public Outcome search(Step step, Predicate<LoadResult> meets) throws InterruptedException {
        List<Point> points = new ArrayList<>();
        double lo = Double.NaN;
        double hi = Double.NaN;
        double rate = startRps;
        long begin = clock.getAsLong();
        long longest = 0;
        boolean stoppedByBudget = false;
        while (points.size() < maxSteps) {
            long started = clock.getAsLong();
            if (started - begin + longest > budgetNanos) {
                stoppedByBudget = true;
                break;
            }
            LoadResult r = step.run(rate);
            longest = Math.max(longest, clock.getAsLong() - started);
            boolean sustained = meets.test(r) && r.throughputRps() >= MIN_ACHIEVED * rate;
            points.add(new Point(rate, r.throughputRps(), r.latencyMs().p99(), r.errorRate(), sustained));
            if (sustained) {
                lo = Double.isNaN(lo) ? rate : Math.max(lo, rate);
            } else {
                hi = Double.isNaN(hi) ? rate : Math.min(hi, rate);
            }
            if (Double.isNaN(hi)) {
                if (rate >= maxRps) {
                    break;
                }
                rate = Math.min(maxRps, rate * 2);
            } else if (Double.isNaN(lo)) {
                rate = rate / 2;
            } else if (hi - lo <= tolerance * lo) {
                break;
            } else {
                rate = (lo + hi) / 2;
            }
        }
        points.sort(Comparator.comparingDouble(Point::requestedRps));
        return new Outcome(points, hi, lo, stoppedByBudget);
    }
}
