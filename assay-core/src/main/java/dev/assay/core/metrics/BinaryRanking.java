package dev.assay.core.metrics;

import dev.assay.core.stats.RankingCurve;

/**
 * The ranking metrics of binary scores and the curve their charts are drawn from: either computed
 * from the full {@link RankingCurve} (one point per distinct score), or computed elsewhere over the
 * same points (a distributed sweep of the distinct scores) with a thinned curve for the charts.
 *
 * @param rocAuc ROC AUC, or undefined with the reason
 * @param averagePrecision average precision, or undefined with the reason
 * @param chart the curve the ROC and precision-recall charts are drawn from
 * @param note how the values were computed when not from the full curve; null otherwise
 */
public record BinaryRanking(MetricValue rocAuc, MetricValue averagePrecision, RankingCurve chart, String note) {

    /** The metrics of the full curve, as {@link BinaryMetrics#rocAuc} and {@link BinaryMetrics#averagePrecision}. */
    public static BinaryRanking of(RankingCurve curve) {
        return new BinaryRanking(BinaryMetrics.rocAuc(curve), BinaryMetrics.averagePrecision(curve), curve, null);
    }

    /**
     * Metrics computed over the distinct scores elsewhere; undefined, with the reasons of
     * {@link #of}, unless both classes have positive weight.
     *
     * @param positives the total positive weight
     * @param negatives the total negative weight
     */
    public static BinaryRanking computed(double positives, double negatives, double rocAuc, double averagePrecision,
            RankingCurve chart, String note) {
        return new BinaryRanking(BinaryMetrics.rocAuc(positives, negatives, rocAuc),
                BinaryMetrics.averagePrecision(positives, negatives, averagePrecision), chart, note);
    }
}
