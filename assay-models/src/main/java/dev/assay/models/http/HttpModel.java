package dev.assay.models.http;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.load.LoadTarget;
import dev.assay.core.load.ModelTarget;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * A model behind an HTTP server, called in batches over a {@link WireFormat}: the Open Inference
 * Protocol v2 (KServe v2, Triton, Seldon MLServer, {@link InferenceServer}; {@link OpenInferenceFormat})
 * or a JSON request template with JSON Pointers into the answer (TF Serving's REST API, a custom
 * Flask app; {@link JsonTemplateFormat}). Both read answers alike ({@link PredictionDecoder}).
 *
 * <p>Every exchange is bounded by the request timeout and every {@link #predict} call by the
 * overall deadline, all batches and retries included ({@link RetryPolicy}). Connect errors,
 * timeouts and HTTP 502, 503 and 504 are retried with exponential backoff and jitter: inference
 * requests are treated as idempotent, which holds for scoring. Answers over a size limit are
 * refused. Every failure is an {@link InvalidInputException} naming the model, the URL and what
 * went wrong. A bearer token is read from an environment variable whose name is configured, so the
 * token never appears in a suite file; HTTPS uses the JDK's trust store or a given PEM file.
 *
 * <p>Instances are thread-safe; close them to stop the client's threads. See the module README for
 * the settings and conventions.
 */
public final class HttpModel implements Model {
    /** The string in a JSON request template that is replaced by the rows of a batch. */
    public static final String ROWS_PLACEHOLDER = "$rows";

    /** How an Open Inference request carries the rows. */
    public enum InputLayout {
        /** One 2-D tensor {@code [rows, width]} of the feature mapping's input values. */
        TENSOR,
        /** One 1-D tensor per feature column, named after it, holding the raw values. */
        COLUMNS
    }

    /** The numeric data type of the input tensor. */
    public enum TensorType {
        FP32,
        FP64
    }

    /** How a JSON request writes one row. */
    public enum RowFormat {
        /** An array of the feature mapping's input values. */
        ARRAYS,
        /** An object of the raw values of the feature columns, keyed by column name. */
        OBJECTS
    }

    private final WireFormat format;
    private final HttpTransport transport;
    private final int batchSize;
    private final Map<String, String> headers;
    private final Duration requestTimeout;
    private final long maxAnswerBytes;

    private HttpModel(WireFormat format, HttpTransport transport, int batchSize, Map<String, String> headers,
            Duration requestTimeout, long maxAnswerBytes) {
        this.format = format;
        this.transport = transport;
        this.batchSize = batchSize;
        this.headers = Map.copyOf(headers);
        this.requestTimeout = requestTimeout;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * A model served over the Open Inference Protocol v2.
     *
     * @param baseUri the server, e.g. {@code http://localhost:8080}
     * @param modelName the model's name on the server
     */
    public static Builder openInference(URI baseUri, String modelName) {
        return new Builder(baseUri, modelName, null);
    }

    /**
     * A model behind a JSON endpoint.
     *
     * @param endpoint the URL the requests are posted to
     * @param requestTemplate a JSON document holding the string {@value #ROWS_PLACEHOLDER} once,
     *     e.g. {@code {"instances": "$rows"}}
     */
    public static Builder json(URI endpoint, String requestTemplate) {
        return new Builder(endpoint, endpoint.getPath(), Objects.requireNonNull(requestTemplate, "requestTemplate"));
    }

    @Override
    public ModelInfo info() {
        return format.info();
    }

    @Override
    public Predictions predict(Frame features) {
        ModelInfo info = format.info();
        FeatureMapping.Bound bound = info.features().bind(features, info.name());
        int rows = features.rowCount();
        if (rows == 0) {
            return Predictions.empty(info);
        }
        long deadlineNanos = transport.deadlineFromNow();
        List<Predictions> parts = new ArrayList<>((rows + batchSize - 1) / batchSize);
        double[] scratch = new double[Math.min(rows, batchSize) * bound.width()];
        for (int from = 0; from < rows; from += batchSize) {
            int to = Math.min(rows, from + batchSize);
            byte[] answer = transport.post(format.target(), format.encode(features, bound, from, to, scratch), deadlineNanos);
            parts.add(format.decode(answer, from, to - from, malformed(from, to)));
        }
        return parts.size() == 1 ? parts.get(0) : Predictions.concat(parts);
    }

    private Function<String, RuntimeException> malformed(int from, int to) {
        String where = "the answer for rows " + (from + 1) + "-" + to + " from " + format.target();
        return problem -> new InvalidInputException("Model '" + format.info().name() + "': " + where + " is not what was "
                + "expected: " + problem + ". Check the output settings against the server's answer.");
    }

    /**
     * What a load test sends to this model: request {@code i} posts batch {@code i} of the payload
     * (cycling, as {@link ModelTarget}) and decodes the answer. Over plain http the requests go through
     * a {@link KeepAliveClient}, each encoded once before the run; over https through {@link #predict}.
     */
    public LoadTarget loadTarget(Frame payload) {
        ModelTarget batches = new ModelTarget(this, payload, batchSize);
        if (!"http".equalsIgnoreCase(format.target().getScheme())) {
            return batches;
        }
        KeepAliveClient client = new KeepAliveClient(format.target(), headers, (int) Math.min(Integer.MAX_VALUE,
                requestTimeout.toMillis()), (int) Math.min(Integer.MAX_VALUE - 8, maxAnswerBytes));
        return new HttpLoadTarget(format, client, batches);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Settings of an {@link HttpModel}; {@link #build()} checks them and connects. */
    public static final class Builder {
        private final URI uri;
        private final String modelName;
        private final String requestTemplate;
        private String displayName;
        private FeatureMapping features;
        private Task task;
        private List<String> classes;
        private int batchSize = 256;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration deadline = Duration.ofMinutes(10);
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(100);
        private long maxAnswerBytes = 256L << 20;
        private String tokenVariable;
        private Function<String, String> environment = System::getenv;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Path trustedCertificates;
        private HttpClient.Version version;
        private String inputName = "input";
        private InputLayout inputLayout = InputLayout.TENSOR;
        private TensorType tensorType = TensorType.FP64;
        private RowFormat rowFormat = RowFormat.ARRAYS;
        private String labelOutput;
        private String probabilityOutput;
        private String valueOutput;
        private Ticker ticker = Ticker.SYSTEM;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(URI uri, String modelName, String requestTemplate) {
            this.uri = Objects.requireNonNull(uri, "uri");
            this.modelName = Objects.requireNonNull(modelName, "modelName");
            this.requestTemplate = requestTemplate;
        }

        /** The name shown in messages and reports; the model's name on the server by default. */
        public Builder name(String name) {
            this.displayName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** How frame columns become the model's inputs; required for JSON, by default published by an Open Inference server. */
        public Builder features(FeatureMapping features) {
            this.features = Objects.requireNonNull(features, "features");
            return this;
        }

        /** What the model predicts; by default from the server's metadata, else from whether classes are known. */
        public Builder task(Task task) {
            this.task = Objects.requireNonNull(task, "task");
            return this;
        }

        /** The class labels in the order of the probability output; by default from the server's metadata. */
        public Builder classes(List<String> classes) {
            this.classes = List.copyOf(classes);
            return this;
        }

        /** Rows per request; 256 by default. */
        public Builder batchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /** The longest wait for one answer, body included; 30 s by default. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            this.connectTimeout = connectTimeout.compareTo(timeout) > 0 ? timeout : connectTimeout;
            return this;
        }

        /** The longest time for a whole {@code predict} call, all batches and retries included; 10 min by default. */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /** Attempts per request, the first included; 3 by default, 1 turns retries off. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** The wait before the first retry (100 ms by default); doubled per retry, times a jitter in [0.5, 1.5). */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = positive(backoff, "initialBackoff");
            return this;
        }

        /** The largest answer accepted, in bytes; 256 MB by default. */
        public Builder maxAnswerBytes(long bytes) {
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxAnswerBytes must be from 1 to " + (Integer.MAX_VALUE - 8) + ", got " + bytes);
            }
            this.maxAnswerBytes = bytes;
            return this;
        }

        /** Sends {@code Authorization: Bearer <token>} with the token read from this environment variable. */
        public Builder bearerTokenVariable(String variableName) {
            this.tokenVariable = Objects.requireNonNull(variableName, "variableName");
            return this;
        }

        /** Where environment variables are looked up; {@link System#getenv(String)} by default. */
        public Builder environment(Function<String, String> lookup) {
            this.environment = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** A header sent with every request. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Trusts the CA certificates in this PEM file for HTTPS instead of the JDK's trust store. */
        public Builder trustCertificates(Path pemFile) {
            this.trustedCertificates = Objects.requireNonNull(pemFile, "pemFile");
            return this;
        }

        /** The HTTP version to ask for; by default HTTP/2 for https (negotiated, falling back to 1.1) and HTTP/1.1 for http. */
        public Builder httpVersion(HttpClient.Version version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The name of the input tensor in {@link InputLayout#TENSOR} layout; {@code input} by default. */
        public Builder inputName(String name) {
            this.inputName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** How an Open Inference request carries the rows; {@link InputLayout#TENSOR} by default. */
        public Builder inputLayout(InputLayout layout) {
            this.inputLayout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /** The data type of the input tensor; FP64 by default (FP32 rounds the inputs to float). */
        public Builder tensorType(TensorType type) {
            this.tensorType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** How a JSON request writes a row; {@link RowFormat#ARRAYS} by default. */
        public Builder rowFormat(RowFormat format) {
            this.rowFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /** The predicted-label output: its name (Open Inference) or a JSON Pointer (JSON). */
        public Builder labelOutput(String output) {
            this.labelOutput = Objects.requireNonNull(output, "output");
            return this;
        }

        /** The class-probability output {@code [rows, classes]}: its name (Open Inference) or a JSON Pointer (JSON). */
        public Builder probabilityOutput(String output) {
            this.probabilityOutput = Objects.requireNonNull(output, "output");
            return this;
        }

        /** The regression output: its name (Open Inference) or a JSON Pointer (JSON). */
        public Builder valueOutput(String output) {
            this.valueOutput = Objects.requireNonNull(output, "output");
            return this;
        }

        /** The clock of deadlines and backoff waits; the system's by default. For tests. */
        Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The source of backoff jitter, uniform in [0, 1); random by default. For tests. */
        Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * Checks the settings, reads the server's metadata (Open Inference) and returns the model.
         *
         * @throws InvalidInputException if a setting is missing or wrong, the URL is not an http or
         *     https URL, the token variable is not set, or the metadata cannot be read
         */
        public HttpModel build() {
            String name = displayName != null ? displayName : modelName;
            URI checked = ModelUrl.check(uri);
            Map<String, String> sent = headers(name);
            boolean https = "https".equalsIgnoreCase(checked.getScheme());
            HttpClient.Version v = version != null ? version : https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
            HttpSettings settings = new HttpSettings(name, checked, modelName, requestTemplate, features, task, classes, batchSize,
                    deadline, inputName, inputLayout, tensorType, rowFormat, labelOutput, probabilityOutput, valueOutput);
            RetryPolicy retries = new RetryPolicy(maxAttempts, initialBackoff, requestTimeout, deadline, ticker, jitter);
            HttpTransport transport = new HttpTransport(name, v, connectTimeout, retries, sent, trustedCertificates, maxAnswerBytes);
            try {
                WireFormat format = requestTemplate != null ? JsonTemplateFormat.create(settings)
                        : OpenInferenceFormat.connect(settings, transport);
                return new HttpModel(format, transport, batchSize, sent, requestTimeout, maxAnswerBytes);
            } catch (RuntimeException e) {
                transport.close();
                throw e;
            }
        }

        /** The headers to send, the bearer token included, each checked to be one the client may send. */
        private Map<String, String> headers(String name) {
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (tokenVariable != null) {
                String token = environment.apply(tokenVariable);
                if (token == null || token.isBlank()) {
                    throw new InvalidInputException("HTTP model '" + name + "' reads its bearer token from the environment variable "
                            + tokenVariable + ", which is not set. Export it before running.");
                }
                sent.put("Authorization", "Bearer " + token.strip());
            }
            sent.forEach((header, value) -> {
                try {
                    HttpRequest.newBuilder().header(header, value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("HTTP model '" + name + "' cannot send the header '" + header + "'"
                            + (header.equals("Authorization") && tokenVariable != null ? " made from the token in " + tokenVariable
                            : "") + ": " + e.getMessage() + ". Remove it or fix its value.", e);
                }
            });
            return sent;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
