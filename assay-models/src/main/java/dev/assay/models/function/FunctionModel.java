package dev.assay.models.function;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.util.List;
import java.util.Map;

/**
 * A model made of a Java function over a dense, row-major batch of inputs built by a
 * {@link FeatureMapping}: for embedding Assay and for tests. The function must be thread-safe.
 */
public final class FunctionModel implements Model {

    /** Class probabilities of a batch: {@code rows * classes} values, row-major. */
    @FunctionalInterface
    public interface ProbabilityFunction {
        void probabilities(double[] inputs, int rows, int width, double[] target);
    }

    /** One value per row of a batch. */
    @FunctionalInterface
    public interface ValueFunction {
        void values(double[] inputs, int rows, int width, double[] target);
    }

    private final ModelInfo info;
    private final ProbabilityFunction probabilities;
    private final ValueFunction values;

    private FunctionModel(ModelInfo info, ProbabilityFunction probabilities, ValueFunction values) {
        this.info = info;
        this.probabilities = probabilities;
        this.values = values;
    }

    /** A classifier over {@code classes}; the predicted class is the most probable (the first on ties). */
    public static FunctionModel classifier(String name, FeatureMapping features, List<String> classes, ProbabilityFunction f) {
        Task task = classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        return new FunctionModel(new ModelInfo(name, "function", task, classes, features,
                new ModelCapabilities(true, false, true, 4096), Map.of()), f, null);
    }

    /** A regressor. */
    public static FunctionModel regressor(String name, FeatureMapping features, ValueFunction f) {
        return new FunctionModel(new ModelInfo(name, "function", Task.REGRESSION, List.of(), features,
                new ModelCapabilities(false, false, true, 4096), Map.of()), null, f);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Predictions predict(Frame features) {
        FeatureMapping.Bound bound = info.features().bind(features, info.name());
        int rows = bound.rows();
        int width = bound.width();
        double[] inputs = new double[rows * width];
        bound.fill(0, rows, inputs);
        if (values != null) {
            double[] out = new double[rows];
            values.values(inputs, rows, width, out);
            return new ValuePredictions(out);
        }
        int k = info.classes().size();
        double[] p = new double[rows * k];
        probabilities.probabilities(inputs, rows, width, p);
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i])) {
                throw new InvalidInputException("Model " + info.name() + " returned a NaN probability of class '"
                        + info.classes().get(i % k) + "' for row " + (i / k + 1) + "; check the function and the row's inputs.");
            }
        }
        return ClassPredictions.mostProbable(info.classes(), p);
    }
}
