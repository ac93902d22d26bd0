package dev.assay.core.robustness;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.counterfactual.FlipCounts;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassMapping;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.Predictions;
import dev.assay.core.result.Interval;
import dev.assay.core.uncertainty.BootstrapIntervals;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a classifier on clean rows once and on each perturbation of them (one predict call per
 * perturbation, over all rows) and measures the effect ({@link PerturbationEffect}):
 * <ul>
 *   <li>metric drop, with the paired bootstrap percentile interval of the difference (the same stratified
 *       resamples of rows for the clean and the perturbed predictions, seeded by {@code seed}):
 *       {@link dev.assay.core.uncertainty.PairedBootstrap} for a binary model, where a row is predicted positive when
 *       its score is at least the threshold as in every binary evaluation, and
 *       {@link dev.assay.core.uncertainty.PairedClassBootstrap} for a multiclass one;</li>
 *   <li>flip rate: rows whose predicted class (the model's own) changed, with a Wilson interval
 *       ({@link FlipCounts});</li>
 *   <li>mean absolute and mean signed change of the score (binary: the positive-class probability; multiclass: the
 *       probability of the row's true class), the former with a percentile bootstrap
 *       interval over rows (resamples drawn from {@code new SplittableRandom(seed)}).</li>
 * </ul>
 * A perturbed row the model gives no finite score (e.g. NaN for a missing input) counts as a flip and, for the
 * metric, as a wrong prediction; it is left out of the score changes and counted in
 * {@link PerturbationEffect#unscoredRows()}.
 *
 * <p>A model without probabilities scores 1 for the class scored and 0 otherwise, so that the metric drop is
 * defined for the metrics of hard predictions (accuracy, recall...) and score changes measure flips.
 */
public final class PerturbationEvaluation {
    private final Model model;
    private final Frame rows;
    private final Column label;
    private final String metric;
    private final IntervalSettings intervals;
    private final long seed;
    private final OutcomeScoring scoring;
    private final String positiveClass;
    private final Task task;
    private final ClassPredictions cleanClasses;
    private final double[] cleanScores;

    /**
     * Predicts the clean rows (one call).
     *
     * @param settings the evaluation settings; the positive class defaults to the greater class name (as
     *     scikit-learn's {@code pos_label})
     * @param metric a metric id of the model's task (binary or multiclass), e.g. {@code accuracy}
     * @throws InvalidInputException for a model that is not a classifier, a missing label value or one the model
     *     does not know (naming the row), an unknown metric, or a positive class the model does not have
     */
    public PerturbationEvaluation(Model model, Frame rows, Column label, EvaluationSettings settings, String metric,
            IntervalSettings intervals, long seed) {
        this.model = model;
        this.rows = rows;
        this.label = label;
        this.metric = metric;
        this.intervals = intervals;
        this.seed = seed;
        if (rows.rowCount() == 0) {
            throw new InvalidInputException("The data has no rows, so there is nothing to perturb.");
        }
        ClassPredictions first = classes(rows);
        List<String> classes = first.classes();
        for (int i = 0; i < rows.rowCount(); i++) {
            if (label.isMissing(i)) {
                throw new InvalidInputException("The label column '" + Excerpt.of(label.name()) + "' has no value in "
                        + rows.describeRow(i) + "; fill it in or drop the row.");
            }
        }
        this.task = classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        MetricCatalog.get(task, metric);
        this.positiveClass = task == Task.BINARY ? positiveClass(classes, settings) : null;
        this.scoring = task == Task.BINARY ? binaryScoring(settings) : classScoring(classes, settings);
        this.cleanClasses = first;
        this.cleanScores = scoring.scores(first);
        for (int i = 0; i < cleanScores.length; i++) {
            if (!Double.isFinite(cleanScores[i])) {
                throw new InvalidInputException("Model " + model.info().name() + " gives no finite score for the clean "
                        + rows.describeRow(i) + "; a perturbation is measured against clean rows the model can score. "
                        + "Drop or fill the rows it cannot score.");
            }
        }
    }

    private String positiveClass(List<String> classes, EvaluationSettings settings) {
        String positive = settings.positiveClass() != null ? settings.positiveClass()
                : classes.get(0).compareTo(classes.get(1)) > 0 ? classes.get(0) : classes.get(1);
        if (!classes.contains(positive)) {
            throw new InvalidInputException("Model " + model.info().name() + " has no class '" + Excerpt.of(positive)
                    + "' (its classes: " + classes + "); name the positive class as the label does.");
        }
        return positive;
    }

    private OutcomeScoring binaryScoring(EvaluationSettings settings) {
        boolean[] truth = new boolean[rows.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = label.format(i).equals(positiveClass);
        }
        return new BinaryOutcomeScoring(truth, new EvaluationSettings(Task.BINARY, positiveClass, settings.threshold(),
                settings.zeroDivision()), metric);
    }

    private OutcomeScoring classScoring(List<String> classes, EvaluationSettings settings) {
        int[] truth = new int[rows.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = classes.indexOf(label.format(i));
            if (truth[i] < 0) {
                throw new InvalidInputException("The label column '" + Excerpt.of(label.name()) + "' holds '"
                        + Excerpt.of(label.format(i)) + "' in " + rows.describeRow(i) + ", which is not a class of model "
                        + model.info().name() + " (its classes: " + classes + "); drop the row or use a model that knows "
                        + "the class.");
            }
        }
        return new ClassOutcomeScoring(truth, classes, settings.withTask(Task.MULTICLASS), metric);
    }

    /** The positive class the scores are of; null for a multiclass model, whose scores are of each row's true class. */
    public String positiveClass() {
        return positiveClass;
    }

    /** What a row's score is, e.g. {@code the probability of '>50K'}. */
    public String scoreDescription() {
        return scoring.scoreDescription();
    }

    /** The task measured: binary or multiclass. */
    public Task task() {
        return task;
    }

    /**
     * Applies {@code perturbation} to the rows with {@code seed}, predicts them (one call) and measures the effect.
     *
     * @param examples how many example rows to keep
     */
    public PerturbationEffect measure(Perturbation perturbation, PerturbationTarget target, int examples) {
        Frame changed = perturbation.apply(rows, target, seed);
        ClassPredictions a = classes(changed);
        double[] s = scoring.scores(a);
        boolean[] unscored = new boolean[s.length];
        int missing = 0;
        long flips = 0;
        double sumAbs = 0;
        double maxAbs = 0;
        double sum = 0;
        double[] abs = new double[s.length];
        int scored = 0;
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                unscored[i] = true;
                missing++;
                flips++;
                continue;
            }
            flips += a.predicted()[i] != cleanClasses.predicted()[i] ? 1 : 0;
            double d = s[i] - cleanScores[i];
            abs[scored++] = Math.abs(d);
            sumAbs += Math.abs(d);
            maxAbs = Math.max(maxAbs, Math.abs(d));
            sum += d;
        }
        int n = s.length;
        FlipCounts counts = new FlipCounts(n, flips, scored, sumAbs, maxAbs, sum);
        OutcomeScoring.Difference difference = scoring.difference(cleanClasses, cleanScores, a, s, unscored, intervals, seed);
        boolean loss = MetricCatalog.get(task, metric).direction() == MetricInfo.Direction.LOWER_IS_BETTER;
        double cleanValue = scoring.metric(cleanClasses, cleanScores);
        double drop = loss ? difference.value() : 0.0 - difference.value();
        IntervalEstimate dropInterval = dropInterval(difference.interval(), loss);
        List<Integer> changedRows = changedRows(rows, changed, target);
        return new PerturbationEffect(perturbation.name(), perturbation.settings(), metric, cleanValue, cleanValue + difference.value(),
                drop, dropInterval, counts, meanInterval(java.util.Arrays.copyOf(abs, scored)), changedRows.size(), missing,
                examples(changed, changedRows, a, s, unscored, examples));
    }

    /** The interval of the drop: that of the difference, negated for a metric where higher is better. */
    private static IntervalEstimate dropInterval(IntervalEstimate e, boolean loss) {
        if (!e.defined() || loss) {
            return e;
        }
        Interval i = e.interval();
        return IntervalEstimate.of(new Interval(0.0 - i.upper(), 0.0 - i.lower(), i.level(), i.method()));
    }

    /** Percentile bootstrap of the mean of {@code values}, resampling rows with replacement. */
    private IntervalEstimate meanInterval(double[] values) {
        int n = values.length;
        if (n < 2) {
            return IntervalEstimate.undefined("a bootstrap interval needs at least 2 rows.");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] replicates = new double[intervals.resamples()];
        for (int b = 0; b < replicates.length; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            replicates[b] = sum / n;
        }
        return BootstrapIntervals.percentile(replicates, intervals.level());
    }

    /** The model's classes for {@code batch}, mapped to the label's values. */
    private ClassPredictions classes(Frame batch) {
        String name = model.info().name();
        Predictions p = model.predict(batch);
        if (!(p instanceof ClassPredictions c)) {
            throw new InvalidInputException("Model " + name + " predicts numbers, not classes; the perturbation check measures "
                    + "classifiers.");
        }
        if (c.rows() != batch.rowCount()) {
            throw new InvalidInputException("Model " + name + " returned " + c.rows() + " predictions for " + batch.rowCount()
                    + " rows. A model must answer every row once, in order.");
        }
        return (ClassPredictions) ClassMapping.toLabel(name, c.classes(), label).apply(c);
    }

    private static List<Integer> changedRows(Frame before, Frame after, PerturbationTarget target) {
        List<String> columns = columns(target);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < before.rowCount(); i++) {
            for (String c : columns) {
                if (!java.util.Objects.equals(before.column(c).format(i), after.column(c).format(i))) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    private static List<String> columns(PerturbationTarget target) {
        List<String> out = new ArrayList<>(target.columns());
        target.oneHotGroups().forEach(g -> out.addAll(target.groupColumns(g)));
        return out;
    }

    private List<PerturbationEffect.Example> examples(Frame after, List<Integer> changed, ClassPredictions a, double[] s,
            boolean[] unscored, int k) {
        ClassPredictions b = cleanClasses;
        List<Integer> order = new ArrayList<>(changed);
        order.sort(Comparator.comparing((Integer i) -> !unscored[i] && a.predicted()[i] == b.predicted()[i])
                .thenComparing(i -> -Math.abs(s[i] - cleanScores[i])).thenComparing(i -> i));
        boolean scored = a.probabilities() != null;
        List<PerturbationEffect.Example> out = new ArrayList<>();
        for (int i : order.subList(0, Math.min(k, order.size()))) {
            out.add(new PerturbationEffect.Example(rows.describeRow(i), describe(rows, after, i), b.classes().get(b.predicted()[i]),
                    unscored[i] ? "(no finite score)" : a.classes().get(a.predicted()[i]), scored ? cleanScores[i] : Double.NaN,
                    scored && !unscored[i] ? s[i] : Double.NaN));
        }
        return out;
    }

    private static String describe(Frame before, Frame after, int row) {
        List<String> parts = new ArrayList<>();
        for (Column c : before.columns()) {
            String x = c.format(row);
            String y = after.column(c.name()).format(row);
            if (!java.util.Objects.equals(x, y)) {
                parts.add(c.name() + ": " + show(x) + " → " + show(y));
            }
        }
        return String.join("; ", parts);
    }

    private static String show(String value) {
        return value == null ? "(missing)" : Excerpt.of(value);
    }
}
