package dev.assay.models.http;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.util.List;
import java.util.Map;

/** A least-squares linear regression on standardized inputs, fitted by gradient descent. */
final class LinearRegressionModel implements Model {
    private final ModelInfo info;
    private final double[] mean;
    private final double[] sd;
    private final double[] weights;
    private final double bias;

    private LinearRegressionModel(ModelInfo info, double[] mean, double[] sd, double[] weights, double bias) {
        this.info = info;
        this.mean = mean;
        this.sd = sd;
        this.weights = weights;
        this.bias = bias;
    }

    static LinearRegressionModel fit(Frame frame, FeatureMapping mapping, String target) {
        FeatureMapping.Bound bound = mapping.bind(frame, "linear regression");
        int n = frame.rowCount();
        int w = bound.width();
        double[] x = new double[n * w];
        bound.fill(0, n, x);
        double[] mean = new double[w];
        double[] sd = new double[w];
        Standardizer.fit(x, n, w, mean, sd);
        Standardizer.apply(x, n, w, mean, sd);
        NumericColumn y = frame.numeric(target, "regression target");
        double[] weights = new double[w];
        double bias = 0;
        double[] gradient = new double[w];
        for (int iteration = 0; iteration < 300; iteration++) {
            java.util.Arrays.fill(gradient, 0);
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double residual = bias - y.get(i);
                for (int j = 0; j < w; j++) {
                    residual += weights[j] * x[i * w + j];
                }
                gb += residual;
                for (int j = 0; j < w; j++) {
                    gradient[j] += residual * x[i * w + j];
                }
            }
            bias -= 0.1 * gb / n;
            for (int j = 0; j < w; j++) {
                weights[j] -= 0.1 * gradient[j] / n;
            }
        }
        ModelInfo info = new ModelInfo("german-credit-" + target, "java", Task.REGRESSION, List.of(), mapping,
                new ModelCapabilities(false, false, true, 4096), Map.of());
        return new LinearRegressionModel(info, mean, sd, weights, bias);
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
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double v = bias;
            for (int j = 0; j < w; j++) {
                v += weights[j] * (x[i * w + j] - mean[j]) / sd[j];
            }
            values[i] = v;
        }
        return new ValuePredictions(values);
    }
}
