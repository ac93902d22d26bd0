package dev.assay.models.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.models.FeatureMappingJson;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 *       the input order of the model's {@link FeatureMapping}: numeric inputs are taken as they are,
 *       one-hot groups must hold a single 1 (the level) or all zeros (missing), ordinal inputs the
 *       level's index; or</li>
 *   <li>one 1-D tensor per feature column, named after the column: numbers (FP32, FP64, INT*) or
 *       BYTES (categories and text).</li>
 * </ul>
 * {@code null} in a numeric tensor is a missing value. The answer has the outputs {@code label}
 * (BYTES) and, when the model gives them, {@code probabilities} (FP64 {@code [rows, classes]}), or
 * {@code value} (FP64) for regression. Bad requests are answered 400 with {@code {"error": ...}},
 * unknown paths and models 404, other methods 405, model failures 500.
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
    private final Set<String> featureColumns = new HashSet<>();
    private volatile boolean ready;

    private InferenceServer(Model model, String name, InetSocketAddress address, int threads) throws IOException {
        this.model = model;
        this.name = name;
        this.info = model.info();
        info.features().features().forEach(f -> featureColumns.add(f.column()));
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
                throw new HttpProblem(404, "unknown model '" + requested + "'; this server serves '" + name + "'");
            }
            switch (action) {
                case "" -> {
                    requireGet(method);
                    respond(exchange, 200, metadata());
                }
                case "ready" -> {
                    requireGet(method);
                    respond(exchange, 200, Map.of("name", name, "ready", ready));
                }
                case "infer" -> {
                    if (!method.equals("POST")) {
                        throw new HttpProblem(405, "use POST for " + path);
                    }
                    respondRaw(exchange, 200, infer(readBody(exchange)));
                }
                default -> throw new HttpProblem(404, "unknown path " + path);
            }
        } else {
            throw new HttpProblem(404, "unknown path " + path + "; see /v2/models/" + name);
        }
    }

    private static void requireGet(String method) {
        if (!method.equals("GET")) {
            throw new HttpProblem(405, "use GET");
        }
    }

    private Map<String, Object> metadata() {
        int width = info.features().width();
        List<Map<String, Object>> inputs = List.of(tensorSpec(TENSOR_INPUT, "FP64", List.of(-1, width)));
        List<Map<String, Object>> outputs = new ArrayList<>();
        if (info.task() == Task.REGRESSION) {
            outputs.add(tensorSpec("value", "FP64", List.of(-1)));
        } else {
            outputs.add(tensorSpec("label", "BYTES", List.of(-1)));
            if (info.capabilities().probabilities()) {
                outputs.add(tensorSpec("probabilities", "FP64", List.of(-1, info.classes().size())));
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("task", info.task().id());
        try {
            parameters.put("classes", HttpModel.JSON.writeValueAsString(info.classes()));
            parameters.put("feature_columns", HttpModel.JSON.writeValueAsString(info.features().features().stream()
                    .map(FeatureMapping.Feature::column).toList()));
            parameters.put("input_names", HttpModel.JSON.writeValueAsString(info.features().inputNames()));
            parameters.put(HttpModel.FEATURES_PARAMETER, FeatureMappingJson.write(info.features()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("versions", List.of());
        m.put("platform", "assay-" + info.kind());
        m.put("inputs", inputs);
        m.put("outputs", outputs);
        m.put("parameters", parameters);
        return m;
    }

    private static Map<String, Object> tensorSpec(String name, String datatype, List<Integer> shape) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        spec.put("datatype", datatype);
        spec.put("shape", shape);
        return spec;
    }

    private byte[] infer(byte[] body) throws IOException {
        JsonNode request;
        try {
            request = HttpModel.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "the request is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        JsonNode inputs = request == null ? null : request.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw new HttpProblem(400, "the request needs a non-empty 'inputs' array");
        }
        Frame frame = inputs.size() == 1 && TENSOR_INPUT.equals(inputs.get(0).path("name").asText())
                && !featureColumns.contains(TENSOR_INPUT) ? fromTensor(inputs.get(0)) : fromColumns(inputs);
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
        return answer(request, predictions);
    }

    private Frame fromTensor(JsonNode input) {
        long[] shape = shape(input);
        int width = info.features().width();
        if (shape.length != 2 || shape[1] != width) {
            throw new HttpProblem(400, "input '" + TENSOR_INPUT + "' has shape " + java.util.Arrays.toString(shape) + "; expected [rows, "
                    + width + "] with the inputs " + info.features().inputNames());
        }
        String type = input.path("datatype").asText();
        if (!type.equals("FP64") && !type.equals("FP32")) {
            throw new HttpProblem(400, "input '" + TENSOR_INPUT + "' has datatype '" + type + "'; expected FP32 or FP64");
        }
        int rows = Math.toIntExact(shape[0]);
        double[] data = numbers(input, TENSOR_INPUT, Math.multiplyExact(rows, width));
        List<Column> columns = new ArrayList<>();
        int offset = 0;
        for (FeatureMapping.Feature f : info.features().features()) {
            if (f.encoding() instanceof FeatureMapping.OneHot o) {
                int k = o.levels().size();
                int[] codes = new int[rows];
                for (int r = 0; r < rows; r++) {
                    codes[r] = CategoricalColumn.MISSING;
                    for (int j = 0; j < k; j++) {
                        double v = data[r * width + offset + j];
                        if (v == 1.0 && codes[r] == CategoricalColumn.MISSING) {
                            codes[r] = j;
                        } else if (v != 0.0) {
                            throw new HttpProblem(400, "row " + (r + 1) + ": the one-hot inputs of column '" + f.column()
                                    + "' must hold a single 1 and zeros (or all zeros for a missing value); input "
                                    + (offset + j) + " holds " + v);
                        }
                    }
                }
                columns.add(CategoricalColumn.wrap(f.column(), codes, o.levels()));
            } else if (f.encoding() instanceof FeatureMapping.Ordinal o) {
                int[] codes = new int[rows];
                for (int r = 0; r < rows; r++) {
                    double v = data[r * width + offset];
                    if (Double.isNaN(v)) {
                        codes[r] = CategoricalColumn.MISSING;
                    } else if (v != Math.rint(v) || v < 0 || v >= o.levels().size()) {
                        throw new HttpProblem(400, "row " + (r + 1) + ": the ordinal input of column '" + f.column() + "' holds "
                                + v + "; expected a level index from 0 to " + (o.levels().size() - 1));
                    } else {
                        codes[r] = (int) v;
                    }
                }
                columns.add(CategoricalColumn.wrap(f.column(), codes, o.levels()));
            } else {
                double[] values = new double[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = data[r * width + offset];
                }
                columns.add(NumericColumn.wrap(f.column(), values));
            }
            offset += f.encoding() instanceof FeatureMapping.OneHot o ? o.levels().size() : 1;
        }
        return Frame.of("the request to model '" + name + "'", columns);
    }

    private Frame fromColumns(JsonNode inputs) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long rows = -1;
        for (JsonNode input : inputs) {
            String column = input.path("name").asText();
            if (!featureColumns.contains(column)) {
                throw new HttpProblem(400, "unknown input '" + column + "'; send one tensor '" + TENSOR_INPUT + "' [rows, "
                        + info.features().width() + "] or one tensor per feature column of " + featureColumns);
            }
            if (!seen.add(column)) {
                throw new HttpProblem(400, "input '" + column + "' is given twice");
            }
            long[] shape = shape(input);
            if (shape.length == 0 || shape.length > 2 || (shape.length == 2 && shape[1] != 1)) {
                throw new HttpProblem(400, "input '" + column + "' has shape " + java.util.Arrays.toString(shape)
                        + "; expected [rows] or [rows, 1]");
            }
            if (rows >= 0 && shape[0] != rows) {
                throw new HttpProblem(400, "input '" + column + "' has " + shape[0] + " rows, the inputs before it " + rows);
            }
            rows = shape[0];
            int n = Math.toIntExact(rows);
            String type = input.path("datatype").asText();
            if (type.equals("BYTES")) {
                JsonNode data = flat(input.get("data"), column);
                if (data.size() != n) {
                    throw new HttpProblem(400, "input '" + column + "' holds " + data.size() + " values for shape " + n);
                }
                String[] values = new String[n];
                for (int r = 0; r < n; r++) {
                    JsonNode v = data.get(r);
                    values[r] = v.isNull() ? null : v.asText();
                }
                columns.add(CategoricalColumn.of(column, values));
            } else if (type.startsWith("FP") || type.startsWith("INT") || type.startsWith("UINT")) {
                columns.add(NumericColumn.wrap(column, numbers(input, column, n)));
            } else {
                throw new HttpProblem(400, "input '" + column + "' has datatype '" + type + "'; expected FP64, FP32, INT* or BYTES");
            }
        }
        return Frame.of("the request to model '" + name + "'", columns);
    }

    private static long[] shape(JsonNode input) {
        JsonNode shape = input.get("shape");
        String name = input.path("name").asText();
        if (shape == null || !shape.isArray()) {
            throw new HttpProblem(400, "input '" + name + "' has no 'shape' array");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!shape.get(i).canConvertToLong() || shape.get(i).asLong() < 0) {
                throw new HttpProblem(400, "input '" + name + "' has the shape " + shape + "; dimensions must be whole numbers >= 0");
            }
            dims[i] = shape.get(i).asLong();
        }
        return dims;
    }

    private static double[] numbers(JsonNode input, String name, int expected) {
        JsonNode data = input.get("data");
        if (data == null || !data.isArray()) {
            throw new HttpProblem(400, "input '" + name + "' has no 'data' array");
        }
        double[] out = new double[expected];
        int n = fill(data, out, 0, name);
        if (n != expected) {
            throw new HttpProblem(400, "input '" + name + "' holds " + n + " values; its shape needs " + expected);
        }
        return out;
    }

    private static int fill(JsonNode node, double[] out, int at, String name) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                at = fill(child, out, at, name);
            }
            return at;
        }
        if (!node.isNumber() && !node.isNull()) {
            throw new HttpProblem(400, "input '" + name + "' holds " + Tensor.kind(node) + " at position " + at
                    + " where a number (or null for missing) was expected");
        }
        if (at < out.length) {
            out[at] = node.isNull() ? Double.NaN : node.doubleValue();
        }
        return at + 1;
    }

    private static JsonNode flat(JsonNode data, String name) {
        if (data == null || !data.isArray()) {
            throw new HttpProblem(400, "input '" + name + "' has no 'data' array");
        }
        if (data.isEmpty() || !data.get(0).isArray()) {
            return data;
        }
        com.fasterxml.jackson.databind.node.ArrayNode flat = HttpModel.JSON.createArrayNode();
        data.forEach(row -> row.forEach(flat::add));
        return flat;
    }

    private byte[] answer(JsonNode request, Predictions predictions) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + predictions.rows() * 48);
        try (JsonGenerator g = HttpModel.JSON.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("model_name", name);
            if (request.has("id")) {
                g.writeFieldName("id");
                g.writeTree(request.get("id"));
            }
            g.writeArrayFieldStart("outputs");
            int n = predictions.rows();
            if (predictions instanceof ClassPredictions c) {
                g.writeStartObject();
                g.writeStringField("name", "label");
                g.writeArrayFieldStart("shape");
                g.writeNumber(n);
                g.writeEndArray();
                g.writeStringField("datatype", "BYTES");
                g.writeArrayFieldStart("data");
                for (int r = 0; r < n; r++) {
                    g.writeString(c.classes().get(c.predicted()[r]));
                }
                g.writeEndArray();
                g.writeEndObject();
                if (c.probabilities() != null) {
                    writeTensor(g, "probabilities", n, c.classes().size(), c.probabilities());
                }
            } else {
                writeTensor(g, "value", n, 0, ((ValuePredictions) predictions).values());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void writeTensor(JsonGenerator g, String name, int rows, int width, double[] values) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeArrayFieldStart("shape");
        g.writeNumber(rows);
        if (width > 0) {
            g.writeNumber(width);
        }
        g.writeEndArray();
        g.writeStringField("datatype", "FP64");
        g.writeArrayFieldStart("data");
        for (double v : values) {
            if (Double.isNaN(v)) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The body, at most {@link #MAX_BODY_BYTES}; the JDK server has already checked that Content-Length is a number. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && Long.parseLong(length.strip()) > MAX_BODY_BYTES) {
            throw new HttpProblem(413, "the request body has " + length + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
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
        respondRaw(exchange, status, HttpModel.JSON.writeValueAsBytes(body));
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
