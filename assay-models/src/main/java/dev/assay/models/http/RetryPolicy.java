package dev.assay.models.http;

import dev.assay.core.error.InvalidInputException;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Bounded time and bounded retries for the requests of one model. Each attempt is limited by the
 * per-request timeout and by what is left of the caller's deadline; a failed attempt that may
 * succeed when repeated (see {@link Retryable}) is retried after an exponential backoff
 * ({@code initialBackoff * 2^(n-1)}, times a jitter factor in [0.5, 1.5)) unless the attempts are
 * used up or the backoff would pass the deadline. The final failure names the last problem and the
 * number of attempts.
 */
final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration requestTimeout;
    private final Duration deadline;
    private final Ticker ticker;
    private final DoubleSupplier jitter;

    /**
     * @param jitter uniform random numbers in [0, 1), turned into the jitter factor
     */
    RetryPolicy(int maxAttempts, Duration initialBackoff, Duration requestTimeout, Duration deadline, Ticker ticker,
            DoubleSupplier jitter) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.requestTimeout = requestTimeout;
        this.deadline = deadline;
        this.ticker = ticker;
        this.jitter = jitter;
    }

    /** One try of a request, given how long it may take. */
    interface Attempt<T> {
        T run(long limitNanos) throws Retryable, InterruptedException;
    }

    /** A failure worth another attempt: the server could not be reached, did not answer in time, or was briefly unavailable. */
    static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean timeout;

        private Retryable(String failure, boolean timeout) {
            super(failure, null, false, false);
            this.timeout = timeout;
        }

        /** The attempt ran out of time. */
        static Retryable timeout() {
            return new Retryable(null, true);
        }

        /** The attempt failed as {@code failure} says, e.g. {@code answered HTTP 503: ...}. */
        static Retryable failure(String failure) {
            return new Retryable(failure, false);
        }
    }

    /** The deadline of a call starting now, as a {@link Ticker} time. */
    long deadlineFromNow() {
        return ticker.nanoTime() + deadline.toNanos();
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good, or the attempts or the time are used up.
     *
     * @param subject what is called, for messages, e.g. {@code Model 'credit' at http://...}
     * @param deadlineNanos the call's deadline from {@link #deadlineFromNow()}
     * @throws InvalidInputException naming the subject, the last failure and the attempts
     */
    <T> T call(String subject, long deadlineNanos, Attempt<T> attempt) {
        String failure = null;
        int attempts = 0;
        while (attempts < maxAttempts) {
            long remaining = deadlineNanos - ticker.nanoTime();
            if (remaining <= 0) {
                break;
            }
            attempts++;
            boolean deadlineBound = remaining < requestTimeout.toNanos();
            try {
                return attempt.run(Math.min(remaining, requestTimeout.toNanos()));
            } catch (Retryable r) {
                failure = !r.timeout ? r.getMessage() : deadlineBound
                        ? "did not answer within the overall deadline of " + deadline.toMillis() + " ms"
                        : "did not answer within the request timeout of " + requestTimeout.toMillis() + " ms";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidInputException(subject + ": the call was interrupted.", e);
            }
            if (attempts < maxAttempts && !pause(subject, attempts, deadlineNanos)) {
                break;
            }
        }
        if (attempts == 0) {
            throw new InvalidInputException(subject + ": the overall deadline of " + deadline.toMillis() + " ms passed before "
                    + "this request could be sent; the earlier requests of the call used it up. Raise the deadline.");
        }
        throw new InvalidInputException(subject + " " + failure + " (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                + "). Check that the server is running and listening at that address, or raise the timeout, the deadline or "
                + "the number of attempts.");
    }

    /** Waits the backoff after attempt {@code attempts}; false when the deadline would pass first. */
    private boolean pause(String subject, int attempts, long deadlineNanos) {
        double factor = 0.5 + jitter.getAsDouble();
        long wait = (long) (initialBackoff.toNanos() * Math.pow(2, attempts - 1) * factor);
        if (ticker.nanoTime() + wait >= deadlineNanos) {
            return false;
        }
        try {
            ticker.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException(subject + ": the call was interrupted while waiting to retry.", e);
        }
    }
}
