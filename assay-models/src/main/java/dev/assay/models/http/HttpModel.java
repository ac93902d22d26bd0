package dev.assay.models.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.models.FeatureMappingJson;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A model behind an HTTP server, called in batches over the Open Inference Protocol v2 (KServe v2,
 * Triton, Seldon MLServer, {@link InferenceServer}) or over a JSON format described by a request
 * template and JSON Pointers into the answer (TF Serving's REST API, a custom Flask app).
 *
 * <p><b>Open Inference Protocol.</b> Each batch is one {@code POST {base}/v2/models/{name}/infer}.
 * With {@link InputLayout#TENSOR} (the default) the batch is one 2-D tensor {@code [rows, width]}
 * filled by the {@link FeatureMapping}; with {@link InputLayout#COLUMNS} it is one 1-D tensor per
 * feature column holding the raw values (numbers as FP64, categories and text as BYTES), for
 * servers that encode the data themselves. Missing numbers are sent as JSON {@code null}. The
 * answer's outputs are found by name: a label output (default {@code label}), a probability output
 * {@code [rows, classes]} (default {@code probabilities}) and, for regression, a value output
 * (default {@code value}). {@link Builder#build()} reads {@code GET {base}/v2/models/{name}} for the
 * report's metadata; when the classes or the task are not configured they are taken from its
 * {@code parameters} ({@code classes}: a JSON array, or a string holding one; {@code task}:
 * {@code binary}, {@code multiclass} or {@code regression}).
 *
 * <p><b>JSON.</b> The request is the template with the string {@value #ROWS_PLACEHOLDER} replaced by
 * the batch, each row an array of the mapping's input values ({@link RowFormat#ARRAYS}) or an object
 * of raw values keyed by column ({@link RowFormat#OBJECTS}). Outputs are JSON Pointers to arrays
 * with one entry per row. By default a classifier's probabilities and a regressor's values are read
 * from {@code /predictions}.
 *
 * <p>A binary classifier's probability output may hold one number per row (a sigmoid output); it
 * is read as the probability of the second class, as scikit-learn's {@code predict_proba[:, 1]}.
 *
 * <p><b>Time and failures.</b> Every exchange is bounded by the request timeout and every
 * {@link #predict} call by the overall deadline, all batches and retries included. Connect errors,
 * timeouts and HTTP 502, 503 and 504 are retried with exponential backoff and jitter up to the
 * configured number of attempts: inference requests are treated as idempotent, which holds for
 * scoring (the same rows give the same answer and change nothing on the server). Every failure is an
 * {@link InvalidInputException} naming the model, the URL and what went wrong.
 *
 * <p><b>Security.</b> A bearer token is read from an environment variable whose name is configured,
 * so that the token itself never appears in a suite file. HTTPS uses the JDK's trust store, or a
 * given PEM file of CA certificates.
 *
 * <p>Instances are thread-safe; close them to stop the client's threads.
 */
public final class HttpModel implements Model {
    /** The string in a JSON request template that is replaced by the rows of a batch. */
    public static final String ROWS_PLACEHOLDER = "$rows";

    static final ObjectMapper JSON = new ObjectMapper();

    /** The wire format. */
    public enum Protocol {
        OPEN_INFERENCE_V2,
        JSON
    }

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

    private final Protocol protocol;
    private final int batchSize;
    private final Duration deadline;
    private final String inputName;
    private final InputLayout inputLayout;
    private final TensorType tensorType;
    private final RowFormat rowFormat;
    private final ModelInfo info;
    private final HttpTransport transport;
    private final URI target;
    private final JsonNode template;
    private final Map<String, Integer> classIndex;
    private final String labelOutput;
    private final String probabilityOutput;
    private final String valueOutput;

    private HttpModel(Builder b, ModelInfo info, HttpTransport transport, URI target, JsonNode template, String labelOutput,
            String probabilityOutput, String valueOutput) {
        this.protocol = b.protocol;
        this.batchSize = b.batchSize;
        this.deadline = b.deadline;
        this.inputName = b.inputName;
        this.inputLayout = b.inputLayout;
        this.tensorType = b.tensorType;
        this.rowFormat = b.rowFormat;
        this.info = info;
        this.transport = transport;
        this.target = target;
        this.template = template;
        this.labelOutput = labelOutput;
        this.probabilityOutput = probabilityOutput;
        this.valueOutput = valueOutput;
        this.classIndex = new HashMap<>();
        for (int i = 0; i < info.classes().size(); i++) {
            classIndex.put(info.classes().get(i), i);
        }
    }

    /**
     * A model served over the Open Inference Protocol v2.
     *
     * @param baseUri the server, e.g. {@code http://localhost:8080}
     * @param modelName the model's name on the server
     */
    /**
     * The metadata parameter in which {@link InferenceServer} publishes the served model's feature
     * mapping (as {@link FeatureMappingJson}); an Open Inference client without a configured mapping
     * uses it.
     */
    public static final String FEATURES_PARAMETER = "assay_features";

    public static Builder openInference(URI baseUri, String modelName) {
        return new Builder(Protocol.OPEN_INFERENCE_V2, baseUri, modelName, null);
    }

    /**
     * A model behind a JSON endpoint.
     *
     * @param endpoint the URL the requests are posted to
     * @param requestTemplate a JSON document holding the string {@value #ROWS_PLACEHOLDER} once,
     *     e.g. {@code {"instances": "$rows"}}
     */
    public static Builder json(URI endpoint, String requestTemplate) {
        return new Builder(Protocol.JSON, endpoint, endpoint.getPath(), requestTemplate);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Predictions predict(Frame features) {
        FeatureMapping.Bound bound = info.features().bind(features, info.name());
        int rows = features.rowCount();
        if (rows == 0) {
            return Predictions.empty(info);
        }
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        List<Predictions> parts = new ArrayList<>((rows + batchSize - 1) / batchSize);
        double[] buffer = new double[Math.min(rows, batchSize) * bound.width()];
        for (int from = 0; from < rows; from += batchSize) {
            int to = Math.min(rows, from + batchSize);
            byte[] request = request(features, bound, from, to, buffer);
            byte[] answer = transport.post(target, request, deadlineNanos, deadline);
            parts.add(decode(answer, to - from, from));
        }
        return parts.size() == 1 ? parts.get(0) : Predictions.concat(parts);
    }

    private byte[] request(Frame frame, FeatureMapping.Bound bound, int from, int to, double[] buffer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + (to - from) * bound.width() * 20);
        try (JsonGenerator g = JSON.getFactory().createGenerator(bytes)) {
            if (protocol == Protocol.JSON) {
                writeTemplate(g, template, frame, bound, from, to, buffer);
            } else {
                g.writeStartObject();
                g.writeArrayFieldStart("inputs");
                if (inputLayout == InputLayout.TENSOR) {
                    bound.fill(from, to, buffer);
                    g.writeStartObject();
                    g.writeStringField("name", inputName);
                    g.writeArrayFieldStart("shape");
                    g.writeNumber(to - from);
                    g.writeNumber(bound.width());
                    g.writeEndArray();
                    g.writeStringField("datatype", tensorType.name());
                    g.writeArrayFieldStart("data");
                    writeNumbers(g, buffer, 0, (to - from) * bound.width());
                    g.writeEndArray();
                    g.writeEndObject();
                } else {
                    for (FeatureMapping.Feature f : info.features().features()) {
                        Column c = frame.column(f.column());
                        g.writeStartObject();
                        g.writeStringField("name", f.column());
                        g.writeArrayFieldStart("shape");
                        g.writeNumber(to - from);
                        g.writeEndArray();
                        g.writeStringField("datatype", c instanceof NumericColumn ? "FP64" : "BYTES");
                        g.writeArrayFieldStart("data");
                        for (int r = from; r < to; r++) {
                            writeValue(g, c, r);
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void writeNumbers(JsonGenerator g, double[] values, int from, int to) throws IOException {
        boolean fp32 = tensorType == TensorType.FP32;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                g.writeNull();
            } else if (fp32) {
                g.writeNumber((float) v);
            } else {
                g.writeNumber(v);
            }
        }
    }

    private static void writeValue(JsonGenerator g, Column c, int row) throws IOException {
        if (c.isMissing(row)) {
            g.writeNull();
        } else if (c instanceof NumericColumn n) {
            g.writeNumber(n.get(row));
        } else {
            g.writeString(c.format(row));
        }
    }

    private void writeTemplate(JsonGenerator g, JsonNode node, Frame frame, FeatureMapping.Bound bound, int from, int to,
            double[] buffer) throws IOException {
        if (node.isTextual() && node.textValue().equals(ROWS_PLACEHOLDER)) {
            g.writeStartArray();
            if (rowFormat == RowFormat.ARRAYS) {
                bound.fill(from, to, buffer);
                int w = bound.width();
                for (int r = 0; r < to - from; r++) {
                    g.writeStartArray();
                    writeNumbers(g, buffer, r * w, (r + 1) * w);
                    g.writeEndArray();
                }
            } else {
                List<FeatureMapping.Feature> features = info.features().features();
                for (int r = from; r < to; r++) {
                    g.writeStartObject();
                    for (FeatureMapping.Feature f : features) {
                        g.writeFieldName(f.column());
                        writeValue(g, frame.column(f.column()), r);
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        } else if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                writeTemplate(g, e.getValue(), frame, bound, from, to, buffer);
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode child : node) {
                writeTemplate(g, child, frame, bound, from, to, buffer);
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }

    private Predictions decode(byte[] answer, int rows, int firstRow) {
        String where = "the answer for rows " + (firstRow + 1) + "-" + (firstRow + rows) + " from " + target;
        Function<String, RuntimeException> malformed = problem -> new InvalidInputException("Model '" + info.name() + "': " + where
                + " is not what was expected: " + problem + ". Check the output settings against the server's answer.");
        JsonNode root = parse(answer, where);
        Tensor label;
        Tensor probabilities;
        Tensor values;
        if (protocol == Protocol.JSON) {
            label = pointer(root, labelOutput, malformed);
            probabilities = pointer(root, probabilityOutput, malformed);
            values = pointer(root, valueOutput, malformed);
        } else {
            Map<String, Tensor> outputs = outputs(root, malformed);
            label = labelOutput == null ? null : outputs.get(labelOutput);
            probabilities = probabilityOutput == null ? null : outputs.get(probabilityOutput);
            values = valueOutput == null ? null : outputs.get(valueOutput);
            boolean found = info.task() == Task.REGRESSION ? values != null : label != null || probabilities != null;
            if (!found) {
                List<String> wanted = new ArrayList<>();
                for (String name : info.task() == Task.REGRESSION ? new String[] {valueOutput}
                        : new String[] {labelOutput, probabilityOutput}) {
                    if (name != null) {
                        wanted.add("'" + name + "'");
                    }
                }
                throw new InvalidInputException("Model '" + info.name() + "': " + where + " has the outputs " + outputs.keySet()
                        + " but none named " + String.join(" or ", wanted) + ". Set the output names to the ones the server "
                        + "returns.");
            }
        }
        if (info.task() == Task.REGRESSION) {
            checkRows(values, rows, where);
            if (values.width() != 1) {
                throw malformed.apply("the value output '" + values.name() + "' has shape " + values.shapeText()
                        + " instead of one value per row");
            }
            return new ValuePredictions(values.numbers(malformed));
        }
        int k = info.classes().size();
        double[] p = null;
        if (probabilities != null) {
            checkRows(probabilities, rows, where);
            if (k == 2 && probabilities.width() == 1) {
                double[] second = probabilities.numbers(malformed);
                p = new double[2 * rows];
                for (int r = 0; r < rows; r++) {
                    p[2 * r] = 1 - second[r];
                    p[2 * r + 1] = second[r];
                }
            } else if (probabilities.width() != k) {
                throw malformed.apply("the probability output '" + probabilities.name() + "' has shape " + probabilities.shapeText()
                        + ", but the model has " + k + " classes " + info.classes());
            } else {
                p = probabilities.numbers(malformed);
            }
        }
        if (label == null) {
            return ClassPredictions.mostProbable(info.classes(), p);
        }
        checkRows(label, rows, where);
        String[] labels = label.texts(malformed);
        if (labels.length != rows) {
            throw malformed.apply("the label output '" + label.name() + "' holds " + labels.length + " labels for " + rows + " rows");
        }
        int[] predicted = new int[rows];
        for (int r = 0; r < rows; r++) {
            Integer c = labels[r] == null ? null : classIndex.get(labels[r]);
            if (c == null) {
                throw malformed.apply("row " + (firstRow + r + 1) + " has the label " + (labels[r] == null ? "null"
                        : "'" + labels[r] + "'") + ", which is not one of the classes " + info.classes());
            }
            predicted[r] = c;
        }
        return new ClassPredictions(info.classes(), predicted, p);
    }

    private void checkRows(Tensor t, int rows, String where) {
        if (t.rows() != rows) {
            throw new InvalidInputException("Model '" + info.name() + "': " + where + " holds " + t.rows() + " rows in output '"
                    + t.name() + "', expected " + rows + ". The server must answer every row of a request once, in order.");
        }
    }

    private JsonNode parse(byte[] body, String where) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new InvalidInputException("Model '" + info.name() + "': " + where + " is empty; a JSON document was expected.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("Model '" + info.name() + "': " + where + " is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "). It begins: "
                    + HttpTransport.excerpt(body), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tensor pointer(JsonNode root, String pointer, Function<String, RuntimeException> malformed) {
        if (pointer == null) {
            return null;
        }
        JsonNode node = root.at(JsonPointer.compile(pointer));
        if (node.isMissingNode()) {
            throw malformed.apply("there is nothing at the JSON Pointer '" + pointer + "'; the answer has the fields "
                    + fieldNames(root));
        }
        return Tensor.ofRows(pointer, node, malformed);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Tensor> outputs(JsonNode root, Function<String, RuntimeException> malformed) {
        JsonNode outputs = root.get("outputs");
        if (outputs == null || !outputs.isArray()) {
            throw malformed.apply("it has no 'outputs' array (fields: " + fieldNames(root) + ")");
        }
        Map<String, Tensor> byName = new LinkedHashMap<>();
        for (JsonNode o : outputs) {
            JsonNode name = o.get("name");
            JsonNode shape = o.get("shape");
            JsonNode data = o.get("data");
            if (name == null || !name.isTextual() || shape == null || !shape.isArray() || data == null) {
                throw malformed.apply("an output lacks its 'name', 'shape' or 'data': " + o);
            }
            long[] dims = new long[shape.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = shape.get(i).asLong();
            }
            byName.put(name.textValue(), new Tensor(name.textValue(), dims, data));
        }
        return byName;
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Settings of an {@link HttpModel}; {@link #build()} checks them and connects. */
    public static final class Builder {
        private final Protocol protocol;
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

        private Builder(Protocol protocol, URI uri, String modelName, String requestTemplate) {
            this.protocol = protocol;
            this.uri = Objects.requireNonNull(uri, "uri");
            this.modelName = Objects.requireNonNull(modelName, "modelName");
            this.requestTemplate = requestTemplate;
        }

        /** The name shown in messages and reports; the model's name on the server by default. */
        public Builder name(String name) {
            this.displayName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** How frame columns become the model's inputs (required). */
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

        /**
         * Checks the settings, reads the server's metadata (Open Inference) and returns the model.
         *
         * @throws InvalidInputException if a setting is missing or wrong, the token variable is not
         *     set, or the metadata cannot be read
         */
        public HttpModel build() {
            String name = displayName != null ? displayName : modelName;
            if (features == null && protocol == Protocol.JSON) {
                throw new InvalidInputException("HTTP model '" + name + "' needs a feature mapping: which frame columns feed "
                        + "its inputs, in order.");
            }
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
                    java.net.http.HttpRequest.newBuilder().header(header, value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("HTTP model '" + name + "' cannot send the header '" + header + "'"
                            + (header.equals("Authorization") && tokenVariable != null ? " made from the token in " + tokenVariable
                            : "") + ": " + e.getMessage() + ". Remove it or fix its value.", e);
                }
            });
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            if (!https && !"http".equalsIgnoreCase(uri.getScheme())) {
                throw new InvalidInputException("HTTP model '" + name + "' has the address " + uri + "; expected an http:// or "
                        + "https:// URL.");
            }
            HttpClient.Version v = version != null ? version : https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
            HttpTransport transport = new HttpTransport(name, v, connectTimeout, requestTimeout, maxAttempts, initialBackoff, sent,
                    trustedCertificates);
            try {
                return protocol == Protocol.JSON ? buildJson(name, transport) : buildOpenInference(name, transport);
            } catch (RuntimeException e) {
                transport.close();
                throw e;
            }
        }

        private HttpModel buildJson(String name, HttpTransport transport) {
            JsonNode template;
            try {
                template = JSON.readTree(requestTemplate);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("The request template of HTTP model '" + name + "' is not valid JSON: "
                        + e.getOriginalMessage() + ". Example: {\"instances\": \"" + ROWS_PLACEHOLDER + "\"}", e);
            }
            int placeholders = countPlaceholders(template);
            if (placeholders != 1) {
                throw new InvalidInputException("The request template of HTTP model '" + name + "' holds the string \""
                        + ROWS_PLACEHOLDER + "\" " + placeholders + " times; it must hold it exactly once, where the rows go. "
                        + "Example: {\"instances\": \"" + ROWS_PLACEHOLDER + "\"}");
            }
            Task t = task != null ? task : classes == null ? Task.REGRESSION : classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
            List<String> cls = requireClasses(name, t, classes);
            String label = labelOutput;
            String proba = probabilityOutput;
            String value = valueOutput;
            if (t == Task.REGRESSION) {
                value = value != null ? value : "/predictions";
                label = null;
                proba = null;
            } else if (label == null && proba == null) {
                proba = "/predictions";
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("endpoint", uri.toString());
            metadata.put("protocol", "json");
            metadata.put("request_template", requestTemplate);
            metadata.put("row_format", rowFormat.name().toLowerCase(java.util.Locale.ROOT));
            ModelInfo info = new ModelInfo(name, "http", t, cls, features,
                    new ModelCapabilities(proba != null, false, true, batchSize), metadata);
            return new HttpModel(this, info, transport, uri, template, label, proba, value);
        }

        private HttpModel buildOpenInference(String name, HttpTransport transport) {
            String base = uri.toString().replaceAll("/+$", "");
            String path = base + "/v2/models/" + URLEncoder.encode(modelName, StandardCharsets.UTF_8).replace("+", "%20");
            URI metadataUri = URI.create(path);
            long deadlineNanos = System.nanoTime() + deadline.toNanos();
            byte[] body = transport.get(metadataUri, deadlineNanos, deadline);
            JsonNode meta;
            try {
                meta = JSON.readTree(body);
            } catch (IOException e) {
                throw new InvalidInputException("HTTP model '" + name + "': the metadata at " + metadataUri + " is not valid JSON. "
                        + "It begins: " + HttpTransport.excerpt(body), e);
            }
            JsonNode parameters = meta.path("parameters");
            FeatureMapping mapping = features;
            if (mapping == null) {
                if (!parameters.path(FEATURES_PARAMETER).isTextual()) {
                    throw new InvalidInputException("HTTP model '" + name + "' needs a feature mapping: which frame columns feed "
                            + "its inputs, in order. The server's metadata at " + metadataUri + " does not publish one (parameter "
                            + FEATURES_PARAMETER + "), so configure it.");
                }
                mapping = FeatureMappingJson.read(parameters.get(FEATURES_PARAMETER).asText(), metadataUri.toString());
            }
            Task t = task != null ? task : taskOf(name, parameters.path("task"), metadataUri);
            List<String> cls = classes != null ? classes : classesOf(name, parameters.path("classes"), metadataUri);
            if (t == null) {
                t = cls == null ? Task.REGRESSION : cls.size() == 2 ? Task.BINARY : Task.MULTICLASS;
            }
            cls = requireClasses(name, t, cls);
            List<String> outputNames = new ArrayList<>();
            meta.path("outputs").forEach(o -> outputNames.add(o.path("name").asText()));
            String label = labelOutput != null ? labelOutput : "label";
            String proba = probabilityOutput != null ? probabilityOutput : "probabilities";
            String value = valueOutput != null ? valueOutput : "value";
            boolean probabilities = t != Task.REGRESSION && (probabilityOutput != null || outputNames.contains(proba));
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("endpoint", path);
            metadata.put("protocol", "open-inference-v2");
            metadata.put("server_model_name", meta.path("name").asText(modelName));
            if (meta.has("versions")) {
                metadata.put("server_model_versions", join(meta.get("versions")));
            }
            if (meta.has("platform")) {
                metadata.put("server_platform", meta.get("platform").asText());
            }
            metadata.put("server_inputs", tensors(meta.path("inputs")));
            metadata.put("server_outputs", tensors(meta.path("outputs")));
            metadata.put("input_layout", inputLayout.name().toLowerCase(java.util.Locale.ROOT));
            ModelInfo info = new ModelInfo(name, "http", t, cls, mapping,
                    new ModelCapabilities(probabilities, false, true, batchSize), metadata);
            return new HttpModel(this, info, transport, URI.create(path + "/infer"), null,
                    t == Task.REGRESSION ? null : label, t == Task.REGRESSION ? null : proba, t == Task.REGRESSION ? value : null);
        }

        private static Task taskOf(String name, JsonNode node, URI where) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            for (Task t : Task.values()) {
                if (t.id().equals(node.asText())) {
                    return t;
                }
            }
            throw new InvalidInputException("HTTP model '" + name + "': the metadata at " + where + " gives the task '"
                    + node.asText() + "'; expected binary, multiclass or regression. Set the task in the model settings.");
        }

        private static List<String> classesOf(String name, JsonNode node, URI where) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            JsonNode array = node;
            if (node.isTextual()) {
                try {
                    array = JSON.readTree(node.textValue());
                } catch (JsonProcessingException e) {
                    array = null;
                }
            }
            if (array == null || !array.isArray()) {
                throw new InvalidInputException("HTTP model '" + name + "': the metadata at " + where + " lists the classes as "
                        + node + "; expected a JSON array of labels. Set the classes in the model settings.");
            }
            List<String> out = new ArrayList<>();
            array.forEach(c -> out.add(c.asText()));
            return out;
        }

        private static List<String> requireClasses(String name, Task t, List<String> cls) {
            if (t == Task.REGRESSION) {
                return List.of();
            }
            if (cls == null || cls.size() < 2) {
                throw new InvalidInputException("HTTP model '" + name + "' is a " + t.id() + " classifier but its class labels are "
                        + (cls == null ? "unknown" : cls + ", fewer than two") + ". Set them in the model settings, in the order "
                        + "of the probability output.");
            }
            return cls;
        }

        private static String join(JsonNode array) {
            List<String> parts = new ArrayList<>();
            array.forEach(v -> parts.add(v.asText()));
            return String.join(",", parts);
        }

        private static String tensors(JsonNode list) {
            List<String> parts = new ArrayList<>();
            list.forEach(t -> parts.add(t.path("name").asText() + ":" + t.path("datatype").asText() + t.path("shape")));
            return String.join(" ", parts);
        }

        private static int countPlaceholders(JsonNode node) {
            if (node.isTextual()) {
                return node.textValue().equals(ROWS_PLACEHOLDER) ? 1 : 0;
            }
            int n = 0;
            for (JsonNode child : node) {
                n += countPlaceholders(child);
            }
            return n;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
