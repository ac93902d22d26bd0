package dev.assay.models.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.tree.TreeBacked;
import dev.assay.core.explain.tree.TreeEnsemble;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.models.FeatureMappingJson;
import dev.assay.models.ModelFile;
import dev.assay.models.trees.OnnxTrees;
import java.nio.file.Path;
import java.util.Optional;

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
 * <p>One ONNX Runtime environment per process; one session per model. Predicting is thread-safe.
 * The work is split into {@link OnnxSignature} (what the graph takes and gives),
 * {@link InputEncoder}, {@link OutputDecoder} and {@link BatchRunner}.
 */
public final class OnnxModel implements Model, TreeBacked {
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

    private final Path file;
    private final OrtSession session;
    private final ModelInfo info;
    private final BatchRunner runner;

    private OnnxModel(Path file, OrtSession session, ModelInfo info, BatchRunner runner) {
        this.file = file;
        this.session = session;
        this.info = info;
        this.runner = runner;
    }

    /** Loads {@code file} with {@link Options#defaults()}. */
    public static OnnxModel load(Path file) {
        return load(file, Options.defaults());
    }

    /**
     * Loads {@code file}.
     *
     * @throws InvalidInputException naming the file if it is missing, not readable, not an ONNX
     *     model, or has inputs or outputs of a kind this adapter does not run
     */
    public static OnnxModel load(Path file, Options options) {
        byte[] bytes = ModelFile.read(file, "ONNX model file");
        OnnxMl.ModelProto proto;
        try {
            proto = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidInputException("ONNX model file " + file + " is not an ONNX model (" + e.getMessage()
                    + "). The file is damaged, truncated or of another format; export the model again.", e);
        }
        if (!proto.hasGraph() || proto.getGraph().getOutputCount() == 0) {
            throw new InvalidInputException("ONNX model file " + file + " holds no graph with outputs. The file is damaged, "
                    + "truncated or not an ONNX model; export the model again.");
        }
        OrtSession session;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            session = OnnxEnvironment.ENV.createSession(bytes, so);
        } catch (OrtException e) {
            throw new InvalidInputException("ONNX Runtime cannot load model file " + file + ": " + e.getMessage()
                    + ". The file is damaged or uses operators this ONNX Runtime does not have; export the model again.", e);
        }
        try {
            OnnxSignature signature = OnnxSignature.discover(file, proto, session, options.features());
            ModelInfo info = new ModelInfo(file.getFileName().toString(), "onnx", signature.task(), signature.classes(),
                    signature.features(), new ModelCapabilities(signature.outputs().probabilities() != null, false, true,
                            options.batchSize()), OnnxMetadata.describe(bytes, proto, session));
            return new OnnxModel(file, session, info,
                    new BatchRunner(file, session, info, signature, options.batchSize(), options.parallelBatches()));
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

    /** The graph's tree ensemble node, if it has one (see {@link OnnxTrees}), read again from the file. */
    @Override
    public Optional<TreeEnsemble> trees() {
        try {
            return OnnxTrees.of(OnnxMl.ModelProto.parseFrom(ModelFile.read(file, "ONNX model file")), info.features(),
                    file.toString());
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidInputException("ONNX model file " + file + " changed since it was loaded and is no longer an ONNX"
                    + " model (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Predictions predict(Frame frame) {
        return runner.predict(frame);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session of " + file, e);
        }
    }
}
