package dev.assay.core.abtest;

import java.util.List;

/**
 * The analysis of one experiment.
 *
 * @param data the rows analysed
 * @param settings how they were analysed
 * @param metrics one result per metric, in the order asked
 * @param srm the sample-ratio check
 * @param decision what the results say
 */
public record AbTestResult(AbTestData data, AbTestSettings settings, List<MetricResult> metrics, SampleRatioMismatch srm,
        Decision decision) {
    public AbTestResult {
        metrics = List.copyOf(metrics);
    }

    /** The result of metric {@code name}; an unknown metric throws. */
    public MetricResult metric(String name) {
        return metrics.stream().filter(m -> m.metric().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric '" + name + "' in this result"));
    }
}
