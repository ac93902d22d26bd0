package dev.assay.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link AlertEvaluation} every interval on a daemon thread of its own, from one interval after the
 * start; closing stops it after the run under way (if any) finishes.
 */
final class AlertScheduler implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "assay-alerts");
        t.setDaemon(true);
        return t;
    });

    AlertScheduler(AlertEvaluation evaluation, Duration interval) {
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(evaluation::run, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
