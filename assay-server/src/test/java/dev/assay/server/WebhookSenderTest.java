package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The webhook sender against real receivers: one that answers 500, one that stalls, one that works. */
class WebhookSenderTest {

    @Test
    void a500IsRetriedWithBackoffThenGivenUp() throws Exception {
        try (WebhookReceiver failing = new WebhookReceiver(500, 0); WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), 3,
                Duration.ofMillis(100))) {
            long t0 = System.nanoTime();
            sender.send(failing.url(), "{\"version\": \"4\"}", "test");
            for (int i = 0; i < 3; i++) {
                assertThat(failing.next(5)).as("attempt %d", i + 1).isNotNull();
            }
            waitFor(() -> sender.failed() == 1);
            // backoff 100 ms then 200 ms between the three attempts
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(failing.requests.get()).isEqualTo(3);
            assertThat(sender.delivered()).isZero();
        }
    }

    @Test
    void aStalledReceiverTimesOutWithoutBlockingTheCallerAndLaterNotificationsArrive() throws Exception {
        try (WebhookReceiver stalled = new WebhookReceiver(200, 5_000); WebhookReceiver healthy = new WebhookReceiver(200, 0);
                WebhookSender sender = new WebhookSender(Duration.ofMillis(300), 2, Duration.ofMillis(50))) {
            long t0 = System.nanoTime();
            sender.send(stalled.url(), "{\"n\": 1}", "stalled");
            sender.send(healthy.url(), "{\"n\": 2}", "healthy");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(200));
            assertThat(healthy.next(10).get("n").asInt()).isEqualTo(2);
            waitFor(() -> sender.delivered() == 1 && sender.failed() == 1);
            assertThat(stalled.requests.get()).isEqualTo(2);
        }
    }

    @Test
    void theLogShowsTheHostOnly() {
        assertThat(WebhookSender.host("https://hooks.example:8443/services/T000/SECRET")).isEqualTo("hooks.example:8443");
        assertThat(WebhookSender.host("http://receiver.local/x?token=abc")).isEqualTo("receiver.local");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in 15 s").isLessThan(end);
            Thread.sleep(20);
        }
    }
}
