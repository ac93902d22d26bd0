package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryScores;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.metrics.MulticlassMetrics;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.ConfusionCounts;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Class imbalance and the model's accuracy against the baselines of scikit-learn's {@code
 * DummyClassifier}, for binary and multiclass tasks. It reads the rows, classes and predictions
 * exactly as the metric check does, through the same evaluation (shared in the run's store).
 *
 * <p>With {@code n_c} the rows of true class {@code c} (sums of sample weights when rows carry
 * weights, as {@code DummyClassifier.fit(..., sample_weight=w)} counts them), {@code n = Σ n_c} and
 * {@code k} the number of classes present in the label:
 * <ul>
 *   <li>{@code prevalence[class=c] = n_c / n}; {@code imbalance_ratio = max n_c / min n_c} (1 for
 *       balanced classes).</li>
 *   <li>{@code baseline_accuracy[strategy=most_frequent] = max_c n_c / n}, exact: always predicting
 *       the majority class. When several classes share the largest count, the majority class is the
 *       first of them in sorted class order (numeric order when every class is a number, otherwise
 *       string order), as {@code DummyClassifier}, whose {@code argmax} over {@code np.unique(y)}
 *       takes the first. {@code baseline_balanced_accuracy[strategy=most_frequent] = 1 / k} (recall 1
 *       on one class, 0 on the others); for binary tasks, {@code
 *       baseline_minority_recall[strategy=most_frequent] = baseline_minority_f1[strategy=most_frequent]
 *       = 0}.</li>
 *   <li>{@code stratified} and {@code uniform} predict at random in scikit-learn. This check reports
 *       their <em>expected</em> accuracy, computed analytically rather than by sampling: stratified
 *       predicts class {@code c} with probability {@code p_c = n_c / n}, so {@code
 *       baseline_accuracy[strategy=stratified] = Σ_c p_c²}; uniform predicts each class with
 *       probability {@code 1 / k}, so {@code baseline_accuracy[strategy=uniform] = 1 / k}. A single
 *       random draw scatters around these values.</li>
 *   <li>{@code accuracy_lift = accuracy - baseline_accuracy[strategy=most_frequent]}, the model's
 *       accuracy as the metric check measures it.</li>
 *   <li>The minority class is the class with the fewest rows in the label (for binary tasks, the less
 *       frequent of the two); ties go to the <em>last</em> in sorted class order, so that with
 *       balanced classes it is never the majority baseline's class. {@code minority_precision},
 *       {@code minority_recall} and {@code minority_f1} are the model's values for that class, as
 *       {@code precision_score(y, y_pred, pos_label=minority)} etc. (with the evaluation's {@code
 *       zero_division}); {@code average_precision} is {@code average_precision_score(y == minority,
 *       p_minority)}, where {@code p_minority} is the score, or {@code 1 - score} when the minority
 *       class is the negative one. It is undefined for multiclass tasks and without scores.</li>
 * </ul>
 *
 * <p>When {@code accuracy < baseline_accuracy[strategy=most_frequent] + margin}, a note starting
 * {@code "WARN: accuracy is misleading here"} is added to the result (and to {@code accuracy_lift}'s
 * warnings); it does not change the status, which only the conditions decide.
 *
 * <p>Edge cases: a label with a single class is an error that says to evaluate on data holding at
 * least two classes (check the {@code where:} slice); a regression task is an error that says to set
 * {@code evaluation.task}. Classes that are only predicted, never in the label, count for the model's
 * accuracy but not for prevalence, {@code k} or the baselines, as {@code DummyClassifier} never sees them.
 */
final class BaselinesCheck extends MeasuringCheck {
    static final String KIND = "baselines";
    static final List<String> MEASURES = List.of("prevalence", "imbalance_ratio", "baseline_accuracy",
            "baseline_balanced_accuracy", "baseline_minority_recall", "baseline_minority_f1", "accuracy_lift",
            "minority_precision", "minority_recall", "minority_f1", "average_precision");
    static final String MISLEADING = "WARN: accuracy is misleading here";

    private final double margin;

    BaselinesCheck(CheckSetup setup, double margin) {
        super(setup, KIND, MEASURES, Requirements.LABELLED_PREDICTIONS);
        this.margin = margin;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("margin", fmt(margin));
        out.putAll(setup().evaluation().describe());
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        Evaluation e = RunEvaluations.of(context, data, setup().evaluation());
        if (e.task() == Task.REGRESSION) {
            throw new InvalidInputException("Baselines compare classifiers, but the data was evaluated as a regression task. Set"
                    + " evaluation.task to binary or multiclass.");
        }
        ConfusionCounts cm = e.confusionMatrix().orElseThrow(() -> new InvalidInputException(
                "Baselines need the model's predicted classes: name the prediction column (columns.prediction) or the score"
                        + " column with a threshold."));
        List<String> classes = new ArrayList<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        double n = 0;
        for (int t = 0; t < cm.labels().size(); t++) {
            double support = 0;
            for (int p = 0; p < cm.labels().size(); p++) {
                support += cm.count(t, p);
            }
            if (support > 0) {
                classes.add(cm.labels().get(t));
                counts.put(cm.labels().get(t), support);
                n += support;
            }
        }
        classes.sort(classOrder(classes));
        if (classes.size() < 2) {
            throw new InvalidInputException("The label holds a single class" + (classes.isEmpty() ? "" : " ('"
                    + Excerpt.of(classes.get(0)) + "')") + " in " + e.rows() + " rows: prevalence, imbalance and the baselines need"
                    + " at least two classes. Evaluate on data that holds every class (check the where: slice and how the data"
                    + " was sampled).");
        }
        String majority = classes.get(0);
        String minority = classes.get(classes.size() - 1);
        for (String c : classes) {
            if (counts.get(c) > counts.get(majority)) {
                majority = c;
            }
            if (counts.get(c) <= counts.get(minority)) {
                minority = c;
            }
        }
        int k = classes.size();
        long rows = e.rows();
        Observations obs = new Observations();
        double stratified = 0;
        List<List<Object>> classRows = new ArrayList<>();
        for (String c : classes) {
            double p = counts.get(c) / n;
            stratified += p * p;
            obs.measurement(Measurement.of("prevalence", "class=" + c, p, rows));
            classRows.add(List.of(c, counts.get(c), p, c.equals(majority) ? "majority" : c.equals(minority) ? "minority" : ""));
        }
        obs.measurement(Measurement.of("imbalance_ratio", counts.get(majority) / counts.get(minority), rows));
        double mostFrequent = counts.get(majority) / n;
        double uniform = 1.0 / k;
        obs.measurement(Measurement.of("baseline_accuracy", "strategy=most_frequent", mostFrequent, rows));
        obs.measurement(Measurement.of("baseline_accuracy", "strategy=stratified", stratified, rows));
        obs.measurement(Measurement.of("baseline_accuracy", "strategy=uniform", uniform, rows));
        obs.measurement(Measurement.of("baseline_balanced_accuracy", "strategy=most_frequent", 1.0 / k, rows));
        if (e.task() == Task.BINARY) {
            obs.measurement(Measurement.of("baseline_minority_recall", "strategy=most_frequent", 0, rows));
            obs.measurement(Measurement.of("baseline_minority_f1", "strategy=most_frequent", 0, rows));
        }
        MetricValue accuracy = e.metric("accuracy");
        double lift = accuracy.value() - mostFrequent;
        List<String> liftWarnings = new ArrayList<>();
        if (!(accuracy.value() >= mostFrequent + margin)) {
            String warning = String.format(Locale.ROOT, "%s: the model's accuracy %.4f is %s the majority-class baseline %.4f"
                    + " (always predicting '%s', %.1f%% of rows)%s. Judge the model by balanced accuracy and the minority class's"
                    + " recall, F1 and average precision instead.", MISLEADING, accuracy.value(),
                    accuracy.value() < mostFrequent ? "below" : "within " + fmt(margin) + " of", mostFrequent,
                    Excerpt.of(majority), 100 * mostFrequent, accuracy.value() < mostFrequent ? "" : " (margin " + fmt(margin) + ")");
            obs.note(warning);
            liftWarnings.add(warning);
        }
        obs.measurement(new Measurement("accuracy_lift", null, lift, null, null, rows, accuracy.undefinedReason(), liftWarnings));
        final String minorityClass = minority;
        MulticlassMetrics.ClassReport report = e.perClass().stream().filter(r -> r.label().equals(minorityClass)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no per-class report for class '" + minorityClass + "'"));
        obs.measurement(Measurement.of("minority_precision", report.precision(), rows));
        obs.measurement(Measurement.of("minority_recall", report.recall(), rows));
        obs.measurement(Measurement.of("minority_f1", report.f1(), rows));
        obs.measurement(averagePrecision(e, minority, rows));

        obs.table(new EvidenceTable("Classes in the label (" + (cm.weighted() ? "sums of sample weights" : "rows") + ")",
                List.of("class", cm.weighted() ? "weight" : "rows", "prevalence", "role"), classRows));
        obs.table(new EvidenceTable("Accuracy of the model and of DummyClassifier baselines (stratified and uniform: expected"
                + " accuracy of their random predictions)", List.of("predictor", "accuracy", "how"), List.of(
                        List.of("model", accuracy.value(), "as the metric check measures it"),
                        List.of("most_frequent", mostFrequent, "always '" + Excerpt.of(majority) + "': max n_c / n"),
                        List.of("stratified", stratified, "random by class frequency: Σ p_c²"),
                        List.of("uniform", uniform, "random, each class equally likely: 1 / k"))));
        obs.note("Majority class '" + Excerpt.of(majority) + "', minority class '" + Excerpt.of(minority) + "' (" + k
                + " classes in the label); stratified and uniform baselines are expected accuracies, not one random draw.");
        if (cm.weighted()) {
            obs.note("Sample weights apply: prevalences and accuracies are shares of the total weight, as DummyClassifier fit with"
                    + " sample_weight.");
        }
        if (context.reference().isPresent()) {
            obs.note("The reference data set is not measured by this check.");
        }
        obs.summary(String.format(Locale.ROOT, "accuracy %.4f against %.4f always predicting '%s' (lift %+.4f); imbalance ratio"
                + " %.2f, minority class '%s' recall %.4f", accuracy.value(), mostFrequent, Excerpt.of(majority), lift,
                counts.get(majority) / counts.get(minority), Excerpt.of(minority), report.recall()));
        return obs;
    }

    private static Measurement averagePrecision(Evaluation e, String minority, long rows) {
        Optional<BinaryScores> scores = e.binaryScores();
        MetricValue v;
        if (e.task() != Task.BINARY) {
            v = MetricValue.undefined("average_precision", "average_precision of the minority class is measured for binary tasks"
                    + " with scores only.");
        } else if (scores.isEmpty()) {
            v = MetricValue.undefined("average_precision", "average_precision needs scores: name the score column (columns.score).");
        } else if (scores.get().positiveClass().equals(minority)) {
            v = e.metric("average_precision");
        } else if (scores.get().weighted()) {
            v = MetricValue.undefined("average_precision", "average_precision of the negative (minority) class is not computed"
                    + " with sample weights; make the minority class the positive one (evaluation.positive_class).");
        } else {
            v = scores.get().negativeClassAveragePrecision();
        }
        return new Measurement("average_precision", null, v.value(), null, null, rows, v.undefinedReason(), v.warnings());
    }

    /** Numeric order when every class is a number, string order otherwise (np.unique's order for numbers and for strings). */
    static Comparator<String> classOrder(List<String> classes) {
        boolean numeric = classes.stream().allMatch(BaselinesCheck::isNumber);
        return numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
