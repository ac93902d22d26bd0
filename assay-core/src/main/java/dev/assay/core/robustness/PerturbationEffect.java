package dev.assay.core.robustness;

import dev.assay.core.fairness.counterfactual.FlipCounts;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.List;
import java.util.Map;

/**
 * What one perturbation did to a model on the same rows.
 *
 * @param perturbation the perturbation's name
 * @param settings its settings
 * @param metric the metric id
 * @param clean the metric on the clean rows
 * @param perturbed the metric on the perturbed rows
 * @param drop the loss of quality: {@code clean − perturbed} for a metric where higher is better,
 *     {@code perturbed − clean} for a loss; positive when the perturbation hurts
 * @param dropInterval the paired bootstrap interval of {@code drop}
 * @param flips predicted classes changed and score changes of the positive class (with the Wilson interval of the
 *     flip rate)
 * @param meanAbsScoreChangeInterval a percentile bootstrap interval of the mean absolute score change
 * @param changedRows rows in which the perturbation changed at least one value
 * @param unscoredRows perturbed rows the model gave no finite score (counted as flipped and wrong)
 * @param examples a few rows before and after, flipped rows first
 */
public record PerturbationEffect(String perturbation, Map<String, String> settings, String metric, double clean, double perturbed,
        double drop, IntervalEstimate dropInterval, FlipCounts flips, IntervalEstimate meanAbsScoreChangeInterval, int changedRows,
        int unscoredRows, List<Example> examples) {

    /**
     * One row before and after.
     *
     * @param row the row as a message names it, e.g. {@code row 6 (line 7)}
     * @param changes the changed values, {@code column: before → after}
     * @param before the predicted class on the clean row
     * @param after the predicted class on the perturbed row
     * @param scoreBefore the clean score of the positive class (NaN without one)
     * @param scoreAfter the perturbed score (NaN without one)
     */
    public record Example(String row, String changes, String before, String after, double scoreBefore, double scoreAfter) {
    }
}
