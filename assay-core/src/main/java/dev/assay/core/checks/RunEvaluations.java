package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.RunStore;
import dev.assay.core.data.Dataset;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one evaluation of a data set per run and settings, shared by every kind that reads predictions
 * (metric, calibration, baselines, and kinds from other jars): computed by the first check that
 * asks, kept in the run's store under one namespace and key.
 */
public final class RunEvaluations {
    private static final RunStore.Namespace NAMESPACE = RunStore.Namespace.of(Evaluator.class);

    private RunEvaluations() {
    }

    /** The evaluation of {@code data} (the current or reference set, or a slice of them) with {@code settings}. */
    public static Evaluation of(CheckContext context, Dataset data, EvaluationSettings settings) {
        return context.store(NAMESPACE).getOrCompute(List.of(data.info().role(), settings), Evaluation.class,
                () -> Evaluator.evaluate(data.frame(), data.schema(), settings));
    }

    /**
     * Stores the evaluation of {@code data} with {@code settings} computed another way (from
     * statistics merged on a cluster), so that every kind asking {@link #of} for it receives it. A
     * failure of {@code compute} is stored too and rethrown to each kind that asks, as locally.
     */
    public static void put(CheckContext context, Dataset data, EvaluationSettings settings, Supplier<Evaluation> compute) {
        try {
            context.store(NAMESPACE).getOrCompute(List.of(data.info().role(), settings), Evaluation.class, compute);
        } catch (RuntimeException e) {
            // kept in the store: the check that asks receives it
        }
    }
}
