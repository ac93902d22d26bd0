package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.checks.RunEvaluations;
import dev.assay.core.checks.RunIntervals;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.util.List;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The evaluation a {@link MetricCheck} reads, computed by {@link SparkEvaluator} and kept in
 * {@link RunEvaluations}, and its bootstrap intervals ({@link PoissonBootstrap}), kept in {@link RunIntervals}.
 */
final class MetricStatistics implements SparkStatistics {
    @Override
    public boolean handles(Check check, Schema schema) {
        return SparkEvaluator.handles(check, schema);
    }

    @Override
    public void store(CheckContext context, Check check, Schema schema, Dataset<Row> current, String currentName,
            Dataset<Row> reference, String referenceName) {
        MetricCheck metric = (MetricCheck) check;
        EvaluationSettings settings = metric.evaluationSettings();
        RunEvaluations.put(context, context.current(), settings, () -> SparkEvaluator.evaluate(current, schema, settings, currentName));
        context.reference().ifPresent(r -> RunEvaluations.put(context, r, settings,
                () -> SparkEvaluator.evaluate(reference, schema, settings, referenceName)));
        IntervalSettings ci = metric.intervalSettings();
        if (ci == null || !ci.method().resamples()) {
            return;
        }
        Evaluation estimate;
        try {
            estimate = RunEvaluations.of(context, context.current(), settings);
        } catch (InvalidInputException e) {
            return;
        }
        List<String> ids = MetricIntervals.applicable(metric.metrics().isEmpty() ? estimate.metricIds() : metric.metrics(),
                ci.method());
        RunIntervals.put(context, context.current(), settings, ci, metric.seed(), ids,
                () -> PoissonBootstrap.intervals(current, schema, settings, currentName, estimate, ids, ci, metric.seed()));
    }
}
