package dev.assay.core.explain;

import dev.assay.core.data.Column;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassMapping;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.model.ValuePredictions;
import java.util.List;

/**
 * A {@link Scorer} from any metric of {@code dev.assay.core.metrics}: the predictions are evaluated
 * against the label with the given settings, and the metric's value is negated when lower is better
 * (as scikit-learn's {@code neg_log_loss}), so that a higher score is always better. A classifier's
 * classes are matched to the label values by {@link ClassMapping#toLabel}; binary metrics score the
 * probability of the positive class and its predicted classes are the model's own.
 */
public final class MetricScorer {

    private MetricScorer() {
    }

    /**
     * @param metric a metric id of {@code settings.task()} (which must be given)
     * @param label the true values of the scored rows
     * @param model the model's name, for messages
     * @throws InvalidInputException if the metric is unknown for the task, counts rather than scores, or
     *     the binary task has no positive class
     */
    public static Scorer of(String metric, Column label, EvaluationSettings settings, String model) {
        Task task = settings.task();
        if (task == null) {
            throw new IllegalArgumentException("the task must be given");
        }
        MetricInfo info = MetricCatalog.find(task, metric).orElseThrow(() -> new InvalidInputException("'" + metric
                + "' is not a " + task.id() + " metric; choose one of " + MetricCatalog.ids(task) + "."));
        if (info.direction() == MetricInfo.Direction.NEUTRAL) {
            throw new InvalidInputException("Metric '" + metric + "' is a count, neither higher nor lower is better; choose a"
                    + " metric that scores the model for permutation importance.");
        }
        if (task == Task.BINARY && settings.positiveClass() == null) {
            throw new InvalidInputException("Permutation importance with a binary metric needs the positive class; name it.");
        }
        double sign = info.direction() == MetricInfo.Direction.HIGHER_IS_BETTER ? 1 : -1;
        return predictions -> {
            MetricValue value = task == Task.REGRESSION ? Evaluator.regression(numeric(label), ((ValuePredictions) predictions)
                    .values(), null, settings).metric(metric) : classes(predictions, label, settings, model).metric(metric);
            if (value.undefinedReason() != null) {
                throw new InvalidInputException("Metric '" + metric + "' is undefined on the data: " + value.undefinedReason());
            }
            return sign * value.value();
        };
    }

    /**
     * {@link #of} with the gaps of {@code settings} filled from the model: its task when none is set, and for
     * a binary task {@code positiveClass}, else the model's last class, as the positive class.
     */
    public static Scorer forModel(String metric, Column label, EvaluationSettings settings, Model model, String positiveClass) {
        ModelInfo info = model.info();
        EvaluationSettings s = settings.task() == null ? settings.withTask(info.task()) : settings;
        if (s.task() == Task.BINARY && s.positiveClass() == null) {
            s = s.withPositiveClass(positiveClass != null ? positiveClass : info.classes().get(info.classes().size() - 1));
        }
        return of(metric, label, s, info.name());
    }

    private static Evaluation classes(Predictions predictions, Column label,
            EvaluationSettings settings, String model) {
        if (!(predictions instanceof ClassPredictions raw)) {
            throw new InvalidInputException("Model " + model + " predicts numbers, but the metric is for classes.");
        }
        ClassPredictions c = (ClassPredictions) ClassMapping.toLabel(model, raw.classes(), label).apply(raw);
        List<String> classes = c.classes();
        int n = c.rows();
        if (settings.task() == Task.BINARY) {
            int positive = classes.indexOf(settings.positiveClass());
            if (positive < 0) {
                throw new InvalidInputException("Model " + model + " has no class '" + settings.positiveClass() + "' (its classes: "
                        + classes + ").");
            }
            boolean[] truth = new boolean[n];
            boolean[] predicted = new boolean[n];
            double[] score = c.probabilities() == null ? null : new double[n];
            for (int i = 0; i < n; i++) {
                truth[i] = settings.positiveClass().equals(label.format(i));
                predicted[i] = c.predicted()[i] == positive;
                if (score != null) {
                    score[i] = c.probability(i, positive);
                }
            }
            return Evaluator.binary(truth, score, predicted, null, settings);
        }
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = classes.indexOf(label.format(i));
            if (truth[i] < 0) {
                throw new InvalidInputException("Label value '" + label.format(i) + "' of row " + (i + 1) + " in column '"
                        + label.name() + "' is none of the model's classes " + classes + ".");
            }
        }
        double[][] probabilities = null;
        if (c.probabilities() != null) {
            probabilities = new double[classes.size()][n];
            for (int k = 0; k < classes.size(); k++) {
                for (int i = 0; i < n; i++) {
                    probabilities[k][i] = c.probability(i, k);
                }
            }
        }
        return Evaluator.multiclass(truth, c.predicted(), classes, probabilities, null, settings);
    }

    private static double[] numeric(Column label) {
        if (label instanceof NumericColumn n) {
            return n.toArray();
        }
        throw new InvalidInputException("Label column '" + label.name() + "' is " + label.type() + "; a regression metric needs"
                + " numbers.");
    }
}
