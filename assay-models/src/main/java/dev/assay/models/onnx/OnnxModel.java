package dev.assay.models.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import dev.assay.core.result.Fingerprint;
import dev.assay.models.FeatureMappingJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;

/**
 * An ONNX classifier or regressor run by ONNX Runtime.
 *
 * <p>Inputs, one of: (a) one 2-D float or double tensor {@code [N, F]}, filled by a
 * {@link FeatureMapping} given in the {@link Options}, or else read as JSON
 * ({@link FeatureMappingJson}) from the model's metadata key {@value #FEATURES_KEY}; (b) one
 * tensor per column, {@code [N, 1]} or {@code [N]}, named like the frame's columns (as converted
 * scikit-learn pipelines have): float, double and int64 inputs take numeric columns, string inputs
 * take any column as text (a missing value as the empty string). There {@link ModelInfo#features()}
 * lists the numeric inputs only, as a {@link FeatureMapping} has no text encoding; the metadata
 * lists every input.
 *
 * <p>Outputs: a regressor has one float or double output {@code [N]} or {@code [N, 1]}. A
 * classifier has a label output (string or int64 tensor) and/or probabilities, either a
 * {@code [N, K]} float tensor or a ZipMap sequence of maps. The class labels come from the
 * metadata key {@value #CLASSES_KEY} (a JSON array), else from the {@code classlabels_*} attribute
 * of the graph's ZipMap or ai.onnx.ml classifier node, else they are {@code 0 .. K-1}. The
 * predicted class is the most probable class (the first on ties) when the model gives
 * probabilities, else its label output. (ONNX Runtime's tree ensembles derive the label of a binary
 * classifier from a threshold on one score rather than from the argmax.)
 *
 * <p>One {@link OrtEnvironment} per process; one session per model. Predicting is thread-safe.
 */
public final class OnnxModel implements Model {
    /** The metadata key holding the {@link FeatureMapping} of a dense input, as JSON. */
    public static final String FEATURES_KEY = "assay.features";
    /** The metadata key holding the class labels in probability order, as a JSON array of strings. */
    public static final String CLASSES_KEY = "assay.classes";

    /**
     * How to run a model.
     *
     * @param features the mapping for a dense input; null to read it from the model's metadata
     * @param batchSize rows per ONNX Runtime call, at least 1
     * @param intraOpThreads ONNX Runtime's threads per call, at least 1
     * @param parallelBatches how many batches are encoded and run at once, at least 1
     */
    public record Options(FeatureMapping features, int batchSize, int intraOpThreads, int parallelBatches) {
        public Options {
            if (batchSize < 1 || intraOpThreads < 1 || parallelBatches < 1) {
                throw new IllegalArgumentException("batchSize, intraOpThreads and parallelBatches must be at least 1, got "
                        + batchSize + ", " + intraOpThreads + " and " + parallelBatches);
            }
        }

        /** Mapping from the model, 4096 rows per call, 1 ONNX Runtime thread, one batch at a time per processor. */
        public static Options defaults() {
            return new Options(null, 4096, 1, Runtime.getRuntime().availableProcessors());
        }

        public Options withFeatures(FeatureMapping mapping) {
            return new Options(mapping, batchSize, intraOpThreads, parallelBatches);
        }

        public Options withBatchSize(int rows) {
            return new Options(features, rows, intraOpThreads, parallelBatches);
        }

        public Options withIntraOpThreads(int threads) {
            return new Options(features, batchSize, threads, parallelBatches);
        }

        public Options withParallelBatches(int batches) {
            return new Options(features, batchSize, intraOpThreads, batches);
        }
    }

    private enum InputKind { DENSE_FLOAT, DENSE_DOUBLE, COLUMN_FLOAT, COLUMN_DOUBLE, COLUMN_INT64, COLUMN_STRING }

    private record Input(String name, InputKind kind, boolean twoDimensional) {
    }

    private final Path file;
    private final OrtSession session;
    private final ModelInfo info;
    private final int batchSize;
    private final int parallelBatches;
    private final List<Input> inputs;
    private final String labelOutput;
    private final String probabilityOutput;
    private final boolean zipMap;
    /** Whether the probabilities are a float matrix that ONNX Runtime can write straight into a buffer of ours. */
    private final boolean pinnedProbabilities;
    private final String valueOutput;
    private final Map<String, Integer> classIndex = new HashMap<>();

    private OnnxModel(Path file, OrtSession session, ModelInfo info, int batchSize, int parallelBatches, List<Input> inputs,
            String labelOutput,
            String probabilityOutput, boolean zipMap, String valueOutput) {
        this.file = file;
        this.session = session;
        this.info = info;
        this.batchSize = batchSize;
        this.parallelBatches = parallelBatches;
        this.inputs = inputs;
        this.labelOutput = labelOutput;
        this.probabilityOutput = probabilityOutput;
        this.zipMap = zipMap;
        this.pinnedProbabilities = probabilityOutput != null && !zipMap && isFloatMatrix(session, probabilityOutput);
        this.valueOutput = valueOutput;
        for (int i = 0; i < info.classes().size(); i++) {
            classIndex.put(info.classes().get(i), i);
        }
    }

    /** Loads {@code file} with {@link Options#defaults()}. */
    public static OnnxModel load(Path file) {
        return load(file, Options.defaults());
    }

    /**
     * Loads {@code file}.
     *
     * @throws InvalidInputException naming the file if it is missing, not an ONNX model, or has
     *     inputs or outputs of a kind this adapter does not run
     */
    public static OnnxModel load(Path file, Options options) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("ONNX model file " + file + " does not exist or is not a file. Check the path.");
        }
        byte[] bytes;
        OnnxMl.ModelProto proto;
        try {
            bytes = Files.readAllBytes(file);
            proto = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read ONNX model file " + file + ": " + e.getMessage()
                    + ". The file is damaged, truncated or not an ONNX model; export the model again.", e);
        }
        if (!proto.hasGraph() || proto.getGraph().getOutputCount() == 0) {
            throw new InvalidInputException("ONNX model file " + file + " holds no graph with outputs. The file is damaged, "
                    + "truncated or not an ONNX model; export the model again.");
        }
        OrtSession session;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            session = Environment.ENV.createSession(bytes, so);
        } catch (OrtException e) {
            throw new InvalidInputException("ONNX Runtime cannot load model file " + file + ": " + e.getMessage()
                    + ". The file is damaged or uses operators this ONNX Runtime does not have; export the model again.", e);
        }
        try {
            return describe(file, bytes, proto, session, options);
        } catch (OrtException | RuntimeException e) {
            try {
                session.close();
            } catch (OrtException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("Cannot inspect ONNX model file " + file + ": " + e.getMessage(), e);
        }
    }

    private static OnnxModel describe(Path file, byte[] bytes, OnnxMl.ModelProto proto, OrtSession session, Options options)
            throws OrtException {
        String name = file.getFileName().toString();
        Map<String, String> custom = session.getMetadata().getCustomMetadata();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("fingerprint", Fingerprint.of(bytes));
        metadata.put("producer", proto.getProducerName());
        metadata.put("producer.version", proto.getProducerVersion());
        metadata.put("ir.version", Long.toString(proto.getIrVersion()));
        List<String> opsets = new ArrayList<>();
        proto.getOpsetImportList().forEach(o -> opsets.add((o.getDomain().isEmpty() ? "ai.onnx" : o.getDomain()) + "=" + o.getVersion()));
        metadata.put("opsets", String.join(", ", opsets));
        metadata.put("graph", proto.getGraph().getName());

        Map<String, NodeInfo> inputInfo = session.getInputInfo();
        Map<String, NodeInfo> outputInfo = session.getOutputInfo();
        inputInfo.forEach((n, i) -> metadata.put("input." + n, describe(i.getInfo())));
        outputInfo.forEach((n, i) -> metadata.put("output." + n, describe(i.getInfo())));
        custom.forEach((k, v) -> {
            if (!k.equals(FEATURES_KEY)) { // the mapping itself is info().features()
                metadata.put("onnx.metadata." + k, v);
            }
        });

        List<Input> inputs = new ArrayList<>();
        FeatureMapping mapping;
        if (inputInfo.size() == 1 && isDense(inputInfo.values().iterator().next())) {
            NodeInfo in = inputInfo.values().iterator().next();
            TensorInfo t = (TensorInfo) in.getInfo();
            inputs.add(new Input(in.getName(), t.type == OnnxJavaType.DOUBLE ? InputKind.DENSE_DOUBLE : InputKind.DENSE_FLOAT, true));
            if (options.features() != null) {
                mapping = options.features();
            } else if (custom.containsKey(FEATURES_KEY)) {
                mapping = FeatureMappingJson.read(custom.get(FEATURES_KEY), "ONNX model " + file);
            } else {
                throw new InvalidInputException("ONNX model " + file + " takes one input '" + in.getName() + "' of shape "
                        + Arrays.toString(t.getShape()) + " and its metadata has no '" + FEATURES_KEY + "' saying which columns "
                        + "feed it. Give a feature mapping when loading the model.");
            }
            long width = t.getShape()[1];
            if (width > 0 && width != mapping.width()) {
                throw new InvalidInputException("ONNX model " + file + " takes " + width + " values per row in input '" + in.getName()
                        + "', but its feature mapping makes " + mapping.width() + " (" + mapping.inputNames() + ").");
            }
        } else {
            List<FeatureMapping.Feature> features = new ArrayList<>();
            for (NodeInfo in : inputInfo.values()) {
                inputs.add(columnInput(file, in));
                features.add(FeatureMapping.Feature.numeric(in.getName()));
            }
            mapping = new FeatureMapping(features.stream().filter(f -> inputs.stream()
                    .anyMatch(i -> i.name().equals(f.column()) && i.kind() != InputKind.COLUMN_STRING)).toList());
        }

        String label = null;
        String probabilities = null;
        boolean zipMap = false;
        List<String> floats = new ArrayList<>();
        for (NodeInfo out : outputInfo.values()) {
            ValueInfo v = out.getInfo();
            if (v instanceof SequenceInfo s && s.isSequenceOfMaps()) {
                probabilities = out.getName();
                zipMap = true;
            } else if (v instanceof TensorInfo t && (t.type == OnnxJavaType.STRING || t.type == OnnxJavaType.INT64)) {
                label = label == null ? out.getName() : label;
            } else if (v instanceof TensorInfo t && (t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE)) {
                floats.add(out.getName());
            }
        }
        List<String> classes = classes(file, proto, custom);
        String value = null;
        if (probabilities == null && !floats.isEmpty() && (label != null || !classes.isEmpty() || width(outputInfo.get(floats.get(0))) > 1)) {
            probabilities = floats.get(0);
        } else if (probabilities == null && label == null && !floats.isEmpty()) {
            value = floats.get(0);
        }
        if (probabilities == null && label == null && value == null) {
            throw new InvalidInputException("ONNX model " + file + " has no output Assay can read: " + outputInfo.keySet()
                    + ". Expected a value tensor (regression), or labels and/or probabilities (classification).");
        }
        if (value == null && classes.isEmpty()) {
            long k = probabilities != null && !zipMap ? width(outputInfo.get(probabilities)) : -1;
            if (k < 2) {
                throw new InvalidInputException("ONNX model " + file + " is a classifier whose class labels cannot be found: "
                        + "no '" + CLASSES_KEY + "' metadata and no classlabels attribute. Add the labels to the model's metadata.");
            }
            for (int i = 0; i < k; i++) {
                classes.add(Integer.toString(i));
            }
        }
        Task task = value != null ? Task.REGRESSION : classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        ModelInfo info = new ModelInfo(name, "onnx", task, value != null ? List.of() : classes, mapping,
                new ModelCapabilities(probabilities != null, false, true, options.batchSize()), metadata);
        return new OnnxModel(file, session, info, options.batchSize(), options.parallelBatches(), inputs, label, probabilities,
                zipMap, value);
    }

    private static boolean isFloatMatrix(OrtSession session, String output) {
        try {
            return session.getOutputInfo().get(output).getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT
                    && t.getShape().length == 2;
        } catch (OrtException e) {
            return false;
        }
    }

    private static boolean isDense(NodeInfo in) {
        return in.getInfo() instanceof TensorInfo t && t.getShape().length == 2 && t.getShape()[1] != 1
                && (t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE);
    }

    private static Input columnInput(Path file, NodeInfo in) {
        if (!(in.getInfo() instanceof TensorInfo t) || t.getShape().length > 2 || (t.getShape().length == 2 && t.getShape()[1] != 1)) {
            throw new InvalidInputException("ONNX model " + file + " has input '" + in.getName() + "' of type " + describe(in.getInfo())
                    + "; Assay feeds either one [N, F] tensor or one [N] or [N, 1] tensor per column.");
        }
        InputKind kind = switch (t.type) {
            case FLOAT -> InputKind.COLUMN_FLOAT;
            case DOUBLE -> InputKind.COLUMN_DOUBLE;
            case INT64 -> InputKind.COLUMN_INT64;
            case STRING -> InputKind.COLUMN_STRING;
            default -> throw new InvalidInputException("ONNX model " + file + " has input '" + in.getName() + "' of element type "
                    + t.type + "; Assay feeds float, double, int64 and string column inputs.");
        };
        return new Input(in.getName(), kind, t.getShape().length == 2);
    }

    private static long width(NodeInfo out) {
        return out.getInfo() instanceof TensorInfo t && t.getShape().length == 2 ? t.getShape()[1] : 1;
    }

    private static List<String> classes(Path file, OnnxMl.ModelProto proto, Map<String, String> custom) {
        List<String> classes = new ArrayList<>();
        if (custom.containsKey(CLASSES_KEY)) {
            try {
                for (var node : new com.fasterxml.jackson.databind.ObjectMapper().readTree(custom.get(CLASSES_KEY))) {
                    classes.add(node.asText());
                }
            } catch (IOException e) {
                throw new InvalidInputException("The '" + CLASSES_KEY + "' metadata of ONNX model " + file
                        + " is not a JSON array of class labels: " + e.getMessage(), e);
            }
            return classes;
        }
        for (OnnxMl.NodeProto node : proto.getGraph().getNodeList()) {
            for (OnnxMl.AttributeProto a : node.getAttributeList()) {
                if (a.getName().equals("classlabels_strings") || a.getName().equals("classlabels_int64s")) {
                    a.getStringsList().forEach(s -> classes.add(s.toStringUtf8()));
                    a.getIntsList().forEach(i -> classes.add(Long.toString(i)));
                    return classes;
                }
            }
        }
        return classes;
    }

    private static String describe(ValueInfo v) {
        if (v instanceof TensorInfo t) {
            return t.type.name().toLowerCase() + Arrays.toString(t.getShape());
        }
        if (v instanceof SequenceInfo s && s.isSequenceOfMaps()) {
            MapInfo m = s.mapInfo;
            return "seq(map(" + m.keyType.name().toLowerCase() + ", " + m.valueType.name().toLowerCase() + "))";
        }
        return v.toString();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Predictions predict(Frame frame) {
        boolean dense = inputs.get(0).kind() == InputKind.DENSE_FLOAT || inputs.get(0).kind() == InputKind.DENSE_DOUBLE;
        FeatureMapping.Bound bound = dense ? info.features().bind(frame, info.name()) : null;
        List<Column> columns = dense ? List.of() : columns(frame);
        int rows = frame.rowCount();
        int batches = (rows + batchSize - 1) / batchSize;
        if (batches == 0) {
            return Predictions.empty(info);
        }
        int workers = Math.min(parallelBatches, batches);
        Predictions[] parts = new Predictions[batches];
        Pinned pinned = pinnedProbabilities ? new Pinned(rows, info.classes().size()) : null;
        if (workers == 1) {
            new BatchWorker(frame, bound, columns, pinned).run(0, 1, parts);
            return pinned != null ? pinned.predictions(info.classes()) : Predictions.concat(List.of(parts));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, DaemonThreads.named("assay-onnx-batch"));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                done.add(pool.submit(() -> new BatchWorker(frame, bound, columns, pinned).run(first, workers, parts)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("Interrupted while model " + info.name() + " was predicting.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return pinned != null ? pinned.predictions(info.classes()) : Predictions.concat(List.of(parts));
    }

    /** The whole result, written batch by batch where ONNX Runtime writes into a pinned output. */
    private record Pinned(double[] probabilities, int[] predicted) {
        Pinned(int rows, int k) {
            this(new double[rows * k], new int[rows]);
        }

        ClassPredictions predictions(List<String> classes) {
            return new ClassPredictions(classes, predicted, probabilities);
        }
    }

    /** Encodes and runs every {@code stride}-th batch from {@code first}, with buffers of its own. */
    private final class BatchWorker {
        private final Frame frame;
        private final FeatureMapping.Bound bound;
        private final List<Column> columns;
        private final double[] doubles;
        private final float[] floats;
        private final java.nio.Buffer buffer;
        private final FloatBuffer probabilities;
        private final Pinned pinned;

        BatchWorker(Frame frame, FeatureMapping.Bound bound, List<Column> columns, Pinned pinned) {
            this.frame = frame;
            this.bound = bound;
            this.columns = columns;
            int capacity = Math.min(batchSize, Math.max(frame.rowCount(), 1));
            boolean asDouble = inputs.get(0).kind() == InputKind.DENSE_DOUBLE;
            this.doubles = bound != null && asDouble ? new double[capacity * bound.width()] : null;
            this.floats = bound != null && !asDouble ? new float[capacity * bound.width()] : null;
            this.pinned = pinned;
            this.probabilities = pinned != null ? (FloatBuffer) directBuffer(capacity * info.classes().size(), false) : null;
            this.buffer = bound == null ? null : directBuffer(capacity * bound.width(), asDouble);
        }

        /** The dense input of rows {@code from} to {@code to}, encoded straight into this worker's direct buffer. */
        private OnnxTensor denseTensor(int from, int to) throws OrtException {
            int n = (to - from) * bound.width();
            long[] shape = {to - from, bound.width()};
            buffer.clear();
            if (floats != null) {
                bound.fill(from, to, floats);
                return OnnxTensor.createTensor(Environment.ENV, ((FloatBuffer) buffer).put(floats, 0, n).flip(), shape);
            }
            bound.fill(from, to, doubles);
            return OnnxTensor.createTensor(Environment.ENV, ((DoubleBuffer) buffer).put(doubles, 0, n).flip(), shape);
        }

        void run(int first, int stride, Predictions[] parts) {
            for (int batch = first; batch < parts.length; batch += stride) {
                int from = batch * batchSize;
                int to = Math.min(frame.rowCount(), from + batchSize);
                Map<String, OnnxTensor> feed = new HashMap<>();
                try {
                    if (bound != null) {
                        feed.put(inputs.get(0).name(), denseTensor(from, to));
                    } else {
                        for (int i = 0; i < inputs.size(); i++) {
                            feed.put(inputs.get(i).name(), columnTensor(inputs.get(i), columns.get(i), from, to));
                        }
                    }
                    if (pinned != null) {
                        runPinned(feed, from, to, probabilities, pinned);
                    } else {
                        parts[batch] = OnnxModel.this.run(feed, to - from);
                    }
                } catch (OrtException e) {
                    throw new InvalidInputException("ONNX Runtime failed on rows " + (from + 1) + " to " + to + " of "
                            + (frame.source() == null ? "the data" : frame.source()) + " with model " + info.name() + " (" + file
                            + "): " + e.getMessage(), e);
                } finally {
                    feed.values().forEach(OnnxTensor::close);
                }
            }
        }
    }

    private List<Column> columns(Frame frame) {
        List<Column> columns = new ArrayList<>();
        for (Input in : inputs) {
            if (!frame.has(in.name())) {
                throw new InvalidInputException("Model " + info.name() + " needs the input column '" + in.name() + "', which "
                        + (frame.source() == null ? "the data" : frame.source()) + " does not have. The data has "
                        + frame.columnNames() + "; rename the column or map the model's inputs to existing columns.");
            }
            Column c = frame.column(in.name());
            if (in.kind() != InputKind.COLUMN_STRING && !(c instanceof NumericColumn)) {
                throw new InvalidInputException("Model " + info.name() + " takes a numeric input '" + in.name() + "', but column '"
                        + in.name() + "' of " + (frame.source() == null ? "the data" : frame.source()) + " is " + c.type()
                        + ". Convert the column to numbers or use a model that encodes it.");
            }
            columns.add(c);
        }
        return columns;
    }

    /** A direct buffer of {@code n} floats or doubles, for ONNX Runtime to read without a copy. */
    private static java.nio.Buffer directBuffer(int n, boolean asDouble) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(n * (asDouble ? Double.BYTES : Float.BYTES)).order(ByteOrder.nativeOrder());
        return asDouble ? bytes.asDoubleBuffer() : bytes.asFloatBuffer();
    }

    /** Copies the first {@code n} values into {@code buffer} (reused between batches) and wraps it as a tensor. */
    private static OnnxTensor tensor(java.nio.Buffer buffer, double[] values, int n, long[] shape) throws OrtException {
        buffer.clear();
        if (buffer instanceof DoubleBuffer d) {
            d.put(values, 0, n).flip();
            return OnnxTensor.createTensor(Environment.ENV, d, shape);
        }
        FloatBuffer f = (FloatBuffer) buffer;
        for (int i = 0; i < n; i++) {
            f.put(i, (float) values[i]);
        }
        f.limit(n);
        return OnnxTensor.createTensor(Environment.ENV, f, shape);
    }

    private static OnnxTensor columnTensor(Input in, Column column, int from, int to) throws OrtException {
        int n = to - from;
        long[] shape = in.twoDimensional() ? new long[] {n, 1} : new long[] {n};
        switch (in.kind()) {
            case COLUMN_STRING -> {
                String[] text = new String[n];
                for (int i = 0; i < n; i++) {
                    String v = column.format(from + i);
                    text[i] = v == null ? "" : v;
                }
                return OnnxTensor.createTensor(Environment.ENV, text, shape);
            }
            case COLUMN_INT64 -> {
                LongBuffer buffer = ByteBuffer.allocateDirect(n * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
                NumericColumn c = (NumericColumn) column;
                for (int i = 0; i < n; i++) {
                    buffer.put((long) c.get(from + i));
                }
                buffer.flip();
                return OnnxTensor.createTensor(Environment.ENV, buffer, shape);
            }
            default -> {
                double[] v = new double[n];
                NumericColumn c = (NumericColumn) column;
                for (int i = 0; i < n; i++) {
                    v[i] = c.get(from + i);
                }
                return tensor(directBuffer(n, in.kind() == InputKind.COLUMN_DOUBLE), v, n, shape);
            }
        }
    }

    /**
     * Runs rows {@code from} to {@code to} with the probability output written by ONNX Runtime straight
     * into {@code target} (no output copy), then widens them into the whole result.
     */
    private void runPinned(Map<String, OnnxTensor> feed, int from, int to, FloatBuffer target, Pinned into) throws OrtException {
        int k = info.classes().size();
        int n = (to - from) * k;
        target.clear().limit(n);
        try (OnnxTensor out = OnnxTensor.createTensor(Environment.ENV, target, new long[] {to - from, k});
                OrtSession.Result result = session.run(feed, Set.of(), Map.of(probabilityOutput, out))) {
            double[] p = into.probabilities();
            for (int i = 0, at = from * k; i < n; i++, at++) {
                p[at] = target.get(i);
            }
            ClassPredictions.mostProbable(p, k, from, to, into.predicted());
        }
    }

    private Predictions run(Map<String, OnnxTensor> feed, int rows) throws OrtException {
        Set<String> wanted = new java.util.LinkedHashSet<>();
        for (String o : new String[] {probabilityOutput == null ? labelOutput : null, probabilityOutput, valueOutput}) {
            if (o != null) {
                wanted.add(o);
            }
        }
        try (OrtSession.Result result = session.run(feed, wanted)) {
            if (valueOutput != null) {
                return new ValuePredictions(numbers((OnnxTensor) result.get(valueOutput).orElseThrow(), rows, 1));
            }
            if (probabilityOutput != null) {
                int k = info.classes().size();
                OnnxValue out = result.get(probabilityOutput).orElseThrow();
                return ClassPredictions.mostProbable(info.classes(),
                        zipMap ? zipMapProbabilities((OnnxSequence) out, rows, k) : numbers((OnnxTensor) out, rows, k));
            }
            int[] predicted = new int[rows];
            OnnxTensor labels = (OnnxTensor) result.get(labelOutput).orElseThrow();
            String[] text = labels(labels, rows);
            for (int r = 0; r < rows; r++) {
                Integer c = classIndex.get(text[r]);
                if (c == null) {
                    throw new InvalidInputException("Model " + info.name() + " predicted the label '" + text[r] + "' for row "
                            + (r + 1) + " of a batch, which is not one of its classes " + info.classes() + ".");
                }
                predicted[r] = c;
            }
            return new ClassPredictions(info.classes(), predicted, null);
        }
    }

    private double[] numbers(OnnxTensor tensor, int rows, int width) {
        long n = tensor.getInfo().getNumElements();
        if (n != (long) rows * width) {
            throw new InvalidInputException("Model " + info.name() + " returned " + n + " values for " + rows + " rows; expected "
                    + (long) rows * width + ".");
        }
        double[] out = new double[(int) n];
        if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
            tensor.getDoubleBuffer().get(out);
        } else {
            FloatBuffer f = tensor.getFloatBuffer();
            for (int i = 0; i < out.length; i++) {
                out[i] = f.get(i);
            }
        }
        return out;
    }

    private static String[] labels(OnnxTensor tensor, int rows) throws OrtException {
        String[] out = new String[rows];
        if (tensor.getInfo().type == OnnxJavaType.STRING) {
            Object value = tensor.getValue();
            String[] flat = value instanceof String[][] nested ? Arrays.stream(nested).map(r -> r[0]).toArray(String[]::new)
                    : (String[]) value;
            System.arraycopy(flat, 0, out, 0, rows);
        } else {
            LongBuffer l = tensor.getLongBuffer();
            for (int i = 0; i < rows; i++) {
                out[i] = Long.toString(l.get(i));
            }
        }
        return out;
    }

    private double[] zipMapProbabilities(OnnxSequence sequence, int rows, int k) throws OrtException {
        List<? extends OnnxValue> maps = sequence.getValue();
        double[] out = new double[rows * k];
        for (int r = 0; r < rows; r++) {
            for (Map.Entry<?, ?> e : ((OnnxMap) maps.get(r)).getValue().entrySet()) {
                Integer c = classIndex.get(e.getKey().toString());
                if (c == null) {
                    throw new InvalidInputException("Model " + info.name() + " gave a probability for class '" + e.getKey()
                            + "', which is not one of its classes " + info.classes() + ".");
                }
                out[r * k + c] = ((Number) e.getValue()).doubleValue();
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session of " + file, e);
        }
    }

    /** The process-wide ONNX Runtime environment. */
    private static final class Environment {
        static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    }
}
