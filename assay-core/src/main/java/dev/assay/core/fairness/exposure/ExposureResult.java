package dev.assay.core.fairness.exposure;

import java.util.List;

/**
 * Exposure of the groups over all rankings.
 *
 * @param groups each group in order of first appearance in the data
 * @param queries the number of rankings
 * @param rows the rows ranked
 * @param topKPlaces {@code Σ_q min(k, n_q)}, the places in the tops
 * @param k the top length
 */
public record ExposureResult(List<GroupExposure> groups, int queries, int rows, long topKPlaces, int k) {
    public ExposureResult {
        groups = List.copyOf(groups);
    }

    /**
     * The lowest group exposure over the highest, {@code min_g Exposure(g) / max_g Exposure(g)}: 1 when
     * every group is seen equally (demographic parity of exposure).
     */
    public double exposureRatio() {
        return minOverMax(groups.stream().mapToDouble(GroupExposure::exposure).toArray());
    }

    /**
     * Singh and Joachims' disparate treatment ratio for any number of groups:
     * {@code min_g (Exposure(g) / U(g)) / max_g (Exposure(g) / U(g))}, with {@code U(g)} the group's mean
     * relevance; 1 when exposure is proportional to relevance. NaN when a group has no relevance.
     */
    public double disparateTreatmentRatio() {
        return minOverMax(groups.stream().mapToDouble(GroupExposure::exposurePerRelevance).toArray());
    }

    private static double minOverMax(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return values.length < 2 || max == 0 ? Double.NaN : min / max;
    }
}
