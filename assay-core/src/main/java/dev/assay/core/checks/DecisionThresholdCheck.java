package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryScores;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.result.Measurement;
import dev.assay.core.thresholds.Constraint;
import dev.assay.core.thresholds.CostMatrix;
import dev.assay.core.thresholds.OperatingPoints;
import dev.assay.core.thresholds.ThresholdMetric;
import dev.assay.core.thresholds.ThresholdSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the decision threshold of binary scores on the current data set (see
 * {@link DecisionThresholdCheckKind}) and measures it and the metrics there, then judges conditions
 * such as {@code threshold >= 0.3} or {@code expected_cost <= 0.4}. It reads the rows, positive class,
 * scores and sample weights exactly as the metric check does, through the same evaluation. Candidate
 * thresholds are the distinct scores; a row is positive when its score is {@code >=} the threshold.
 */
final class DecisionThresholdCheck extends MeasuringCheck {
    static final String KIND = "decision_threshold";
    static final List<String> POINT_MEASURES = List.of("threshold", "precision", "recall", "fpr", "specificity", "f1",
            "accuracy", "balanced_accuracy", "youden_j", "mcc", "true_positives", "false_positives", "false_negatives",
            "true_negatives");
    static final List<String> COST_MEASURES = List.of("expected_cost", "optimal_expected_cost", "cost_optimal_threshold",
            "bayes_threshold", "bayes_expected_cost");

    private final ThresholdMetric metric;
    private final double beta;
    private final Constraint constraint;
    private final CostMatrix costs;

    /** @param metric the metric to optimise, or null to minimise the expected cost under {@code costs} */
    DecisionThresholdCheck(CheckSetup setup, ThresholdMetric metric, double beta, Constraint constraint, CostMatrix costs) {
        super(setup, KIND, measures(metric, costs), Requirements.LABELLED_PREDICTIONS);
        this.metric = metric;
        this.beta = beta;
        this.constraint = constraint;
        this.costs = costs;
    }

    private static Set<String> measures(ThresholdMetric metric, CostMatrix costs) {
        Set<String> out = new LinkedHashSet<>(POINT_MEASURES);
        if (metric == ThresholdMetric.F_BETA) {
            out.add("f_beta");
        }
        if (costs != null) {
            out.addAll(COST_MEASURES);
        }
        return out;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("optimize", objective());
        if (constraint != null) {
            out.put("constraint", constraint.toString());
        }
        if (costs != null) {
            out.put("costs", String.format(Locale.ROOT, "true_positive %s, false_positive %s, false_negative %s, true_negative %s",
                    costs.truePositive(), costs.falsePositive(), costs.falseNegative(), costs.trueNegative()));
        }
        out.putAll(setup().evaluation().describe());
        return out;
    }

    private String objective() {
        if (metric == null) {
            return DecisionThresholdCheckKind.COST;
        }
        return metric == ThresholdMetric.F_BETA ? "f_beta (beta " + beta + ")" : metric.id();
    }

    @Override
    protected Observations measure(CheckContext context) {
        BinaryScores scores = scores(context);
        OperatingPoints points = new OperatingPoints(scores.curve());
        if (points.size() == 0) {
            throw new InvalidInputException("The decision threshold needs rows with scores, but there are none to evaluate.");
        }
        if (!(points.positives() > 0 && points.negatives() > 0)) {
            throw new InvalidInputException("The label holds only one class (positive class '" + Excerpt.of(scores.positiveClass())
                    + "'): every threshold is equally right or wrong. Evaluate on data that holds both classes.");
        }
        int chosen = metric == null ? ThresholdSearch.leastCost(points, costs) : ThresholdSearch.best(points, metric, beta, constraint);
        if (chosen < 0 && metric != null) {
            throw new InvalidInputException(metric.id() + " is undefined at every threshold.");
        }
        double decision = setup().evaluation().threshold();
        int current = points.indexAt(decision);
        long n = scores.rows();
        Observations obs = new Observations();
        for (String id : measures()) {
            obs.measurement(measurement(id, value(points, id, chosen, current), n));
        }
        List<ThresholdEvidence.Marked> marked = new ArrayList<>();
        marked.add(new ThresholdEvidence.Marked("chosen (" + objective() + ")", chosen));
        marked.add(new ThresholdEvidence.Marked("decision threshold " + decision, current));
        if (costs != null && metric != null) {
            marked.add(new ThresholdEvidence.Marked("least cost", ThresholdSearch.leastCost(points, costs)));
        }
        ThresholdEvidence evidence = new ThresholdEvidence(points, metric, beta, costs);
        obs.chart(evidence.roc(marked));
        obs.chart(evidence.precisionRecall(marked));
        obs.chart(evidence.againstThreshold(marked));
        obs.table(evidence.operatingPoints(marked));
        obs.note("Positive class '" + Excerpt.of(scores.positiveClass()) + "'"
                + (scores.scoreColumn() == null ? "" : ", scores from column '" + Excerpt.of(scores.scoreColumn()) + "'")
                + "; thresholds are the " + points.size() + " distinct scores, a row is positive when its score is >= the threshold.");
        if (costs != null) {
            obs.note(String.format(Locale.ROOT, "expected_cost is the cost per row at the decision threshold %s; the Bayes threshold"
                    + " %.4g is optimal for calibrated scores.", decision, costs.bayesThreshold()));
        }
        obs.summary((chosen < 0 ? "predicting nothing positive (a threshold above every score) " + aim()
                : String.format(Locale.ROOT, "threshold %.4g %s: precision %.4f, recall %.4f, fpr %.4f", points.threshold(chosen),
                        aim(), ThresholdMetric.PRECISION.at(points, chosen, beta), ThresholdMetric.RECALL.at(points, chosen, beta),
                        ThresholdMetric.FPR.at(points, chosen, beta)))
                + (costs == null ? "" : String.format(Locale.ROOT, "; expected cost per row %.4f at %s, %.4f at best",
                        costs.expectedCost(points, current), decision, costs.expectedCost(points, ThresholdSearch.leastCost(points, costs)))));
        return obs;
    }

    /** "maximises f1 where recall >= 0.9", "minimises the expected cost". */
    private String aim() {
        if (metric == null) {
            return "minimises the expected cost";
        }
        return (metric.higherIsBetter() ? "maximises " : "minimises ") + objective() + (constraint == null ? "" : " where " + constraint);
    }

    private double value(OperatingPoints p, String id, int chosen, int current) {
        return switch (id) {
            case "threshold" -> p.threshold(chosen);
            case "f_beta" -> ThresholdMetric.F_BETA.at(p, chosen, beta);
            case "true_positives" -> p.truePositives(chosen);
            case "false_positives" -> p.falsePositives(chosen);
            case "false_negatives" -> p.falseNegatives(chosen);
            case "true_negatives" -> p.trueNegatives(chosen);
            case "expected_cost" -> costs.expectedCost(p, current);
            case "optimal_expected_cost" -> costs.expectedCost(p, ThresholdSearch.leastCost(p, costs));
            case "cost_optimal_threshold" -> p.threshold(ThresholdSearch.leastCost(p, costs));
            case "bayes_threshold" -> costs.bayesThreshold();
            case "bayes_expected_cost" -> Double.isNaN(costs.bayesThreshold()) ? Double.NaN
                    : costs.expectedCost(p, p.indexAt(costs.bayesThreshold()));
            default -> ThresholdMetric.parse(id, "measure").at(p, chosen, beta);
        };
    }

    private static Measurement measurement(String id, double value, long n) {
        String note = Double.isNaN(value) ? (id.startsWith("bayes")
                ? "the Bayes threshold needs errors that cost more than the matching correct decisions."
                : id + " is undefined at this threshold.") : null;
        return new Measurement(id, value, null, null, n, note, List.of());
    }

    /** The rows' classes and scores as the metric check's evaluation of the current data set read them. */
    private BinaryScores scores(CheckContext context) {
        Evaluation e = RunEvaluations.of(context, context.current(), setup().evaluation());
        return e.binaryScores().orElseThrow(() -> new InvalidInputException(switch (e.task()) {
            case BINARY -> "The decision threshold needs scores: name the score column (columns.score, the probability of the"
                    + " positive class) or the class probability columns.";
            default -> "The decision threshold needs the scores of a binary task, but the data was evaluated as a " + e.task().id()
                    + " task. Set evaluation.task to binary and name the score column (the probability of the positive class).";
        }));
    }
}
