package dev.assay.core.fairness;

import dev.assay.core.check.RunStore;
import java.util.List;

/**
 * Group counts of a data set whose rows are not in this process (a distributed engine counts them
 * where they are and merges the counts). An engine puts one in the run's store under
 * {@link #NAMESPACE} and the data set's role ({@code current}); the {@code fairness} check then
 * assesses these counts ({@link FairnessAssessment#assess(List, FairnessAssessment.Plan)}) instead
 * of counting rows. Without one, the check counts the rows it holds.
 */
public interface GroupTallies {
    /** Where an engine puts the tallies of a data set, keyed by its role. */
    RunStore.Namespace NAMESPACE = RunStore.Namespace.of(GroupTallies.class);

    /**
     * The counts of each grouping, in order: a row is actually positive when its label is
     * {@code favorable} and predicted positive when its prediction is.
     */
    List<GroupCounts> count(List<List<ProtectedAttribute>> groupings, String favorable);

    /** The number of rows counted. */
    long rows();
}
