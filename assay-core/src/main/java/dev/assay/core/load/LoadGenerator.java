package dev.assay.core.load;

import dev.assay.core.concurrent.DaemonThreads;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Runs a {@link LoadPlan} against a {@link LoadTarget} and measures it.
 *
 * <p>Open loop (as wrk2): the send times are computed before the run; the sending thread sleeps
 * until each one (spinning the last 100 µs), takes one of {@code concurrency} in-flight slots and
 * hands the request to a worker. Latency runs from the intended send time to the answer, so a
 * stalled target is charged for every request it delayed. A request that finds no free slot is
 * counted late and waits for one; when none frees before the run's end, the rest are dropped.
 *
 * <p>Closed loop: {@code concurrency} workers each send, wait for the answer and send again; latency
 * runs from the actual send (see {@link LoadResult#CLOSED_LOOP_CAVEAT}).
 *
 * <p>Both are bounded: sending stops at the end of the run, and requests still unanswered after the
 * drain time are counted as {@code unfinished} errors and interrupted. Requests whose (intended) send
 * falls in the warm-up are not measured.
 */
public final class LoadGenerator {
    private static final long SPIN_NANOS = 100_000;

    private final FailureKinds kinds;
    private final long pid;
    private final Consumer<Interval> listener;
    private final Consumer<Histogram> intervalHistograms;

    /**
     * @param kinds names the kind of each failure
     * @param pid the target's process, whose CPU and memory are read from /proc, or -1
     * @param listener told each interval as it closes (e.g. a progress display), on another thread
     */
    public LoadGenerator(FailureKinds kinds, long pid, Consumer<Interval> listener) {
        this(kinds, pid, listener, h -> { });
    }

    /**
     * @param intervalHistograms given each measured interval's latency histogram as it closes (e.g. a
     *     {@link HistogramLog}), on another thread
     */
    public LoadGenerator(FailureKinds kinds, long pid, Consumer<Interval> listener, Consumer<Histogram> intervalHistograms) {
        this.kinds = Objects.requireNonNull(kinds, "kinds");
        this.pid = pid;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.intervalHistograms = Objects.requireNonNull(intervalHistograms, "intervalHistograms");
    }

    /** Runs {@code plan}; returns when the run and its drain are over. */
    public LoadResult run(LoadTarget target, LoadPlan plan) throws InterruptedException {
        return plan.openLoop() ? openLoop(target, plan) : closedLoop(target, plan);
    }

    private LoadResult openLoop(LoadTarget target, LoadPlan plan) throws InterruptedException {
        long warmup = plan.warmup().toNanos();
        long[] schedule = plan.arrivals().schedule(plan.rate(), warmup + plan.duration().toNanos(), plan.seed());
        ThreadPoolExecutor workers = new ThreadPoolExecutor(plan.concurrency(), plan.concurrency(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("assay-load"));
        workers.prestartAllCoreThreads();
        Semaphore slots = new Semaphore(plan.concurrency());
        ResourceMonitor resources = new ResourceMonitor(pid);
        long t0 = System.nanoTime() + 1_000_000;
        long measureStart = t0 + warmup;
        long end = measureStart + plan.duration().toNanos();
        Measurements m = new Measurements(measureStart, intervalHistograms);
        Histogram lag = new Histogram(3);
        ScheduledExecutorService ticks = m.tickEvery(plan.interval().toNanos(), interval -> {
            resources.sample();
            listener.accept(interval);
        });
        long late = 0;
        long dropped = 0;
        long sent = 0;
        try {
            for (int i = 0; i < schedule.length; i++) {
                long intended = t0 + schedule[i];
                boolean measured = intended >= measureStart;
                sleepUntil(intended);
                if (!slots.tryAcquire()) {
                    if (!slots.tryAcquire(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        dropped += measuredFrom(schedule, i, measureStart - t0);
                        break;
                    }
                    late += measured ? 1 : 0;
                }
                long actual = System.nanoTime();
                if (measured) {
                    lag.recordValue(Math.max(0, actual - intended));
                    sent++;
                }
                long sequence = i;
                workers.execute(() -> {
                    try {
                        send(target, sequence, intended, measured, m);
                    } finally {
                        slots.release();
                    }
                });
            }
            drain(workers, plan, slots, m);
        } finally {
            stop(ticks, workers);
        }
        m.tick(System.nanoTime());
        return new LoadResult("open", plan.rate(), m.throughput(), plan.duration().toNanos() / 1e9, sent,
                LatencySummary.of(m.total()), LatencySummary.of(lag), m.errors(), late, dropped, m.intervals(),
                resources.finish(), null, LatencyDistribution.of(m.total()));
    }

    private LoadResult closedLoop(LoadTarget target, LoadPlan plan) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(plan.concurrency(), DaemonThreads.named("assay-load"));
        Semaphore slots = new Semaphore(plan.concurrency());
        ResourceMonitor resources = new ResourceMonitor(pid);
        long measureStart = System.nanoTime() + plan.warmup().toNanos();
        long end = measureStart + plan.duration().toNanos();
        Measurements m = new Measurements(measureStart, intervalHistograms);
        AtomicLong sequence = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService ticks = m.tickEvery(plan.interval().toNanos(), interval -> {
            resources.sample();
            listener.accept(interval);
        });
        try {
            slots.acquire(plan.concurrency());
            for (int w = 0; w < plan.concurrency(); w++) {
                workers.execute(() -> {
                    try {
                        for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                            boolean measured = start >= measureStart;
                            sent.addAndGet(measured ? 1 : 0);
                            send(target, sequence.getAndIncrement(), start, measured, m);
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
            sleepUntil(end);
            drain(workers, plan, slots, m);
        } finally {
            stop(ticks, workers);
        }
        m.tick(System.nanoTime());
        return new LoadResult("closed", Double.NaN, m.throughput(), plan.duration().toNanos() / 1e9, sent.get(),
                LatencySummary.of(m.total()), LatencySummary.of(new Histogram(3)), m.errors(), 0, 0, m.intervals(),
                resources.finish(), LoadResult.CLOSED_LOOP_CAVEAT, LatencyDistribution.of(m.total()));
    }

    private void send(LoadTarget target, long sequence, long startNanos, boolean measured, Measurements m) {
        try {
            target.call(sequence);
            long answered = System.nanoTime();
            if (measured) {
                m.success(answered - startNanos, answered);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            if (measured && !Thread.currentThread().isInterrupted()) {
                m.failure(kinds.kindOf(e));
            }
            if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
            }
        }
    }

    /** Waits up to the drain time for the requests in flight; counts those still unanswered. */
    private static void drain(ExecutorService workers, LoadPlan plan, Semaphore slots, Measurements m) throws InterruptedException {
        if (slots.tryAcquire(plan.concurrency(), plan.drain().toNanos(), TimeUnit.NANOSECONDS)) {
            return;
        }
        int unfinished = plan.concurrency() - slots.availablePermits();
        for (int i = 0; i < unfinished; i++) {
            m.failure("unfinished");
        }
    }

    private static void stop(ScheduledExecutorService ticks, ExecutorService workers) throws InterruptedException {
        ticks.shutdownNow();
        workers.shutdownNow();
        ticks.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static long measuredFrom(long[] schedule, int from, long measureOffset) {
        long n = 0;
        for (int i = from; i < schedule.length; i++) {
            n += schedule[i] >= measureOffset ? 1 : 0;
        }
        return n;
    }

    private static void sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
