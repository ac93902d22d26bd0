package dev.assay.models.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.tree.TreeBacked;
import dev.assay.core.explain.tree.TreeEnsemble;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ProbabilityGradients;
import dev.assay.core.model.ValuePredictions;
import dev.assay.models.ModelFile;
import dev.assay.models.trees.TribuoTrees;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo classifier ({@code Model<Label>}) or single-output regressor ({@code Model<Regressor>}).
 * Frame columns become Tribuo features by a {@link FeatureMapping} named as in
 * {@link TribuoFeatures}: numeric columns by their name, one-hot levels as {@code column=level};
 * only non-zero values are passed, as Tribuo treats an absent feature as zero. Classes are in the
 * order of the model's output ids. {@link ModelInfo#metadata()} holds the model's provenance
 * flattened to {@code provenance.<path>} keys. A logistic {@link LinearSGDModel} gives exact probability gradients
 * ({@link ProbabilityGradients}).
 */
public final class TribuoModel implements Model, TreeBacked, ProbabilityGradients {
    private static final int BATCH = 4096;

    private final org.tribuo.Model<?> model;
    private final ModelInfo info;
    private final String[] inputNames;

    private TribuoModel(String name, org.tribuo.Model<?> model, FeatureMapping features) {
        this.model = model;
        Task task;
        List<String> classes = new ArrayList<>();
        if (model.validate(Label.class)) {
            ImmutableOutputInfo<?> outputs = model.getOutputIDInfo();
            for (int i = 0; i < outputs.size(); i++) {
                classes.add(((Label) outputs.getOutput(i)).getLabel());
            }
            task = classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        } else if (model.validate(Regressor.class)) {
            task = Task.REGRESSION;
        } else {
            throw new InvalidInputException("Model " + name + " predicts " + model.getOutputIDInfo().getDomain()
                    + "; Assay runs Tribuo classifiers (Label) and regressors (Regressor).");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("tribuo.class", model.getClass().getName());
        metadata.put("tribuo.features", Integer.toString(model.getFeatureIDMap().size()));
        flatten("provenance", model.getProvenance(), metadata);
        this.info = new ModelInfo(name, "tribuo", task, classes, features,
                new ModelCapabilities(task != Task.REGRESSION && model.generatesProbabilities(), false, true, BATCH), metadata);
        this.inputNames = features.inputNames().toArray(String[]::new);
    }

    /** Wraps a trained model; {@code features} maps frame columns to its feature names. */
    public static TribuoModel of(String name, org.tribuo.Model<?> model, FeatureMapping features) {
        return new TribuoModel(name, model, features);
    }

    /** Wraps a trained model whose feature names follow {@link TribuoFeatures}. */
    public static TribuoModel of(String name, org.tribuo.Model<?> model) {
        return new TribuoModel(name, model, TribuoFeatures.mapping(model.getFeatureIDMap()));
    }

    /**
     * Reads a model Tribuo wrote with {@code Model.serializeToFile} or {@code serializeToStream}
     * (protobuf), plain or gzip-compressed, its feature names following {@link TribuoFeatures}.
     *
     * @throws InvalidInputException naming the file if it is missing or not a Tribuo model
     */
    public static TribuoModel load(Path file) {
        org.tribuo.Model<?> model = read(file);
        FeatureMapping mapping;
        try {
            mapping = TribuoFeatures.mapping(model.getFeatureIDMap());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Tribuo model file " + file + ": its feature names cannot be read back as columns ("
                    + e.getMessage() + "). Load it with an explicit feature mapping.", e);
        }
        return new TribuoModel(file.getFileName().toString(), model, mapping);
    }

    /** As {@link #load(Path)}, with an explicit feature mapping. */
    public static TribuoModel load(Path file, FeatureMapping features) {
        return new TribuoModel(file.getFileName().toString(), read(file), features);
    }

    private static org.tribuo.Model<?> read(Path file) {
        byte[] bytes = ModelFile.read(file, "Tribuo model file");
        boolean gzip = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(bytes)) : new ByteArrayInputStream(bytes)) {
            return org.tribuo.Model.deserializeFromStream(in);
        } catch (EOFException e) {
            throw new InvalidInputException("Tribuo model file " + file + " is truncated: its " + (gzip ? "gzip stream" : "data")
                    + " ends early (" + e.getMessage() + "). Copy or export the model again.", e);
        } catch (ZipException e) {
            throw new InvalidInputException("Tribuo model file " + file + " starts like a gzip file but is damaged (" + e.getMessage()
                    + "). Copy or export the model again.", e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("Tribuo model file " + file + " is not a Tribuo model (" + e.getMessage() + "). "
                    + "Expected a model written by Tribuo 4.3's Model.serializeToFile (protobuf), plain or gzip-compressed.", e);
        }
    }

    /** The wrapped Tribuo model. */
    public org.tribuo.Model<?> tribuoModel() {
        return model;
    }

    /** The model's trees when it is a Tribuo tree or forest (see {@link TribuoTrees}). */
    @Override
    public Optional<TreeEnsemble> trees() {
        return TribuoTrees.of(model, info.features(), info.classes());
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Predictions predict(Frame frame) {
        FeatureMapping.Bound bound = info.features().bind(frame, info.name());
        int rows = bound.rows();
        int width = bound.width();
        int k = info.classes().size();
        boolean classifier = info.task() != Task.REGRESSION;
        int[] predicted = new int[rows];
        double[] probabilities = classifier && info.capabilities().probabilities() ? new double[rows * k] : null;
        double[] values = classifier ? null : new double[rows];
        double[] batch = new double[Math.min(BATCH, Math.max(rows, 1)) * width];
        for (int from = 0; from < rows; from += BATCH) {
            int to = Math.min(rows, from + BATCH);
            bound.fill(from, to, batch);
            requireNoMissing(frame, batch, from, to, width);
            if (classifier) {
                org.tribuo.Model<Label> m = (org.tribuo.Model<Label>) model;
                List<Prediction<Label>> out = m.predict(TribuoFeatures.examples(
                        java.util.Collections.nCopies(to - from, LabelFactory.UNKNOWN_LABEL), inputNames, batch, to - from, width));
                for (int r = 0; r < out.size(); r++) {
                    Prediction<Label> p = out.get(r);
                    predicted[from + r] = m.getOutputIDInfo().getID(p.getOutput());
                    if (probabilities != null) {
                        Map<String, Label> scores = p.getOutputScores();
                        for (int c = 0; c < k; c++) {
                            Label l = scores.get(info.classes().get(c));
                            probabilities[(from + r) * k + c] = l == null ? 0.0 : l.getScore();
                        }
                    }
                }
            } else {
                org.tribuo.Model<Regressor> m = (org.tribuo.Model<Regressor>) model;
                List<Prediction<Regressor>> out = m.predict(TribuoFeatures.examples(
                        java.util.Collections.nCopies(to - from, RegressionFactory.UNKNOWN_REGRESSOR), inputNames, batch, to - from, width));
                for (int r = 0; r < out.size(); r++) {
                    values[from + r] = out.get(r).getOutput().getValues()[0];
                }
            }
        }
        return classifier ? new ClassPredictions(info.classes(), predicted, probabilities) : new ValuePredictions(values);
    }

    /** Whether the model is a Tribuo linear classifier with softmax probabilities (logistic regression). */
    @Override
    public boolean hasProbabilityGradients() {
        return model instanceof LinearSGDModel && model.generatesProbabilities();
    }

    /**
     * For softmax probabilities {@code p = softmax(W x + b)}:
     * {@code dp_c/dx_j = p_c (W_cj − sum_k p_k W_kj)}, with {@code W} from {@code LinearSGDModel.getWeightsCopy()}
     * (one row per output id, the classes being in that order; one column per feature id).
     */
    @Override
    public double[][] probabilityGradients(Frame frame, String modelClass, List<String> columns) {
        if (!hasProbabilityGradients()) {
            throw new UnsupportedOperationException("Model " + info.name() + " (" + model.getClass().getSimpleName()
                    + ") gives no exact gradients");
        }
        int c = info.classes().indexOf(modelClass);
        if (c < 0) {
            throw new IllegalArgumentException("Model " + info.name() + " has no class '" + modelClass + "'");
        }
        org.tribuo.math.la.DenseMatrix w = ((LinearSGDModel) model).getWeightsCopy();
        int k = info.classes().size();
        double[] p = ((ClassPredictions) predict(frame)).probabilities();
        int rows = frame.rowCount();
        double[][] out = new double[columns.size()][rows];
        for (int j = 0; j < columns.size(); j++) {
            var feature = model.getFeatureIDMap().get(columns.get(j));
            if (feature == null) {
                continue;
            }
            int f = feature.getID();
            for (int r = 0; r < rows; r++) {
                double mean = 0;
                for (int o = 0; o < k; o++) {
                    mean += p[r * k + o] * w.get(o, f);
                }
                out[j][r] = p[r * k + c] * (w.get(c, f) - mean);
            }
        }
        return out;
    }

    /** Tribuo refuses NaN features: names the first missing value instead. */
    private void requireNoMissing(Frame frame, double[] batch, int from, int to, int width) {
        for (int i = 0; i < (to - from) * width; i++) {
            if (Double.isNaN(batch[i])) {
                throw new InvalidInputException("Model " + info.name() + " cannot score row " + (from + i / width + 1) + " of "
                        + (frame.source() == null ? "the data" : frame.source()) + ": its input '" + inputNames[i % width]
                        + "' is missing, and Tribuo models take no missing values. Fill in or drop the rows with missing values.");
            }
        }
    }

    /** Writes a provenance tree as {@code prefix.path = value} entries. */
    static void flatten(String prefix, Provenance provenance, Map<String, String> out) {
        if (provenance instanceof ObjectProvenance object) {
            for (var entry : object) {
                flatten(prefix + "." + entry.getA(), entry.getB(), out);
            }
        } else if (provenance instanceof MapProvenance<?> map) {
            for (var entry : map) {
                flatten(prefix + "." + entry.getA(), entry.getB(), out);
            }
        } else if (provenance instanceof ListProvenance<?> list) {
            int i = 0;
            for (Provenance p : list) {
                flatten(prefix + "[" + i++ + "]", p, out);
            }
        } else if (provenance != null) {
            out.put(prefix, provenance.toString());
        }
    }
}
