package dev.assay.core.metrics;

import dev.assay.core.stats.RegressionAccumulator;
import dev.assay.core.stats.RegressionErrors;
import dev.assay.core.stats.ValueSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Regression metrics from true and predicted values, in one pass over the rows. */
final class RegressionEvaluator {
    private RegressionEvaluator() {
    }

    /** Checks lengths, missing and infinite values and weights, then computes every regression metric and the residual chart. */
    static Evaluation evaluate(double[] truth, double[] predicted, double[] weight, ColumnNames names, List<String> notes) {
        int n = truth.length;
        InputChecks.checkLength("predicted", predicted.length, n);
        if (weight != null) {
            InputChecks.checkLength("weight", weight.length, n);
        }
        InputChecks.checkNotNaN(truth, names.label(), "label", names,
                "Every evaluated row needs a label: drop these rows or fill in the label.");
        InputChecks.checkNotNaN(predicted, names.prediction(), "prediction", names,
                "Every evaluated row needs a prediction: drop these rows or fill in the prediction.");
        InputChecks.checkFinite(truth, names.label(), "label", names, "regression metrics need finite values.");
        InputChecks.checkFinite(predicted, names.prediction(), "prediction", names, "regression metrics need finite values.");
        InputChecks.checkWeights(weight, names);
        if (n == 0) {
            return new ComputedEvaluation(Task.REGRESSION, 0,
                    InputChecks.allUndefined(Task.REGRESSION, "there are no rows to evaluate."),
                    notes, List.of(), List.of(), List.of());
        }
        RegressionAccumulator acc = new RegressionAccumulator();
        ValueSample absolute = new ValueSample(weight != null);
        for (int i = 0; i < n; i++) {
            double w = weight == null ? 1 : weight[i];
            acc.add(truth[i], predicted[i], w);
            absolute.add(Math.abs(truth[i] - predicted[i]), w);
        }
        RegressionStatistics stats = new RegressionStatistics(acc.result(),
                RegressionMetrics.medianAbsoluteError(absolute.result()), MetricCharts.residuals(truth, predicted));
        return fromStatistics(stats, weight != null, notes);
    }

    /** Every regression metric from the merged statistics of the rows. */
    static Evaluation fromStatistics(RegressionStatistics s, boolean weighted, List<String> notes) {
        RegressionErrors e = s.errors();
        if (e.rows() == 0) {
            return new ComputedEvaluation(Task.REGRESSION, 0,
                    InputChecks.allUndefined(Task.REGRESSION, "there are no rows to evaluate."),
                    notes, List.of(), List.of(), List.of());
        }
        Map<String, MetricValue> values = new HashMap<>();
        values.put("mae", RegressionMetrics.mae(e));
        values.put("mse", RegressionMetrics.mse(e));
        values.put("rmse", RegressionMetrics.rmse(e));
        values.put("r2", RegressionMetrics.r2(e));
        values.put("explained_variance", RegressionMetrics.explainedVariance(e));
        values.put("mape", RegressionMetrics.mape(e));
        values.put("median_absolute_error", s.medianAbsoluteError());
        values.put("max_error", RegressionMetrics.maxError(e));
        if (weighted) {
            notes.add("max_error ignores weights other than excluding rows of weight 0.");
        }
        return new ComputedEvaluation(Task.REGRESSION, e.rows(), values, notes, List.of(), List.of(),
                s.residuals() == null ? List.of() : List.of(s.residuals()));
    }
}
