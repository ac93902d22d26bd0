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
import dev.assay.core.data.Frame;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.EvaluationSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The evaluation a {@link MetricCheck} reads, computed by {@link SparkEvaluator} and kept in
 * {@link RunEvaluations}, and its bootstrap intervals ({@link PoissonBootstrap}; BCa as core computes it, on at
 * most {@link MetricIntervals#bcaMaxRows()} rows), kept in {@link RunIntervals}.
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
        RunIntervals.put(context, context.current(), settings, ci, metric.seed(), ids, ci.method() == IntervalMethod.BCA
                ? () -> bca(current, schema, settings, currentName, estimate, ids, ci, metric.seed())
                : () -> PoissonBootstrap.intervals(current, schema, settings, currentName, estimate, ids, ci, metric.seed()));
    }

    /**
     * BCa intervals as the local run computes them: its jackknife evaluates the metrics once per row, which core
     * refuses above {@link MetricIntervals#bcaMaxRows()} rows, so above that the same reason is given without reading
     * a row; at most that many rows are brought to the driver (condensed with their counts) and core computes the
     * intervals on them (the same method and seed, the rows in another order).
     */
    private static Map<String, IntervalEstimate> bca(Dataset<Row> data, Schema schema, EvaluationSettings settings, String name,
            Evaluation estimate, List<String> ids, IntervalSettings ci, long seed) {
        String refused = MetricIntervals.bcaRefusal(estimate.rows());
        if (refused != null) {
            Map<String, IntervalEstimate> out = new LinkedHashMap<>();
            ids.forEach(id -> out.put(id, IntervalEstimate.undefined(refused)));
            return out;
        }
        List<String> columns = new ArrayList<>();
        for (String c : Arrays.asList(schema.label(), schema.prediction(), schema.score(), schema.weight())) {
            if (c != null) {
                columns.add(c);
            }
        }
        columns.addAll(schema.classProbabilities().values());
        Frame rows = ExpandedFrame.of(RowCounts.of(data, columns, MetricIntervals.bcaMaxRows()), name);
        return MetricIntervals.of(rows, SparkAssay.restrict(schema, columns), settings, estimate, ids, ci, seed);
    }
}
