package dev.assay.core.robustness;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.counterfactual.FlipCounts;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
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
import dev.assay.core.uncertainty.PairedBootstrap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a binary classifier on clean rows once and on each perturbation of them (one predict call per
 * perturbation, over all rows) and measures the effect ({@link PerturbationEffect}):
 * <ul>
 *   <li>metric drop, with the {@link PairedBootstrap} percentile interval of the difference (the same stratified
 *       resamples of rows for the clean and the perturbed scores, seeded by {@code seed}); a row is predicted
 *       positive when its score is at least the threshold, as in every binary evaluation;</li>
 *   <li>flip rate: rows whose predicted class (the model's own) changed, with a Wilson interval
 *       ({@link FlipCounts});</li>
 *   <li>mean absolute and mean signed change of the positive-class score, the former with a percentile bootstrap
 *       interval over rows (resamples drawn from {@code new SplittableRandom(seed)}).</li>
 * </ul>
 * A perturbed row the model gives no finite score (e.g. NaN for a missing input) counts as a flip and, for the
 * metric, as a wrong prediction; it is left out of the score changes and counted in
 * {@link PerturbationEffect#unscoredRows()}.
 *
 * <p>A model without probabilities scores 1 for the positive class and 0 otherwise, so that the metric drop is
 * defined for the metrics of hard predictions (accuracy, recall...) and score changes measure flips.
 */
public final class PerturbationEvaluation {
    private final Model model;
    private final Frame rows;
    private final Column label;
    private final EvaluationSettings settings;
    private final String metric;
    private final IntervalSettings intervals;
    private final long seed;
    private final boolean[] truth;
    private final ClassPredictions cleanClasses;
    private final double[] cleanScores;

    /**
     * Predicts the clean rows (one call).
     *
     * @param settings the evaluation settings; the positive class defaults to the greater class name (as
     *     scikit-learn's {@code pos_label})
     * @param metric a binary metric id, e.g. {@code accuracy}
     * @throws InvalidInputException for a model that is not a binary classifier, a missing label value (naming the
     *     row), an unknown metric, or a positive class the model does not have
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
        MetricCatalog.get(Task.BINARY, metric);
        ClassPredictions first = classes(rows);
        List<String> classes = first.classes();
        if (classes.size() != 2) {
            throw new InvalidInputException("Model " + model.info().name() + " has " + classes.size() + " classes; the "
                    + "perturbation check measures binary classifiers.");
        }
        String positive = settings.positiveClass() != null ? settings.positiveClass()
                : classes.get(0).compareTo(classes.get(1)) > 0 ? classes.get(0) : classes.get(1);
        if (!classes.contains(positive)) {
            throw new InvalidInputException("Model " + model.info().name() + " has no class '" + Excerpt.of(positive)
                    + "' (its classes: " + classes + "); name the positive class as the label does.");
        }
        this.settings = new EvaluationSettings(Task.BINARY, positive, settings.threshold(), settings.zeroDivision());
        this.truth = new boolean[rows.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            if (label.isMissing(i)) {
                throw new InvalidInputException("The label column '" + Excerpt.of(label.name()) + "' has no value in "
                        + rows.describeRow(i) + "; fill it in or drop the row.");
            }
            truth[i] = label.format(i).equals(positive);
        }
        this.cleanClasses = first;
        this.cleanScores = scores(first);
        for (int i = 0; i < cleanScores.length; i++) {
            if (!Double.isFinite(cleanScores[i])) {
                throw new InvalidInputException("Model " + model.info().name() + " gives no finite score of '" + positive + "' for the "
                        + "clean " + rows.describeRow(i) + "; a perturbation is measured against clean rows the model can score. "
                        + "Drop or fill the rows it cannot score.");
            }
        }
    }

    /** The positive class the scores are of. */
    public String positiveClass() {
        return settings.positiveClass();
    }

    /**
     * Applies {@code perturbation} to the rows with {@code seed}, predicts them (one call) and measures the effect.
     *
     * @param examples how many example rows to keep
     */
    public PerturbationEffect measure(Perturbation perturbation, PerturbationTarget target, int examples) {
        Frame changed = perturbation.apply(rows, target, seed);
        ClassPredictions a = classes(changed);
        double[] s = scores(a);
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
                s[i] = truth[i] ? 0 : 1;
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
        PairedBootstrap paired = new PairedBootstrap(truth, cleanScores, s, settings);
        double difference = paired.differences(List.of(metric)).get(metric);
        boolean loss = MetricCatalog.get(Task.BINARY, metric).direction() == MetricInfo.Direction.LOWER_IS_BETTER;
        double cleanValue = Evaluator.binary(truth, cleanScores, null, null, settings).metric(metric)
                .value();
        double drop = loss ? difference : 0.0 - difference;
        IntervalEstimate dropInterval = dropInterval(paired, loss);
        List<Integer> changedRows = changedRows(rows, changed, target);
        return new PerturbationEffect(perturbation.name(), perturbation.settings(), metric, cleanValue, cleanValue + difference,
                drop, dropInterval, counts, meanInterval(java.util.Arrays.copyOf(abs, scored)), changedRows.size(), missing,
                examples(changed, changedRows, a, s, unscored, examples));
    }

    private IntervalEstimate dropInterval(PairedBootstrap paired, boolean loss) {
        try {
            IntervalEstimate e = paired.intervals(List.of(metric), intervals, seed).get(metric);
            if (!e.defined() || loss) {
                return e;
            }
            Interval i = e.interval();
            return IntervalEstimate.of(new Interval(0.0 - i.upper(), 0.0 - i.lower(), i.level(), i.method()));
        } catch (InvalidInputException e) {
            return IntervalEstimate.undefined(e.getMessage());
        }
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

    private double[] scores(ClassPredictions c) {
        int k = c.classes().indexOf(settings.positiveClass());
        double[] out = new double[c.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.probabilities() != null ? c.probability(i, k) : c.predicted()[i] == k ? 1 : 0;
        }
        return out;
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
