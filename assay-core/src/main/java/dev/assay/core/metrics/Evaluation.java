package dev.assay.core.metrics;

import dev.assay.core.result.ConfusionCounts;
import java.util.Optional;

import dev.assay.core.chart.Chart;
import dev.assay.core.result.EvidenceTable;
import java.util.List;

/**
 * Every metric of one task, derived from sufficient statistics computed once (confusion counts,
 * one sort of the scores, sums of residuals). Built by {@link Evaluator}; immutable.
 */
public interface Evaluation {

    /** The task that was evaluated. */
    Task task();

    /** The number of rows evaluated. */
    long rows();

    /** The ids of every metric of this task, in the catalogue's order. */
    List<String> metricIds();

    /**
     * The value of metric {@code id}; undefined (NaN, with the reason) when the data lacks what it
     * needs, such as scores or a second class.
     *
     * @throws UnknownMetricException if {@code id} is not a metric of this task
     */
    MetricValue metric(String id);

    /** Facts the reader should know: which class was positive and why, the threshold used. */
    List<String> notes();

    /**
     * Problems with the input that left some metrics undefined, one paragraph each, naming the
     * column, the row and the fix: a label with a single class, scores outside [0, 1] for probability
     * metrics. Empty when every metric the data supports could be computed. Metrics that need a
     * column the schema does not name (no scores at all) are undefined without a problem.
     */
    List<String> problems();

    /**
     * The confusion matrix as data, when predicted classes were evaluated (binary: rows and columns
     * in the order negative, positive; multiclass: the sorted classes).
     */
    Optional<ConfusionCounts> confusionMatrix();

    /**
     * Precision, recall and F1 of each class, in the order of {@link #confusionMatrix()}, as
     * scikit-learn's {@code classification_report}; empty when no predicted classes were evaluated.
     */
    List<MulticlassMetrics.ClassReport> perClass();

    /** Evidence: the confusion matrix and per-class values (classification), or nothing. */
    List<EvidenceTable> tables();

    /** Charts: confusion matrix heatmap, ROC and precision-recall curves, or a residual plot. */
    List<Chart> charts();

    /**
     * The evaluated rows' classes and scores, for measures defined row by row (calibration); present
     * for binary tasks with a score column, empty otherwise.
     */
    default Optional<BinaryScores> binaryScores() {
        return Optional.empty();
    }

    /**
     * The evaluated rows' classes and predicted classes, for measures defined row by row on
     * predictions (weak segments); present for binary tasks with predicted classes, empty otherwise.
     */
    default Optional<BinaryOutcomes> binaryOutcomes() {
        return Optional.empty();
    }
}
