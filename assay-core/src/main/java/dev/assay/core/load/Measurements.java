package dev.assay.core.load;

import dev.assay.core.concurrent.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the requests of a run report while it runs, safe to call from many threads without locks:
 * latencies go into an HdrHistogram {@link Recorder}, errors into counters per kind. {@link #tick}
 * (one thread at a time) closes an interval: it takes the interval histogram, adds it to the run's total and
 * keeps its summary.
 */
final class Measurements {
    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder errorCount = new LongAdder();
    private final AtomicLong answered = new AtomicLong();
    private final DoubleAdder sumT = new DoubleAdder();
    private final DoubleAdder sumKT = new DoubleAdder();
    private final List<Interval> intervals = new ArrayList<>();
    private final long startNanos;
    private final Consumer<Histogram> intervalSink;
    private Histogram interval;
    private long intervalStart;
    private long errorsBefore;

    /**
     * @param startNanos when measurement begins (the end of the warm-up), as {@link System#nanoTime()}
     * @param intervalSink given each interval's histogram (with its start and end time stamps) as it closes
     */
    Measurements(long startNanos, Consumer<Histogram> intervalSink) {
        this.startNanos = startNanos;
        this.intervalSink = intervalSink;
        this.intervalStart = startNanos;
    }

    /** Records the latency of a successful request sent after the warm-up, answered at {@code answeredNanos}. */
    void success(long latencyNanos, long answeredNanos) {
        recorder.recordValue(Math.max(latencyNanos, 0));
        double k = answered.getAndIncrement();
        double t = (answeredNanos - startNanos) / 1e9;
        sumT.add(t);
        sumKT.add(k * t);
    }

    /**
     * The rate of successful answers to measured requests: {@code 1 / b}, where {@code b} is the
     * least-squares slope of the answer times {@code t_k} (seconds) against their order {@code k = 0..n-1},
     * {@code b = (n Σ k t_k - Σ k Σ t_k) / (n Σ k² - (Σ k)²)}. It equals the arrival rate when the
     * target keeps up and its service rate when it falls behind; unlike a count over a fixed window it
     * does not depend on when the first and last answers happen to arrive. NaN with fewer than two answers.
     */
    double throughput() {
        double n = answered.get();
        if (n < 2) {
            return Double.NaN;
        }
        double sumK = n * (n - 1) / 2;
        double sumK2 = (n - 1) * n * (2 * n - 1) / 6;
        double slope = (n * sumKT.sum() - sumK * sumT.sum()) / (n * sumK2 - sumK * sumK);
        return slope > 0 ? 1 / slope : Double.NaN;
    }

    /** Counts a failed request sent after the warm-up. */
    void failure(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        errorCount.increment();
    }

    /**
     * Calls {@link #tick} every {@code periodNanos} from the start of measurement on a daemon thread,
     * and {@code listener} with each closed interval; stop it before the final tick.
     */
    ScheduledExecutorService tickEvery(long periodNanos, Consumer<Interval> listener) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("assay-load-ticks"));
        long delay = Math.max(0, startNanos - System.nanoTime()) + periodNanos;
        timer.scheduleAtFixedRate(() -> {
            Interval closed = tick(System.nanoTime());
            if (closed != null) {
                listener.accept(closed);
            }
        }, delay, periodNanos, TimeUnit.NANOSECONDS);
        return timer;
    }

    /** Closes the interval ending at {@code nowNanos}; called by one thread only. */
    Interval tick(long nowNanos) {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        intervalSink.accept(interval);
        long errorsNow = errorCount.sum();
        double seconds = (nowNanos - intervalStart) / 1e9;
        Interval closed = seconds <= 0 ? null : new Interval((intervalStart - startNanos) / 1e9, seconds,
                interval.getTotalCount() / seconds, LatencySummary.of(interval), errorsNow - errorsBefore);
        if (closed != null) {
            intervals.add(closed);
        }
        errorsBefore = errorsNow;
        intervalStart = nowNanos;
        return closed;
    }

    /** The latencies of all closed intervals. */
    Histogram total() {
        return total;
    }

    /** The error counts by kind, sorted by kind. */
    Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((kind, n) -> counts.put(kind, n.sum()));
        return counts;
    }

    long errorCount() {
        return errorCount.sum();
    }

    List<Interval> intervals() {
        return List.copyOf(intervals);
    }
}
