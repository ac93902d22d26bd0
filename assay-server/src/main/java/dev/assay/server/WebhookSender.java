package dev.assay.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alert notifications (JSON) to webhooks from a thread of its own, so a slow or failing receiver never
 * holds up ingestion or evaluation. Each delivery has a timeout; an error, a timeout or a non-2xx answer is
 * retried with doubling backoff up to a number of attempts; the outcome is logged with the URL's host only
 * (a webhook URL may carry a secret). At most {@value #QUEUE} notifications wait; more are dropped and logged.
 */
final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int QUEUE = 1000;

    private final HttpClient http;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;
    private final ThreadPoolExecutor thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** Ten-second timeouts, four attempts, backoff of 1, 2 and 4 seconds. */
    WebhookSender() {
        this(Duration.ofSeconds(10), 4, Duration.ofSeconds(1));
    }

    WebhookSender(Duration timeout, int attempts, Duration backoff) {
        this.timeout = timeout;
        this.attempts = attempts;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "assay-webhook");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code json} for {@code url}; {@code what} names the notification in the log. */
    void send(String url, String json, String what) {
        try {
            thread.execute(() -> deliver(url, json, what));
        } catch (RejectedExecutionException e) {
            failed.incrementAndGet();
            LOG.error("webhook to {}: {} dropped, {} notifications are already waiting or the service is stopping", host(url), what, QUEUE);
        }
    }

    /** Notifications delivered (a 2xx answer). */
    long delivered() {
        return delivered.get();
    }

    /** Notifications given up after the last attempt, or dropped. */
    long failed() {
        return failed.get();
    }

    private void deliver(String url, String json, String what) {
        String problem = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", "application/json")
                        .header("User-Agent", "assay").POST(HttpRequest.BodyPublishers.ofString(json)).build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    delivered.incrementAndGet();
                    LOG.info("webhook to {}: {} delivered (HTTP {}, attempt {})", host(url), what, status, attempt);
                    return;
                }
                problem = "HTTP " + status;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (IllegalArgumentException e) {
                failed.incrementAndGet();
                LOG.error("webhook to {}: {} not sent, the URL is not valid", host(url), what);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.incrementAndGet();
                LOG.warn("webhook to {}: {} not delivered, the service is stopping", host(url), what);
                return;
            }
            LOG.warn("webhook to {}: {} attempt {} of {} failed: {}", host(url), what, attempt, attempts, problem);
            if (attempt < attempts && !pause(backoff.multipliedBy(1L << (attempt - 1)))) {
                failed.incrementAndGet();
                return;
            }
        }
        failed.incrementAndGet();
        LOG.error("webhook to {}: {} given up after {} attempts ({})", host(url), what, attempts, problem);
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The host and port of {@code url}: what the log may show of it. */
    static String host(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return "an invalid URL";
        }
    }

    /** Stops taking notifications, lets the one under way finish for a moment, then interrupts it. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
