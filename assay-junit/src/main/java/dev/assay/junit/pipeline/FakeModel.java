package dev.assay.junit.pipeline;

import dev.assay.core.data.Frame;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.models.function.FunctionModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small stand-in binary classifier for testing the components around a model (data preparation, thresholds,
 * checks) without the real one: its probability of the second class is a known function of the data, and it counts
 * the calls and rows it was asked to predict.
 */
public final class FakeModel implements Model {
    private final FunctionModel model;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong rows = new AtomicLong();

    private FakeModel(FunctionModel model) {
        this.model = model;
    }

    /** Gives every row the probability {@code probability} of {@code classes.get(1)}. */
    public static FakeModel constant(List<String> classes, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("constant(" + probability + "): a probability is between 0 and 1.");
        }
        return new FakeModel(FunctionModel.classifier("fake constant " + probability, new FeatureMapping(List.of()),
                twoClasses(classes), (x, n, w, out) -> fill(out, n, i -> probability)));
    }

    /**
     * Reads the probability of {@code classes.get(1)} from the numeric column {@code score}, e.g. scores stored by
     * another tool; values are clamped to [0, 1].
     */
    public static FakeModel scoreFrom(String score, List<String> classes) {
        return new FakeModel(FunctionModel.classifier("fake score from " + score, FeatureMapping.numeric(List.of(score)),
                twoClasses(classes), (x, n, w, out) -> fill(out, n, i -> Math.max(0, Math.min(1, x[i])))));
    }

    /** The oracle: predicts the categorical {@code label} column itself, with probability 1. */
    public static FakeModel oracle(String label, List<String> classes) {
        return new FakeModel(FunctionModel.classifier("fake oracle of " + label,
                new FeatureMapping(List.of(FeatureMapping.Feature.oneHot(label, twoClasses(classes)))), twoClasses(classes),
                (x, n, w, out) -> fill(out, n, i -> x[i * w + 1])));
    }

    /** How many times {@link #predict} was called. */
    public int calls() {
        return calls.get();
    }

    /** How many rows it was asked to predict in all. */
    public long rowsPredicted() {
        return rows.get();
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public Predictions predict(Frame features) {
        calls.incrementAndGet();
        rows.addAndGet(features.rowCount());
        return model.predict(features);
    }

    private interface RowProbability {
        double of(int row);
    }

    private static void fill(double[] out, int rows, RowProbability p) {
        for (int i = 0; i < rows; i++) {
            double q = p.of(i);
            out[2 * i] = 1 - q;
            out[2 * i + 1] = q;
        }
    }

    private static List<String> twoClasses(List<String> classes) {
        if (classes.size() != 2) {
            throw new IllegalArgumentException("A fake model is a binary classifier: give two classes, got " + classes + ".");
        }
        return List.copyOf(classes);
    }
}
