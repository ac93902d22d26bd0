package dev.assay.spark;

import dev.assay.core.check.CheckContext;
import dev.assay.core.data.Schema;
import dev.assay.core.fairness.GroupEvaluations;
import java.util.List;

/**
 * The per-group evaluations of the {@code fairness} check on Spark ({@link SparkGroupEvaluations}):
 * {@code metrics:} compared across groups of a binary task, and the error and output of a regression
 * model compared across groups, each from accumulators merged per group rather than from rows.
 */
final class GroupedChecks {

    private GroupedChecks() {
    }

    /** Puts the per-group evaluations of {@code current} ({@code rows} rows) in {@code context}'s store. */
    static void storeEvaluations(CheckContext context, Schema schema, FoldedChecks.Data current, long rows, int limit) {
        GroupEvaluations evaluations = new SparkGroupEvaluations(current.rows(), present(schema, current), rows, limit,
                current.name());
        context.store(GroupEvaluations.NAMESPACE).getOrCompute(current.role(), GroupEvaluations.class, () -> evaluations);
    }

    /**
     * The context of a regression {@code fairness} check: a one-row frame, from which the check reads the task
     * (set to regression in the suite), and the per-group sums in the store.
     */
    static CheckContext regressionFairness(Schema schema, FoldedChecks.Data current, int limit) {
        List<String> available = List.of(current.rows().columns());
        if (schema.prediction() == null || !available.contains(schema.prediction())) {
            return null;
        }
        long rows = current.rows().count();
        DistinctValues first = DistinctValues.of(current.rows().limit(1), List.of(schema.label(), schema.prediction()), limit,
                current.name());
        Schema s = Schema.builder().label(schema.label()).prediction(schema.prediction())
                .protectedAttributes(schema.protectedAttributes()).build();
        CheckContext context = new CheckContext(FoldedChecks.dataset(current, first.frame(), s, rows), null);
        storeEvaluations(context, schema, current, rows, limit);
        return context;
    }

    /** The schema's label, prediction, score and weight, those of them in the data. */
    private static Schema present(Schema schema, FoldedChecks.Data current) {
        List<String> available = List.of(current.rows().columns());
        Schema.Builder b = Schema.builder().label(schema.label()).prediction(schema.prediction())
                .protectedAttributes(schema.protectedAttributes());
        if (schema.score() != null && available.contains(schema.score())) {
            b.score(schema.score());
        }
        if (schema.weight() != null && available.contains(schema.weight())) {
            b.weight(schema.weight());
        }
        return b.build();
    }
}
