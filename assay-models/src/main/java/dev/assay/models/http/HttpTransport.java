package dev.assay.models.http;

import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sends requests for one model with bounded time and bounded retries. Every exchange is bounded by
 * the per-request timeout and by the caller's deadline, including reading the body. Connect
 * errors, timeouts and HTTP 502, 503 and 504 are retried with exponential backoff and jitter;
 * scoring requests are treated as idempotent (a repeated inference has no side effect).
 */
final class HttpTransport implements AutoCloseable {
    private static final int BODY_EXCERPT = 500;

    private final String model;
    private final HttpClient client;
    private final ExecutorService executor;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Map<String, String> headers;

    HttpTransport(String model, HttpClient.Version version, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
            Duration initialBackoff, Map<String, String> headers, Path trustedCertificates) {
        this.model = model;
        this.requestTimeout = requestTimeout;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.headers = new LinkedHashMap<>(headers);
        this.executor = Executors.newCachedThreadPool(DaemonThreads.named("assay-http-" + model));
        HttpClient.Builder builder = HttpClient.newBuilder().version(version).connectTimeout(connectTimeout).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (trustedCertificates != null) {
            builder.sslContext(sslContext(trustedCertificates));
        }
        this.client = builder.build();
    }

    /** The body of a successful GET. */
    byte[] get(URI uri, long deadlineNanos, Duration deadline) {
        return exchange(HttpRequest.newBuilder(uri).GET(), uri, deadlineNanos, deadline);
    }

    /** The body of a successful POST of a JSON document. */
    byte[] post(URI uri, byte[] json, long deadlineNanos, Duration deadline) {
        return exchange(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), uri, deadlineNanos, deadline);
    }

    private byte[] exchange(HttpRequest.Builder request, URI uri, long deadlineNanos, Duration deadline) {
        request.header("Accept", "application/json");
        headers.forEach(request::header);
        String failure = null;
        int attempt = 0;
        while (attempt < maxAttempts) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            attempt++;
            boolean deadlineBound = remaining < requestTimeout.toNanos();
            long limit = Math.min(remaining, requestTimeout.toNanos());
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(
                    request.timeout(Duration.ofNanos(limit)).build(), HttpResponse.BodyHandlers.ofByteArray());
            try {
                HttpResponse<byte[]> response = future.get(limit, TimeUnit.NANOSECONDS);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                String answer = "answered HTTP " + status + ": " + excerpt(response.body());
                if (status != 502 && status != 503 && status != 504) {
                    throw new InvalidInputException(subject(uri) + " " + answer + ". Check the request settings (model name, input "
                            + "names, token) against the server's documentation and log.");
                }
                failure = answer;
            } catch (TimeoutException e) {
                future.cancel(true);
                failure = timeoutText(deadlineBound, deadline);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof HttpTimeoutException) {
                    failure = timeoutText(deadlineBound, deadline);
                } else if (isConnectFailure(cause)) {
                    failure = "could not be reached (" + describe(cause) + ")";
                } else {
                    throw new InvalidInputException(subject(uri) + " failed: " + describe(cause)
                            + ". Check the URL, the protocol (http or https) and the server's log.", cause);
                }
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new InvalidInputException("The call to " + subject(uri) + " was interrupted.", e);
            }
            if (attempt < maxAttempts && !pause(attempt, deadlineNanos)) {
                break;
            }
        }
        if (attempt == 0) {
            throw new InvalidInputException(subject(uri) + ": the overall deadline of " + deadline.toMillis() + " ms passed before "
                    + "this request could be sent; the earlier requests of the call used it up. Raise the deadline.");
        }
        throw new InvalidInputException(subject(uri) + " " + failure + " (" + attempt + (attempt == 1 ? " attempt" : " attempts")
                + "). Check that the server is running and listening at that address, or raise the timeout, the deadline or "
                + "the number of attempts.");
    }

    private String subject(URI uri) {
        return "Model '" + model + "' at " + uri;
    }

    private String timeoutText(boolean deadlineBound, Duration deadline) {
        return deadlineBound ? "did not answer within the overall deadline of " + deadline.toMillis() + " ms"
                : "did not answer within the request timeout of " + requestTimeout.toMillis() + " ms";
    }

    /** Sleeps the backoff of {@code attempt}; false when the deadline would pass first. */
    private boolean pause(int attempt, long deadlineNanos) {
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
        long wait = (long) (initialBackoff.toNanos() * Math.pow(2, attempt - 1) * jitter);
        if (System.nanoTime() + wait >= deadlineNanos) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("The call to model '" + model + "' was interrupted while waiting to retry.", e);
        }
    }

    private static boolean isConnectFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        String text = t.getMessage();
        for (Throwable c = t.getCause(); (text == null || text.isBlank()) && c != null; c = c.getCause()) {
            text = c.getMessage();
        }
        String name = t instanceof ConnectException ? "connection refused or unreachable" : t.getClass().getSimpleName();
        return text == null || text.isBlank() ? name : name + ": " + text;
    }

    static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        return text.length() <= BODY_EXCERPT ? text : text.substring(0, BODY_EXCERPT) + "...";
    }

    private static SSLContext sslContext(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new InvalidInputException("The trusted certificate file " + pem + " holds no certificate. Give a PEM file "
                        + "with one or more '-----BEGIN CERTIFICATE-----' blocks.");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException("Cannot read the trusted certificate file " + pem + ": " + e.getMessage()
                    + ". Give a readable PEM file with the server's CA certificate.", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
