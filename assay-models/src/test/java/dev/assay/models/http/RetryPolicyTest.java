package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Attempts, waits and deadlines on a clock the test moves by hand: no wall-clock timing. */
class RetryPolicyTest {
    private static final String SUBJECT = "Model 'credit' at http://127.0.0.1:9/v2/models/credit/infer";
    private static final String ADVICE = ". Check that the server is running and listening at that address, or raise the "
            + "timeout, the deadline or the number of attempts.";
    private static final long MS = 1_000_000L;

    private final ManualTicker clock = new ManualTicker();
    private final List<Long> limits = new ArrayList<>();

    /** Jitter values in turn; 0.5 makes the factor exactly 1. */
    private static DoubleSupplier jitter(double... values) {
        Iterator<Double> it = java.util.Arrays.stream(values).iterator();
        return it::next;
    }

    private RetryPolicy policy(int attempts, long backoffMs, long timeoutMs, long deadlineMs, DoubleSupplier jitter) {
        return new RetryPolicy(attempts, Duration.ofMillis(backoffMs), Duration.ofMillis(timeoutMs), Duration.ofMillis(deadlineMs),
                clock, jitter);
    }

    /** An attempt that uses up its whole time limit without an answer. */
    private String timesOut(long limit) throws RetryPolicy.Retryable {
        limits.add(limit);
        clock.advance(limit);
        throw RetryPolicy.Retryable.timeout();
    }

    @Test
    void theDeadlineBoundsAllRetries() {
        RetryPolicy p = policy(10, 10, 400, 600, jitter(0.5, 0.5, 0.5));
        long deadline = p.deadlineFromNow();
        assertThatThrownBy(() -> p.call(SUBJECT, deadline, this::timesOut)).isInstanceOf(InvalidInputException.class)
                .hasMessage(SUBJECT + " did not answer within the overall deadline of 600 ms (2 attempts)" + ADVICE);
        assertThat(limits).containsExactly(400 * MS, 190 * MS);
        assertThat(clock.sleeps()).as("the second backoff (20 ms) would pass the deadline").containsExactly(10 * MS);
    }

    @Test
    void aRequestTimeoutIsNamedWhenItIsTheLimit() {
        RetryPolicy p = policy(2, 50, 300, 600_000, jitter(0.5));
        assertThatThrownBy(() -> p.call(SUBJECT, p.deadlineFromNow(), this::timesOut)).isInstanceOf(InvalidInputException.class)
                .hasMessage(SUBJECT + " did not answer within the request timeout of 300 ms (2 attempts)" + ADVICE);
        assertThat(limits).containsExactly(300 * MS, 300 * MS);
        assertThat(clock.sleeps()).containsExactly(50 * MS);
    }

    @Test
    void backoffDoublesPerRetryTimesTheJitterAndTheLastFailureIsReported() {
        RetryPolicy p = policy(4, 100, 1_000, 600_000, jitter(0.0, 0.5, 0.75));
        List<String> answers = new ArrayList<>(List.of("answered HTTP 503: warming up", "could not be reached (refused)",
                "answered HTTP 502: bad gateway"));
        assertThatThrownBy(() -> p.call(SUBJECT, p.deadlineFromNow(), limit -> {
            limits.add(limit);
            throw RetryPolicy.Retryable.failure(answers.isEmpty() ? "answered HTTP 504: timeout" : answers.remove(0));
        })).isInstanceOf(InvalidInputException.class)
                .hasMessage(SUBJECT + " answered HTTP 504: timeout (4 attempts)" + ADVICE);
        assertThat(limits).hasSize(4);
        // 100 ms * 2^(n-1) * (0.5 + jitter): 100 * 0.5, 200 * 1.0, 400 * 1.25
        assertThat(clock.sleeps()).containsExactly(50 * MS, 200 * MS, 500 * MS);
    }

    @Test
    void aRetrySucceedsAfterUnavailableAnswers() {
        RetryPolicy p = policy(3, 20, 1_000, 600_000, jitter(0.5, 0.5));
        int[] calls = {0};
        String body = p.call(SUBJECT, p.deadlineFromNow(), limit -> {
            if (++calls[0] <= 2) {
                throw RetryPolicy.Retryable.failure("answered HTTP 503: warming up");
            }
            return "scored";
        });
        assertThat(body).isEqualTo("scored");
        assertThat(calls[0]).isEqualTo(3);
        assertThat(clock.sleeps()).containsExactly(20 * MS, 40 * MS);
    }

    @Test
    void aFailureThatIsNotRetryableEndsTheCallAtOnce() {
        RetryPolicy p = policy(3, 20, 1_000, 600_000, jitter());
        int[] calls = {0};
        assertThatThrownBy(() -> p.call(SUBJECT, p.deadlineFromNow(), limit -> {
            calls[0]++;
            throw new InvalidInputException(SUBJECT + " answered HTTP 401: unauthorized.");
        })).isInstanceOf(InvalidInputException.class).hasMessage(SUBJECT + " answered HTTP 401: unauthorized.");
        assertThat(calls[0]).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void noTimeLeftBeforeTheFirstAttemptIsToldApart() {
        RetryPolicy p = policy(3, 20, 1_000, 600, jitter());
        long deadline = p.deadlineFromNow();
        clock.advance(600 * MS);
        assertThatThrownBy(() -> p.call(SUBJECT, deadline, this::timesOut)).isInstanceOf(InvalidInputException.class)
                .hasMessage(SUBJECT + ": the overall deadline of 600 ms passed before this request could be sent; the earlier "
                        + "requests of the call used it up. Raise the deadline.");
        assertThat(limits).isEmpty();
    }
}
