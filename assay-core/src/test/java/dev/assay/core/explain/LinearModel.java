package dev.assay.core.explain;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * w.x + b over numeric columns: a regressor, or a logistic classifier (classes "good", "bad"; P(bad) =
 * sigmoid(w.x + b)). Counts its calls.
 */
final class LinearModel implements Model {
    final AtomicInteger calls = new AtomicInteger();
    private final List<String> columns;
    private final double[] w;
    private final double b;
    private final boolean logistic;

    LinearModel(List<String> columns, double[] w, double b, boolean logistic) {
        this.columns = columns;
        this.w = w;
        this.b = b;
        this.logistic = logistic;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("linear", "test", logistic ? Task.BINARY : Task.REGRESSION, logistic ? List.of("good", "bad") : List.of(),
                new FeatureMapping(columns.stream().map(FeatureMapping.Feature::numeric).toList()),
                new ModelCapabilities(logistic, false, true, 1000), Map.of());
    }

    @Override
    public Predictions predict(Frame features) {
        calls.incrementAndGet();
        int n = features.rowCount();
        double[] z = new double[n];
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn c = (NumericColumn) features.column(columns.get(j));
            for (int i = 0; i < n; i++) {
                z[i] += w[j] * c.get(i);
            }
        }
        for (int i = 0; i < n; i++) {
            z[i] += b;
        }
        if (!logistic) {
            return new ValuePredictions(z);
        }
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            p[2 * i + 1] = 1 / (1 + Math.exp(-z[i]));
            p[2 * i] = 1 - p[2 * i + 1];
        }
        return ClassPredictions.mostProbable(List.of("good", "bad"), p);
    }
}
