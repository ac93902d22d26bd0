package dev.assay.models.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serves one {@link Model} over the Open Inference Protocol v2 (REST), so that any Assay model can
 * be called by KServe-compatible clients, including {@link HttpModel}.
 *
 * <p>Endpoints: {@code GET /v2/health/live}, {@code GET /v2/health/ready}, {@code GET /v2/models/{name}}
 * (metadata; {@code parameters} hold {@code task}, {@code classes} as a string with a JSON array, and
 * {@code feature_columns}), {@code GET /v2/models/{name}/ready} and {@code POST /v2/models/{name}/infer}.
 *
 * <p>An inference request carries either
 * <ul>
 *   <li>one 2-D tensor named {@value #TENSOR_INPUT}, FP32 or FP64, of shape {@code [rows, width]} in
 *       the input order of the model's {@link dev.assay.core.model.FeatureMapping}: numeric inputs are taken as they are,
 *       one-hot groups must hold a single 1 (the level) or all zeros (missing), ordinal inputs the
 *       level's index; or</li>
 *   <li>one 1-D tensor per feature column, named after the column: numbers (FP32, FP64, INT*) or
 *       BYTES (categories and text).</li>
 * </ul>
 * {@code null} in a numeric tensor is a missing value. The answer has the outputs {@code label}
 * (BYTES) and, when the model gives them, {@code probabilities} (FP64 {@code [rows, classes]}), or
 * {@code value} (FP64) for regression. Bad requests are answered 400 with {@code {"error": ...}},
 * unknown paths and models 404, other methods 405, model failures 500. The messages are written and
 * read by {@link OpenInferenceCodec}, the same as {@link HttpModel}'s; {@link RequestFrame} turns the
 * inputs back into columns.
 *
 * <p>Requests are handled by a fixed pool of threads; a model that is not thread-safe is called by
 * one of them at a time. The server listens on 127.0.0.1 unless another host is given. Loading
 * this class sets the JDK server's {@code sun.net.httpserver.nodelay} to {@code true} unless it is
 * set already: without it, Nagle's algorithm and delayed acknowledgements add about 40 ms to every
 * small answer. The JDK reads the property when its first HTTP server starts, so a program that
 * starts another JDK HTTP server first should pass {@code -Dsun.net.httpserver.nodelay=true}.
 */
public final class InferenceServer implements AutoCloseable {
    /** The name of the 2-D input tensor fed through the model's feature mapping. */
    public static final String TENSOR_INPUT = "input";
    /** The largest request body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 256 << 20;

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Model model;
    private final String name;
    private final ModelInfo info;
    private final HttpServer server;
    private final ExecutorService pool;
    private final ReentrantLock modelLock = new ReentrantLock();
    private final RequestFrame requestFrame;
    private final byte[] metadata;
    private volatile boolean ready;

    private InferenceServer(Model model, String name, InetSocketAddress address, int threads) throws IOException {
        this.model = model;
        this.name = name;
        this.info = model.info();
        this.requestFrame = new RequestFrame(name, info.features());
        this.metadata = ModelMetadata.write(name, info);
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("assay-inference"));
        this.server = HttpServer.create(address, 128);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
    }

    /**
     * Starts serving {@code model} on {@code host:port}.
     *
     * @param name the model's name in the URLs
     * @param host the address to bind, e.g. {@code 127.0.0.1} (loopback only) or {@code 0.0.0.0}
     * @param port the port; 0 picks a free one
     * @param threads the number of request threads, at least 1
     * @throws InvalidInputException if the address cannot be bound
     */
    public static InferenceServer start(Model model, String name, String host, int port, int threads) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(name, "name");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        try {
            InferenceServer s = new InferenceServer(model, name, new InetSocketAddress(host, port), threads);
            s.server.start();
            s.ready = true;
            return s;
        } catch (IOException e) {
            throw new InvalidInputException("Cannot serve model '" + name + "' on " + host + ":" + port + ": " + e.getMessage()
                    + ". Choose a free port (0 picks one) and an address of this machine.", e);
        }
    }

    /** Starts serving {@code model} on 127.0.0.1 at a free port with one thread per processor. */
    public static InferenceServer start(Model model, String name) {
        return start(model, name, "127.0.0.1", 0, Runtime.getRuntime().availableProcessors());
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The model's name in the URLs. */
    public String name() {
        return name;
    }

    /** Stops accepting requests, lets running ones finish for up to a second, and stops the threads. */
    @Override
    public void close() {
        ready = false;
        server.stop(1);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (HttpProblem p) {
                respondError(exchange, p.status, p.getMessage());
            } catch (InvalidInputException e) {
                respondError(exchange, 400, e.getMessage());
            } catch (RuntimeException e) {
                respondError(exchange, 500, "model '" + name + "' failed: " + e);
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String prefix = "/v2/models/";
        if (path.equals("/v2/health/live")) {
            requireGet(method);
            respond(exchange, 200, Map.of("live", true));
        } else if (path.equals("/v2/health/ready")) {
            requireGet(method);
            respond(exchange, 200, Map.of("ready", ready));
        } else if (path.startsWith(prefix)) {
            String rest = path.substring(prefix.length());
            int slash = rest.indexOf('/');
            String requested = slash < 0 ? rest : rest.substring(0, slash);
            String action = slash < 0 ? "" : rest.substring(slash + 1);
            if (!requested.equals(name)) {
                throw new HttpProblem(404, "unknown model '" + Excerpt.of(requested) + "'; this server serves '" + name + "'");
            }
            switch (action) {
                case "" -> {
                    requireGet(method);
                    respondRaw(exchange, 200, metadata);
                }
                case "ready" -> {
                    requireGet(method);
                    respond(exchange, 200, Map.of("name", name, "ready", ready));
                }
                case "infer" -> {
                    if (!method.equals("POST")) {
                        throw new HttpProblem(405, "use POST for " + Excerpt.of(path));
                    }
                    respondRaw(exchange, 200, infer(readBody(exchange)));
                }
                default -> throw new HttpProblem(404, "unknown path " + Excerpt.of(path));
            }
        } else {
            throw new HttpProblem(404, "unknown path " + Excerpt.of(path) + "; see /v2/models/" + name);
        }
    }

    private static void requireGet(String method) {
        if (!method.equals("GET")) {
            throw new HttpProblem(405, "use GET");
        }
    }

    private byte[] infer(byte[] body) {
        OpenInferenceCodec.Request request = OpenInferenceCodec.readRequest(body, InvalidInputException::new);
        Frame frame = requestFrame.read(request.inputs());
        Predictions predictions;
        if (info.capabilities().threadSafe()) {
            predictions = model.predict(frame);
        } else {
            modelLock.lock();
            try {
                predictions = model.predict(frame);
            } finally {
                modelLock.unlock();
            }
        }
        if (predictions.rows() != frame.rowCount()) {
            throw new IllegalStateException("it returned " + predictions.rows() + " predictions for " + frame.rowCount() + " rows");
        }
        return OpenInferenceCodec.answer(name, request.id(), predictions);
    }

    /** The body, at most {@link #MAX_BODY_BYTES}; the JDK server has already checked that Content-Length is a number. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && Long.parseLong(length.strip()) > MAX_BODY_BYTES) {
            throw new HttpProblem(413, "the request body has " + Excerpt.of(length) + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new HttpProblem(413, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        respondRaw(exchange, status, Json.MAPPER.writeValueAsBytes(body));
    }

    private static void respondError(HttpExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, Map.of("error", message));
    }

    private static void respondRaw(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A request the server answers with an error status and a JSON {@code {"error": ...}} body. */
    private static final class HttpProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        HttpProblem(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
