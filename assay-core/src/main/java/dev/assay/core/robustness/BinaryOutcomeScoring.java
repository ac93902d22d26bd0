package dev.assay.core.robustness;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.PairedBootstrap;
import java.util.List;

/**
 * Binary scoring: a row's score is the probability of the positive class, predicted positive when at least the
 * threshold; the metric and its difference come from {@link Evaluator#binary} and {@link PairedBootstrap}. An unscored
 * row scores as the wrong class.
 */
final class BinaryOutcomeScoring implements OutcomeScoring {
    private final boolean[] truth;
    private final EvaluationSettings settings;
    private final String metric;

    BinaryOutcomeScoring(boolean[] truth, EvaluationSettings settings, String metric) {
        this.truth = truth;
        this.settings = settings;
        this.metric = metric;
    }

    @Override
    public String scoreDescription() {
        return "the probability of '" + settings.positiveClass() + "'";
    }

    @Override
    public double[] scores(ClassPredictions c) {
        int k = c.classes().indexOf(settings.positiveClass());
        double[] out = new double[c.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.probabilities() != null ? c.probability(i, k) : c.predicted()[i] == k ? 1 : 0;
        }
        return out;
    }

    @Override
    public double metric(ClassPredictions clean, double[] cleanScores) {
        return Evaluator.binary(truth, cleanScores, null, null, settings).metric(metric).value();
    }

    @Override
    public Difference difference(ClassPredictions clean, double[] cleanScores, ClassPredictions perturbed, double[] scores,
            boolean[] unscored, IntervalSettings intervals, long seed) {
        double[] s = scores.clone();
        for (int i = 0; i < s.length; i++) {
            if (unscored[i]) {
                s[i] = truth[i] ? 0 : 1;
            }
        }
        PairedBootstrap paired = new PairedBootstrap(truth, cleanScores, s, settings);
        double value = paired.differences(List.of(metric)).get(metric);
        IntervalEstimate interval;
        try {
            interval = paired.intervals(List.of(metric), intervals, seed).get(metric);
        } catch (InvalidInputException e) {
            interval = IntervalEstimate.undefined(e.getMessage());
        }
        return new Difference(value, interval);
    }
}
