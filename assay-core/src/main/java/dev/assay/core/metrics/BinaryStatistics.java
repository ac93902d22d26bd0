package dev.assay.core.metrics;

import dev.assay.core.stats.ConfusionMatrix;
import dev.assay.core.stats.ProbabilityLosses;

/**
 * The merged statistics of binary rows from which {@link Evaluator#fromStatistics(BinaryStatistics,
 * EvaluationSettings, dev.assay.core.data.Schema, String, java.util.List)} derives every binary metric:
 * the confusion counts at the decision, the probability losses and the ranking of the scores by class.
 * Each part is the result of a mergeable accumulator (or of a sweep of the distinct scores), so the
 * rows may be counted in one process or in many.
 *
 * @param positive the label value counted as positive
 * @param negative the other class's name ("not X" when the data holds only X)
 * @param rows the number of rows
 * @param positives the number of positive rows (unweighted)
 * @param confusion the 2x2 confusion matrix (negative, positive), or null without predicted classes
 * @param predictedFromScore whether the predicted classes come from the score against the threshold
 * @param ranking the ranking metrics of the scores, or null without scores
 * @param losses log loss and Brier sums, or null without scores or when {@code lossProblem} is set
 * @param lossProblem why the probability losses are undefined (scores outside [0, 1]), or null
 * @param weighted whether the rows carry sample weights
 */
public record BinaryStatistics(String positive, String negative, long rows, long positives, ConfusionMatrix confusion,
        boolean predictedFromScore, BinaryRanking ranking, ProbabilityLosses losses, String lossProblem, boolean weighted) {
}
