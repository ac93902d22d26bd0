package dev.assay.core.checks;

import dev.assay.core.check.RunStore;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.slicing.SliceFilters;
import dev.assay.core.slicing.SlicePlan;
import dev.assay.core.slicing.SlicedEvaluation;
import java.util.Map;

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

    /**
     * The slices of {@code sliced} (as {@link #evaluate} gave them) in the reference data, each selected by its
     * terms as {@link SliceFilters} selects it (a quantile bin keeps the current data's edges) and evaluated with
     * {@code settings}, by slice key. A slice that no reference row falls in, or whose rows cannot be evaluated,
     * is absent, as the local check leaves its reference value out. Empty without reference data.
     */
    Map<String, Evaluation> onReference(SlicedEvaluation sliced, EvaluationSettings settings);
}
