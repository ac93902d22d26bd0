package dev.assay.models.http;

import java.util.concurrent.TimeUnit;

/** Monotonic time and waiting as the HTTP client sees them; tests substitute a clock they move by hand. */
interface Ticker {
    /** The system's monotonic clock and {@link TimeUnit#sleep}. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    /** Now, in nanoseconds from an arbitrary origin. */
    long nanoTime();

    /** Waits {@code nanos} nanoseconds. */
    void sleep(long nanos) throws InterruptedException;
}
