package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.data.Schema;
import dev.assay.core.fairness.GroupEvaluations;
import dev.assay.core.checks.SliceEvaluations;
import java.util.List;
import java.util.Map;

/**
 * The per-group evaluations of the {@code fairness} check on Spark ({@link SparkGroupEvaluations}):
 * {@code metrics:} compared across groups of a binary task, and the error and output of a regression
 * model compared across groups; and the per-slice evaluations of the {@code slices} check
 * ({@link SparkSlices}): each from accumulators merged per group rather than from rows.
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

    /**
     * The context of a {@code slices} check of a binary task with Wilson or percentile bootstrap intervals or none: the
     * distinct (label, prediction) frame, from which the check reads the task, a reference without rows when the
     * reference data holds the check's columns (else none: locally, its slices could not be selected there), and the
     * sliced evaluation in the store;
     * null when the check runs on condensed rows instead.
     */
    static CheckContext slices(Check check, Schema schema, FoldedChecks.Data current, FoldedChecks.Data reference, int limit) {
        Map<String, String> settings = check.settings();
        List<String> available = List.of(current.rows().columns());
        if (!List.of("wilson", "percentile").contains(settings.getOrDefault("ci.method", "wilson")) || schema.prediction() == null
                || !available.contains(schema.prediction())) {
            return null;
        }
        DistinctValues classes = DistinctValues.of(current.rows(), List.of(schema.label(), schema.prediction()), limit,
                current.name());
        if (!FoldedChecks.binary(settings, classes.frame())) {
            return null;
        }
        Schema s = Schema.builder().label(schema.label()).prediction(schema.prediction()).build();
        Schema read = Schema.builder().label(schema.label()).prediction(schema.prediction()).score(schema.score())
                .weight(schema.weight()).build();
        FoldedChecks.Data ref = reference != null && List.of(reference.rows().columns()).containsAll(CheckColumns.of(check, read,
                available)) ? reference : null;
        CheckContext context = new CheckContext(FoldedChecks.dataset(current, classes.frame(), s, classes.total()),
                ref == null ? null : FoldedChecks.dataset(ref, classes.frame(), s, ref.rows().count()));
        SliceEvaluations slices = new SparkSlices(current.rows(), present(schema, current), limit, current.name(), ref);
        context.store(SliceEvaluations.NAMESPACE).getOrCompute(current.role(), SliceEvaluations.class, () -> slices);
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
