package dev.assay.core.robustness;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.PairedClassBootstrap;
import java.util.List;

/**
 * Multiclass scoring: a row's score is the probability of its true class (1 or 0 for a model without
 * probabilities); the metric and its difference come from {@link Evaluator#multiclass} and
 * {@link PairedClassBootstrap}. An unscored row is predicted as another class than its own, with probability 1.
 */
final class ClassOutcomeScoring implements OutcomeScoring {
    private final int[] truth;
    private final List<String> classes;
    private final EvaluationSettings settings;
    private final String metric;

    ClassOutcomeScoring(int[] truth, List<String> classes, EvaluationSettings settings, String metric) {
        this.truth = truth;
        this.classes = classes;
        this.settings = settings;
        this.metric = metric;
    }

    @Override
    public String scoreDescription() {
        return "the probability of each row's true class";
    }

    @Override
    public double[] scores(ClassPredictions c) {
        double[] out = new double[c.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.probabilities() != null ? c.probability(i, truth[i]) : c.predicted()[i] == truth[i] ? 1 : 0;
        }
        return out;
    }

    @Override
    public double metric(ClassPredictions clean, double[] cleanScores) {
        return Evaluator.multiclass(truth, clean.predicted(), classes, probabilities(clean, null), null, settings).metric(metric)
                .value();
    }

    @Override
    public Difference difference(ClassPredictions clean, double[] cleanScores, ClassPredictions perturbed, double[] scores,
            boolean[] unscored, IntervalSettings intervals, long seed) {
        int[] predicted = perturbed.predicted().clone();
        for (int i = 0; i < predicted.length; i++) {
            if (unscored[i]) {
                predicted[i] = (truth[i] + 1) % classes.size();
            }
        }
        PairedClassBootstrap paired = new PairedClassBootstrap(truth, classes, clean.predicted(), probabilities(clean, null),
                predicted, probabilities(perturbed, unscored), settings);
        double value = paired.difference(metric);
        IntervalEstimate interval;
        try {
            interval = paired.interval(metric, intervals, seed);
        } catch (InvalidInputException e) {
            interval = IntervalEstimate.undefined(e.getMessage());
        }
        return new Difference(value, interval);
    }

    /** {@code [class][row]} probabilities (null without), an unscored row's all on a class other than its own. */
    private double[][] probabilities(ClassPredictions c, boolean[] unscored) {
        if (c.probabilities() == null) {
            return null;
        }
        int k = classes.size();
        double[][] out = new double[k][c.rows()];
        for (int i = 0; i < c.rows(); i++) {
            if (unscored != null && unscored[i]) {
                out[(truth[i] + 1) % k][i] = 1;
                continue;
            }
            for (int j = 0; j < k; j++) {
                out[j][i] = c.probability(i, j);
            }
        }
        return out;
    }
}
