package dev.assay.core.fairness;

import dev.assay.core.check.RunStore;
import dev.assay.core.metrics.EvaluationSettings;
import java.util.List;

/**
 * Per-group evaluations of a data set whose rows are not in this process (a distributed engine merges
 * each group's statistics where the rows are). An engine puts one in the run's store under
 * {@link #NAMESPACE} and the data set's role; the {@code fairness} check then compares metrics
 * ({@code metrics:}) and regression errors across groups from these instead of from rows, with the
 * same disparities, tables and conditions. Without one, the check evaluates the rows it holds.
 */
public interface GroupEvaluations {
    /** Where an engine puts the evaluations of a data set, keyed by its role. */
    RunStore.Namespace NAMESPACE = RunStore.Namespace.of(GroupEvaluations.class);

    /**
     * The evaluation of all rows and of each group of {@code grouping}, as {@link GroupMetrics#evaluate} gives them.
     *
     * @param settings the evaluation settings with the task and, for a binary task, the positive class set
     */
    GroupMetrics evaluate(List<ProtectedAttribute> grouping, EvaluationSettings settings);

    /** The errors and predictions of a regression task summed per group of {@code grouping}. */
    RegressionDisparities regression(List<ProtectedAttribute> grouping);

    /** The number of rows evaluated. */
    long rows();

    /**
     * Why bootstrap intervals are not computed from these evaluations: of regression disparities, and of group
     * metrics whose {@link GroupMetrics} come without {@link GroupResamples}.
     */
    String noInterval();
}
