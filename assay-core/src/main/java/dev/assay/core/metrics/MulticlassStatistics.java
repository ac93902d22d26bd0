package dev.assay.core.metrics;

import dev.assay.core.stats.ConfusionMatrix;
import dev.assay.core.stats.ProbabilityLosses;
import java.util.List;

/**
 * The merged statistics of multiclass rows from which {@link Evaluator#fromStatistics(MulticlassStatistics,
 * EvaluationSettings, dev.assay.core.data.Schema, String, List)} derives every multiclass metric: the
 * k x k confusion matrix over the classes that occur as truth or prediction, and, with class
 * probabilities, the log loss sums and each class's one-vs-rest ranking. Each part is the result of a
 * mergeable accumulator (or of a sweep of the distinct probabilities), so the rows may be counted in
 * one process or in many.
 *
 * @param classes the classes that occur in the label or the predictions, in class order
 * @param rows the number of rows
 * @param labelRows per class, its rows in the label (unweighted)
 * @param confusion the confusion matrix over {@code classes}, or null without predicted classes
 * @param predictedFromProbabilities whether each row was predicted as its class of highest probability
 * @param weighted whether the rows carry sample weights
 * @param probabilities the statistics of the class probabilities, or null without probability columns
 */
public record MulticlassStatistics(List<String> classes, long rows, long[] labelRows, ConfusionMatrix confusion,
        boolean predictedFromProbabilities, boolean weighted, Probabilities probabilities) {

    /**
     * What the probability metrics need of the class probability columns.
     *
     * @param classes the classes with a probability column, in class order, named as {@code classes} of the statistics
     * @param columns the probability column of each
     * @param firstUncoveredRow the first row (0-based) whose label class has no probability column; -1 if none
     * @param outside the first probability outside [0, 1] (first column in class order, then first row), or null
     * @param badSum the first row whose probabilities do not sum to 1 within {@link Evaluator#PROBABILITY_SUM_TOLERANCE}
     *     (column -1, value the sum), or null
     * @param losses the log loss sums; null when a label class has no column or a probability is outside [0, 1]
     * @param rankings per probability class, its ranking against the rest; null unless there are two or more
     *     probability classes, each in the label, and every label class has a column
     */
    public record Probabilities(List<String> classes, List<String> columns, long firstUncoveredRow, Offending outside,
            Offending badSum, ProbabilityLosses losses, List<ClassRanking> rankings) {
    }

    /**
     * A value that makes a metric undefined and where it is.
     *
     * @param column the index of the probability column, or -1 for a row's sum
     * @param row the 0-based row
     * @param value the value
     */
    public record Offending(int column, long row, double value) {
    }

    /**
     * One class's probability ranked against the rest, as {@link dev.assay.core.stats.RankingCurve} gives it.
     *
     * @param positives the total weight of the class's rows (its support)
     * @param rocAuc ROC AUC, NaN unless the class and the rest have positive weight
     * @param averagePrecision average precision, NaN unless the class has positive weight
     */
    public record ClassRanking(double positives, double rocAuc, double averagePrecision) {
    }
}
