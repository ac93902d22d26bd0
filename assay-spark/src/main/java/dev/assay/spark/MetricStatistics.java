package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.checks.RunEvaluations;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The evaluation a {@link MetricCheck} reads, computed by {@link SparkEvaluator} and kept in {@link RunEvaluations}. */
final class MetricStatistics implements SparkStatistics {
    @Override
    public boolean handles(Check check, Schema schema) {
        return SparkEvaluator.handles(check, schema);
    }

    @Override
    public void store(CheckContext context, Check check, Schema schema, Dataset<Row> current, String currentName,
            Dataset<Row> reference, String referenceName) {
        EvaluationSettings settings = ((MetricCheck) check).evaluationSettings();
        RunEvaluations.put(context, context.current(), settings, () -> SparkEvaluator.evaluate(current, schema, settings, currentName));
        context.reference().ifPresent(r -> RunEvaluations.put(context, r, settings,
                () -> SparkEvaluator.evaluate(reference, schema, settings, referenceName)));
    }
}
