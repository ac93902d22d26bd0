package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.integrity.ColumnTallies;
import dev.assay.core.result.DatasetInfo;
import java.util.List;
import java.util.Set;

/**
 * {@code class_imbalance} and {@code single_value} (on all rows, or on a {@code where} slice selected by
 * {@link SparkSlice}), run on counts that Spark aggregates ({@link SparkColumnTallies}): the check of assay-core runs unchanged on a frame of
 * the columns without rows and reads the counts from the run's store ({@link ColumnTallies}).
 */
final class CountedChecks {
    /** The note of a check run this way. */
    static final String NOTE = "Run on Spark: the values of each column were counted by Spark aggregations (rows per value,"
            + " distinct values) and the check read the counts; no row reached the driver.";

    private static final Set<String> KINDS = Set.of("class_imbalance", "single_value");

    private CountedChecks() {
    }

    /**
     * The context in which {@code check} reads the counts of {@code columns} of {@code current}; null
     * when the check is run another way.
     *
     * @param limit the most values of the label {@code class_imbalance} brings to the driver
     */
    static CheckContext context(Check check, Schema schema, FoldedChecks.Data current, List<String> columns, int limit) {
        if (!KINDS.contains(check.kind())) {
            return null;
        }
        boolean classes = check.kind().equals("class_imbalance");
        if (classes && (schema.label() == null || !columns.contains(schema.label()))) {
            return null;
        }
        ColumnTallies tallies = new SparkColumnTallies(current.rows(), classes ? List.of(schema.label()) : List.of(),
                classes ? List.of() : columns, limit, current.name());
        Frame frame = Frame.of(current.name(), columns.stream().map(c -> (Column) NumericColumn.wrap(c, new double[0])).toList());
        dev.assay.core.data.Dataset data = new dev.assay.core.data.Dataset(frame, SparkAssay.restrict(schema, columns),
                new DatasetInfo(current.role(), current.location(), tallies.rows(), current.rows().columns().length, null));
        CheckContext context = new CheckContext(data, null);
        context.store(ColumnTallies.NAMESPACE).getOrCompute(current.role(), ColumnTallies.class, () -> tallies);
        return context;
    }
}
