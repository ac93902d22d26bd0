package dev.assay.core.integrity;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.RunStore;
import java.util.Map;

/**
 * The counts that {@code class_imbalance} and {@code single_value} measure, per column of the current
 * data set: the rows of each value, and the number of distinct values. Locally they are counted from
 * the frame ({@link FrameTallies}); a distributed engine that counts them where the rows are puts its
 * own in the run's store under {@link #NAMESPACE} and the data set's role, and the checks read those.
 * Values are compared as the local frame holds them: numbers as doubles ({@code -0.0} as {@code 0.0}),
 * other values as their text; missing values (null, NaN) are counted apart.
 */
public interface ColumnTallies {
    /** Where an engine puts the tallies of a data set, keyed by its role ({@code current}). */
    RunStore.Namespace NAMESPACE = RunStore.Namespace.of(ColumnTallies.class);

    /**
     * The rows of each value of a column.
     *
     * @param counts the rows of each non-missing value, keyed by its text as {@code Column.format} writes it
     * @param missing the rows with no value
     */
    record ValueCounts(Map<String, Long> counts, long missing) {
    }

    /**
     * The distinct values of a column.
     *
     * @param values the number of distinct non-missing values
     * @param missing the rows with no value
     * @param value the text of the value when there is exactly one, else null
     */
    record Distinct(long values, long missing, String value) {
    }

    /** The number of rows. */
    long rows();

    /** The rows of each value of {@code column}; the caller has checked that the column exists. */
    ValueCounts valueCounts(String column);

    /** The distinct values of {@code column}; the caller has checked that the column exists. */
    Distinct distinct(String column);

    /** The tallies an engine stored for the current data set, else those of its frame. */
    static ColumnTallies of(CheckContext context) {
        ColumnTallies stored = context.store(NAMESPACE).getOrCompute(context.current().info().role(), ColumnTallies.class,
                () -> null);
        return stored != null ? stored : new FrameTallies(context.current().frame());
    }
}
