package dev.assay.core.slicing;

import dev.assay.core.check.RunStore;
import dev.assay.core.metrics.EvaluationSettings;

/**
 * The sliced evaluation of a data set whose rows are not in this process (a distributed engine bins
 * the values and merges each slice's statistics where the rows are). An engine puts one in the run's
 * store under {@link #NAMESPACE} and the data set's role; the {@code slices} check then reports it
 * ({@link SlicedEvaluation#of(SlicePlan, dev.assay.core.metrics.Evaluation, EvaluationSettings, java.util.List,
 * java.util.List, java.util.List, long[], java.util.List)}) instead of slicing rows.
 */
public interface SliceEvaluations {
    /** Where an engine puts the evaluations of a data set, keyed by its role. */
    RunStore.Namespace NAMESPACE = RunStore.Namespace.of(SliceEvaluations.class);

    /** Every slice of {@code plan} evaluated with {@code settings}, as {@link SlicedEvaluation#of(dev.assay.core.data.Frame,
     * dev.assay.core.data.Schema, EvaluationSettings, SlicePlan, long)} gives it for the rows ({@code seed}: of the bootstrap). */
    SlicedEvaluation evaluate(SlicePlan plan, EvaluationSettings settings, long seed);
}
