package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.RunStore;
import dev.assay.core.data.Dataset;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The confidence intervals of metrics of a data set per run, evaluation settings, interval settings,
 * seed and metric ids, kept in the run's store: computed by the metric check from the rows
 * ({@link MetricIntervals}), or stored beforehand by an engine that computed them another way (a
 * Poisson bootstrap on a cluster).
 */
public final class RunIntervals {
    private static final RunStore.Namespace NAMESPACE = RunStore.Namespace.of(MetricIntervals.class);

    private RunIntervals() {
    }

    /** The intervals of the metrics, by id. */
    private record Intervals(Map<String, IntervalEstimate> byMetric) {
    }

    /** The intervals of {@code ids} on {@code data}, computed by {@code compute} unless stored. */
    public static Map<String, IntervalEstimate> of(CheckContext context, Dataset data, EvaluationSettings settings,
            IntervalSettings ci, long seed, List<String> ids, Supplier<Map<String, IntervalEstimate>> compute) {
        return context.store(NAMESPACE).getOrCompute(key(data, settings, ci, seed, ids), Intervals.class,
                () -> new Intervals(compute.get())).byMetric();
    }

    /** Stores the intervals {@code of} returns for these arguments; a failure of {@code compute} is stored too. */
    public static void put(CheckContext context, Dataset data, EvaluationSettings settings, IntervalSettings ci, long seed,
            List<String> ids, Supplier<Map<String, IntervalEstimate>> compute) {
        try {
            of(context, data, settings, ci, seed, ids, compute);
        } catch (RuntimeException e) {
            // kept in the store: the check that asks receives it
        }
    }

    private static List<Object> key(Dataset data, EvaluationSettings settings, IntervalSettings ci, long seed, List<String> ids) {
        return List.of(data.info().role(), settings, ci, seed, List.copyOf(ids));
    }
}
