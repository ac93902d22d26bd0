package dev.assay.core.fairness;

import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.List;
import java.util.Map;

/**
 * The bootstrap of group metrics whose rows are elsewhere: a distributed engine draws the resamples where
 * the rows are and hands back their evaluations, from which {@link GroupMetrics#disparities} and
 * {@link MetricComparison} compute the percentile intervals as they do for local rows.
 */
public interface GroupResamples {
    /**
     * The group metrics of each of {@code settings.resamples()} resamples, each group's rows drawn to its size
     * (as {@link GroupMetrics#evaluate} resamples them), with all drawn rows as the overall evaluation.
     */
    GroupMetrics[] replicates(FairnessSettings settings);

    /**
     * The interval of each of {@code ids} on the rows of {@code group} alone, resampled by class as
     * {@link dev.assay.core.uncertainty.MetricIntervals} does.
     */
    Map<String, IntervalEstimate> intervals(int group, List<String> ids, FairnessSettings settings);

    /** Why metric {@code id} gets no interval from these resamples, or null when it does. */
    String noInterval(String id);
}
