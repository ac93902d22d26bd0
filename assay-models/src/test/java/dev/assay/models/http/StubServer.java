package dev.assay.models.http;

import com.sun.net.httpserver.HttpExchange;
import dev.assay.core.concurrent.DaemonThreads;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** A real HTTP server on 127.0.0.1 whose answers a test writes; it records what it received. */
final class StubServer implements AutoCloseable {
    static {
        // The JDK server reads this once, when the first server of the JVM starts; see InferenceServer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** What the server answers to the n-th request (counting from 1). */
    interface Answer {
        Response answer(int request, String method, String path, byte[] body) throws Exception;
    }

    /** An answer; {@code chunked} sends it without a Content-Length. */
    record Response(int status, String body, boolean chunked) {
        Response(int status, String body) {
            this(status, body, false);
        }
    }

    record Received(String method, String path, String authorization, String customHeader, String body) {
    }

    private final HttpServer server;
    private final String scheme;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, DaemonThreads.named("stub-server"));
    private final AtomicInteger count = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StubServer(Answer answer) throws IOException {
        this(answer, null);
    }

    /** A server that speaks HTTPS with {@code tls} when it is not null. */
    StubServer(Answer answer, SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (tls == null) {
            server = HttpServer.create(address, 16);
        } else {
            HttpsServer https = HttpsServer.create(address, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        scheme = tls == null ? "http" : "https";
        server.setExecutor(pool);
        server.createContext("/", exchange -> handle(exchange, answer));
        server.start();
    }

    private void handle(HttpExchange exchange, Answer answer) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("X-Team"),
                    new String(body, StandardCharsets.UTF_8)));
            Response r;
            try {
                r = answer.answer(count.incrementAndGet(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                r = new Response(500, "stub failed: " + e);
            }
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(r.status(), r.chunked() ? 0 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    URI uri(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int requests() {
        return count.get();
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
