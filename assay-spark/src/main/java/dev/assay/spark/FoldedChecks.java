package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.data.Schema;
import dev.assay.core.fairness.GroupTallies;
import dev.assay.core.result.DatasetInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The kinds whose accumulators Spark folds per partition ({@link PartitionFold}) instead of
 * condensing rows: the check of assay-core runs unchanged on the distinct classes of the data (so it
 * reads the task and positive class as locally) and takes its counts from the accumulators that an
 * engine hands it through the run's store. Today: {@code fairness} of a binary task with a prediction
 * column, without {@code where:} or {@code metrics:}.
 */
final class FoldedChecks {
    /** The note of a check run this way. */
    static final String NOTE = "Run on Spark: each partition was counted into the check's accumulators (confusion counts per group),"
            + " merged across partitions; the driver held counts, not rows.";

    private FoldedChecks() {
    }

    /**
     * The context in which {@code check} reads accumulators of {@code data}; null when the check is
     * not of a kind folded this way and should be run on condensed rows.
     */
    static CheckContext context(Check check, Schema schema, Dataset<Row> data, String role, String location, String source,
            int limit) {
        if (!check.kind().equals("fairness") || check.settings().containsKey("where") || check.settings().containsKey("metrics")
                || schema.label() == null || schema.prediction() == null) {
            return null;
        }
        String task = check.settings().getOrDefault("task", "inferred");
        DistinctValues classes = DistinctValues.of(data, List.of(schema.label(), schema.prediction()), limit, source);
        Set<String> texts = new HashSet<>();
        for (int r = 0; r < classes.frame().rowCount(); r++) {
            for (dev.assay.core.data.Column c : classes.frame().columns()) {
                texts.add(c.format(r));
            }
        }
        if (!task.equals("binary") && !(task.equals("inferred") && texts.size() <= 2)) {
            return null;
        }
        Schema.Builder b = Schema.builder().label(schema.label()).prediction(schema.prediction());
        b.protectedAttributes(schema.protectedAttributes());
        dev.assay.core.data.Dataset current = new dev.assay.core.data.Dataset(classes.frame(), b.build(),
                new DatasetInfo(role, location, classes.total(), data.columns().length, null));
        CheckContext context = new CheckContext(current, null);
        GroupTallies tallies = new SparkGroupTallies(data, schema.label(), schema.prediction(), classes, limit, source);
        context.store(GroupTallies.NAMESPACE).getOrCompute(role, GroupTallies.class, () -> tallies);
        return context;
    }
}
