package dev.assay.core.fairness.exposure;

/**
 * One group's place in the rankings.
 *
 * @param group the group's value
 * @param rows its rows over all rankings
 * @param exposure its mean position weight {@code Σ 1/log2(1 + position) / rows}
 * @param relevance its mean relevance {@code Σ relevance / rows}; NaN without a relevance column
 * @param topK its rows among the top k of each ranking
 * @param share its share of all rows, {@code rows / N}
 * @param topKShare its share of the top-k places, {@code topK / Σ_q min(k, n_q)}
 */
public record GroupExposure(String group, long rows, double exposure, double relevance, long topK, double share, double topKShare) {

    /** Exposure per unit of relevance, {@code exposure / relevance}; NaN without relevance or when it is 0. */
    public double exposurePerRelevance() {
        return relevance > 0 ? exposure / relevance : Double.NaN;
    }

    /** Representation in the top k against the group's share, {@code topKShare / share}. */
    public double topKRatio() {
        return topKShare / share;
    }
}
