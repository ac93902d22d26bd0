package dev.assay.core.robustness;

import dev.assay.core.model.ClassPredictions;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;

/**
 * How {@link PerturbationEvaluation} scores a row and measures the metric of a classifier: the positive-class
 * probability and a binary metric ({@link BinaryOutcomeScoring}), or the true-class probability and a multiclass
 * metric ({@link ClassOutcomeScoring}).
 */
interface OutcomeScoring {

    /** What a row's score is, for notes, e.g. {@code the probability of '>50K'}. */
    String scoreDescription();

    /** Each row's score; NaN where the model gives none. A model without probabilities scores 1 for the class scored. */
    double[] scores(ClassPredictions predictions);

    /** The metric on clean rows. */
    double metric(ClassPredictions clean, double[] cleanScores);

    /**
     * {@code metric(perturbed) − metric(clean)} and its paired bootstrap interval; rows flagged {@code unscored} count as
     * wrong predictions with no score.
     */
    Difference difference(ClassPredictions clean, double[] cleanScores, ClassPredictions perturbed, double[] scores,
            boolean[] unscored, IntervalSettings intervals, long seed);

    /** A metric difference with its interval. */
    record Difference(double value, IntervalEstimate interval) {
    }
}
