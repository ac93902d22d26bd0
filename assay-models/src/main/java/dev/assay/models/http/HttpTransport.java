package dev.assay.models.http;

import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.error.InvalidInputException;
import dev.assay.models.ModelFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sends the requests of one model: one JDK {@link HttpClient} (its own daemon threads, no
 * redirects, the given TLS trust), the configured headers, answers of bounded size, and each
 * exchange, body included, bounded in time and retried by a {@link RetryPolicy}. Connect errors,
 * timeouts and HTTP 502, 503 and 504 are retried; scoring requests are treated as idempotent (a
 * repeated inference has no side effect). Other failures are reported at once.
 */
final class HttpTransport implements AutoCloseable {
    private final String model;
    private final HttpClient client;
    private final ExecutorService executor;
    private final RetryPolicy retries;
    private final Map<String, String> headers;
    private final long maxAnswerBytes;

    HttpTransport(String model, HttpClient.Version version, Duration connectTimeout, RetryPolicy retries,
            Map<String, String> headers, Path trustedCertificates, long maxAnswerBytes) {
        this.model = model;
        this.retries = retries;
        this.headers = new LinkedHashMap<>(headers);
        this.maxAnswerBytes = maxAnswerBytes;
        SSLContext tls = trustedCertificates == null ? null : sslContext(trustedCertificates);
        this.executor = Executors.newCachedThreadPool(DaemonThreads.named("assay-http-" + model));
        HttpClient.Builder builder = HttpClient.newBuilder().version(version).connectTimeout(connectTimeout).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    /** The deadline of a call starting now, for {@link #get} and {@link #post}. */
    long deadlineFromNow() {
        return retries.deadlineFromNow();
    }

    /** The body of a successful GET. */
    byte[] get(URI uri, long deadlineNanos) {
        return exchange(HttpRequest.newBuilder(uri).GET(), uri, deadlineNanos);
    }

    /** The body of a successful POST of a JSON document. */
    byte[] post(URI uri, byte[] json, long deadlineNanos) {
        return exchange(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), uri, deadlineNanos);
    }

    private byte[] exchange(HttpRequest.Builder request, URI uri, long deadlineNanos) {
        request.header("Accept", "application/json");
        headers.forEach(request::header);
        String subject = "Model '" + model + "' at " + uri;
        return retries.call(subject, deadlineNanos, limit -> once(request, subject, limit));
    }

    private byte[] once(HttpRequest.Builder request, String subject, long limitNanos)
            throws RetryPolicy.Retryable, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.timeout(Duration.ofNanos(limitNanos)).build(),
                BoundedBody.handler(maxAnswerBytes));
        try {
            HttpResponse<byte[]> response = future.get(limitNanos, TimeUnit.NANOSECONDS);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            String answer = "answered HTTP " + status + ": " + Json.excerpt(response.body());
            if (status == 502 || status == 503 || status == 504) {
                throw RetryPolicy.Retryable.failure(answer);
            }
            throw new InvalidInputException(subject + " " + answer + ". Check the request settings (model name, input names, "
                    + "token) against the server's documentation and log.");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw RetryPolicy.Retryable.timeout();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw RetryPolicy.Retryable.timeout();
            }
            if (cause instanceof BoundedBody.TooLarge large) {
                throw new InvalidInputException(subject + " answered with more than " + large.limit() + " bytes. Send smaller "
                        + "batches (batch size), or raise the answer limit if the answers are meant to be this large.", cause);
            }
            if (isConnectFailure(cause)) {
                throw RetryPolicy.Retryable.failure("could not be reached (" + describe(cause) + ")");
            }
            throw new InvalidInputException(subject + " failed: " + describe(cause)
                    + ". Check the URL, the protocol (http or https) and the server's log.", cause);
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

    private static SSLContext sslContext(Path pem) {
        byte[] bytes = ModelFile.read(pem, "trusted certificate file");
        Collection<? extends Certificate> certificates;
        String problem;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
            problem = certificates.isEmpty() ? "none found" : null;
        } catch (CertificateException e) {
            certificates = null;
            problem = e.getMessage();
        }
        if (problem != null) {
            throw new InvalidInputException("The trusted certificate file " + pem + " holds no certificate that can be read ("
                    + problem + "). Give a PEM file with one or more '-----BEGIN CERTIFICATE-----' blocks.");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS with the certificates of " + pem, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
