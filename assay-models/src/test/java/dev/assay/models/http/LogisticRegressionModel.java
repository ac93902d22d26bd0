package dev.assay.models.http;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.util.List;
import java.util.Map;

/**
 * A logistic regression on standardized inputs, fitted by full-batch gradient descent with a small
 * L2 penalty: P(first class) = sigmoid(b + sum_j w_j (x_j - mean_j) / sd_j).
 */
final class LogisticRegressionModel implements Model {
    private final ModelInfo info;
    private final double[] mean;
    private final double[] sd;
    private final double[] weights;
    private final double bias;

    private LogisticRegressionModel(ModelInfo info, double[] mean, double[] sd, double[] weights, double bias) {
        this.info = info;
        this.mean = mean;
        this.sd = sd;
        this.weights = weights;
        this.bias = bias;
    }

    /** Fits P({@code positive}) on {@code frame}'s {@code label} column; classes are {@code [positive, other]}. */
    static LogisticRegressionModel fit(Frame frame, FeatureMapping mapping, String label, String positive, String other) {
        FeatureMapping.Bound bound = mapping.bind(frame, "logistic regression");
        int n = frame.rowCount();
        int w = bound.width();
        double[] x = new double[n * w];
        bound.fill(0, n, x);
        double[] y = new double[n];
        CategoricalColumn labels = (CategoricalColumn) frame.column(label);
        for (int i = 0; i < n; i++) {
            y[i] = positive.equals(labels.get(i)) ? 1 : 0;
        }
        double[] mean = new double[w];
        double[] sd = new double[w];
        Standardizer.fit(x, n, w, mean, sd);
        Standardizer.apply(x, n, w, mean, sd);
        double[] weights = new double[w];
        double bias = 0;
        double rate = 0.5;
        double l2 = 1e-3;
        double[] gradient = new double[w];
        for (int iteration = 0; iteration < 400; iteration++) {
            java.util.Arrays.fill(gradient, 0);
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double z = bias;
                for (int j = 0; j < w; j++) {
                    z += weights[j] * x[i * w + j];
                }
                double error = 1 / (1 + Math.exp(-z)) - y[i];
                gb += error;
                for (int j = 0; j < w; j++) {
                    gradient[j] += error * x[i * w + j];
                }
            }
            bias -= rate * gb / n;
            for (int j = 0; j < w; j++) {
                weights[j] -= rate * (gradient[j] / n + l2 * weights[j]);
            }
        }
        ModelInfo info = new ModelInfo("german-credit-logistic", "java", Task.BINARY, List.of(positive, other), mapping,
                new ModelCapabilities(true, false, true, 4096), Map.of("fitted_rows", Integer.toString(n)));
        return new LogisticRegressionModel(info, mean, sd, weights, bias);
    }

    /** P(first class) for the input vector at {@code x[offset .. offset + width)}. */
    double probability(double[] x, int offset) {
        double z = bias;
        for (int j = 0; j < weights.length; j++) {
            z += weights[j] * (x[offset + j] - mean[j]) / sd[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Predictions predict(Frame features) {
        FeatureMapping.Bound bound = info.features().bind(features, info.name());
        int n = features.rowCount();
        int w = bound.width();
        double[] x = new double[n * w];
        bound.fill(0, n, x);
        int[] predicted = new int[n];
        double[] probabilities = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double p = probability(x, i * w);
            probabilities[2 * i] = p;
            probabilities[2 * i + 1] = 1 - p;
            predicted[i] = p >= 0.5 ? 0 : 1;
        }
        return new ClassPredictions(info.classes(), predicted, probabilities);
    }
}
