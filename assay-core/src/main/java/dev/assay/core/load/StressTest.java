package dev.assay.core.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A stress run: an open-loop overload beyond the knee, then at once a drop to a sustainable rate.
 * The overload is not drained (requests still unanswered at the drop are counted {@code unfinished}
 * and keep the target busy), so the recovery phase sees the backlog the overload left. The recovery
 * time is the start of the first recovery interval whose p99 is under the SLO and that has no errors,
 * counted from the drop; its resolution is the interval length. NaN when the target never recovered.
 */
public final class StressTest {
    private static final Duration NO_DRAIN = Duration.ofMillis(1);

    /** Both phases and the recovery time in seconds (NaN if none). */
    public record Outcome(LoadResult overload, LoadResult recovery, double p99LimitMs, double recoverySeconds) {
        /** Whether a recovery interval met the SLO. */
        public boolean recovered() {
            return !Double.isNaN(recoverySeconds);
        }
    }

    /** Runs one phase of the stress test. */
    @FunctionalInterface
    public interface Phase {
        LoadResult run(LoadPlan plan) throws InterruptedException;
    }

    private StressTest() {
    }

    /**
     * Runs {@code overload} (open loop), then {@code recovery} (open loop) without draining between them.
     *
     * @param p99LimitMs the SLO on each recovery interval's p99
     */
    public static Outcome run(Phase phase, LoadPlan overload, LoadPlan recovery, double p99LimitMs) throws InterruptedException {
        Objects.requireNonNull(phase, "phase");
        if (!overload.openLoop() || !recovery.openLoop()) {
            throw new IllegalArgumentException("a stress test runs open-loop phases");
        }
        LoadResult hot = phase.run(overload.withDrain(NO_DRAIN));
        LoadResult after = phase.run(recovery.withWarmup(Duration.ZERO));
        return new Outcome(hot, after, p99LimitMs, recoverySeconds(after.intervals(), p99LimitMs));
    }

    /** The start of the first interval with a p99 under {@code p99LimitMs} and no errors; NaN if none. */
    static double recoverySeconds(List<Interval> intervals, double p99LimitMs) {
        for (Interval i : intervals) {
            if (i.errors() == 0 && i.latencyMs().count() > 0 && i.latencyMs().p99() < p99LimitMs) {
                return i.startSeconds();
            }
        }
        return Double.NaN;
    }
}
