package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.compare.DeLongTest;
import dev.assay.core.compare.Flips;
import dev.assay.core.compare.McNemarTest;
import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryScores;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.core.model.PositiveClassScores;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.PairedBootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Champion vs challenger in a suite: the suite's predictions are the candidate, a baseline model's
 * scores of the positive class the baseline, both on the same rows with the same positive class and
 * threshold (a row is predicted positive when its score is at least the threshold). For each metric m:
 * <ul>
 *   <li>{@code difference[m] = m(candidate) − m(baseline)} with its {@link PairedBootstrap} percentile
 *       interval at confidence {@code 1 − alpha} (the same stratified resamples for both models,
 *       seeded by the check's seed); {@code baseline[m]} and {@code candidate[m]}.</li>
 *   <li>{@code p_value[accuracy]}: McNemar's exact test ({@link McNemarTest}); {@code p_value[roc_auc]}:
 *       DeLong's test ({@link DeLongTest}); both of the null hypothesis of no difference.</li>
 *   <li>{@code regressions}: the metrics whose whole interval is worse than the margin, i.e. upper end
 *       {@code < −margin} for a metric where higher is better, lower end {@code > margin} for a loss
 *       (log_loss, brier_score). A candidate that is merely not shown to be better does not regress;
 *       for non-inferiority write {@code difference[roc_auc].lower >= -0.02}.</li>
 *   <li>{@code negative_flips}: rows the baseline got right and the candidate wrong; {@code positive_flips}
 *       the reverse.</li>
 * </ul>
 *
 * <p>Edge cases: fewer than 10 rows or a class with one row is an error (the bootstrap resamples each
 * class); a task that is not binary, or a candidate without scores, is an error that says what to set; a
 * baseline score that is missing is an error naming the column and row.
 */
final class NoRegressionCheck extends MeasuringCheck {
    static final String KIND = "no_regression";
    private static final List<String> MEASURES = List.of("difference", "baseline", "candidate", "p_value", "regressions",
            "negative_flips", "positive_flips");

    /** The baseline: a column of stored scores, or a model's location. */
    record Baseline(String column, String model) {
        String describe() {
            return column != null ? "column " + column : "model " + model;
        }
    }

    private final Baseline baseline;
    private final List<String> metrics;
    private final double margin;
    private final IntervalSettings ci;

    NoRegressionCheck(CheckSetup setup, Baseline baseline, List<String> metrics, double margin, IntervalSettings ci) {
        super(setup, KIND, MEASURES, Requirements.LABELLED_PREDICTIONS);
        this.baseline = baseline;
        this.metrics = metrics;
        this.margin = margin;
        this.ci = ci;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("baseline", baseline.describe());
        out.put("metrics", String.join(", ", metrics));
        out.put("alpha", Double.toString(1 - ci.level()));
        out.put("margin", Double.toString(margin));
        out.put("resamples", Integer.toString(ci.resamples()));
        out.putAll(setup().evaluation().describe());
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        Frame frame = data.frame();
        Evaluation current = RunEvaluations.of(context, data, setup().evaluation());
        if (current.task() != Task.BINARY) {
            throw new InvalidInputException("no_regression compares binary classifiers, but the data was evaluated as a "
                    + current.task().id() + " task. Set evaluation.task to binary.");
        }
        BinaryScores scores = current.binaryScores().filter(s -> s.scoreColumn() != null).orElseThrow(() ->
                new InvalidInputException("no_regression needs the candidate's score of the positive class: name columns.score"
                        + " (or the class probabilities), or give the suite a model with probabilities."));
        String positive = scores.positiveClass();
        Column label = frame.column(data.schema().label(), "label");
        boolean[] truth = new boolean[frame.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            if (label.isMissing(i)) {
                throw new InvalidInputException("The label column '" + Excerpt.of(label.name()) + "' has no value in "
                        + frame.describeRow(i) + "; fill it in or drop the row.");
            }
            truth[i] = label.format(i).equals(positive);
        }
        double[] cand = frame.numeric(scores.scoreColumn(), "candidate score").toArray();
        double[] base = baselineScores(frame, label, positive);
        EvaluationSettings settings = new EvaluationSettings(Task.BINARY, positive, setup().evaluation().threshold(),
                setup().evaluation().zeroDivision());
        return observe(truth, base, cand, settings);
    }

    private Observations observe(boolean[] truth, double[] base, double[] cand, EvaluationSettings settings) {
        Evaluation b = Evaluator.binary(truth, base, null, null, settings);
        Evaluation c = Evaluator.binary(truth, cand, null, null, settings);
        Map<String, IntervalEstimate> intervals = new PairedBootstrap(truth, base, cand, settings).intervals(metrics, ci,
                setup().seed());
        Flips flips = Flips.count(Flips.correct(truth, base, settings.threshold()),
                Flips.correct(truth, cand, settings.threshold()));
        Map<String, Double> pValues = new LinkedHashMap<>();
        pValues.put("accuracy", McNemarTest.of(flips, McNemarTest.Method.EXACT).pValue());
        pValues.put("roc_auc", delongPValue(truth, base, cand));
        long n = truth.length;
        Observations obs = new Observations();
        List<String> regressed = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (String m : metrics) {
            double bv = b.metric(m).value();
            double cv = c.metric(m).value();
            IntervalEstimate e = intervals.get(m);
            Interval interval = e.interval();
            obs.measurement(new Measurement("difference", m, cv - bv, interval, null, n, e.defined() ? null : e.undefinedReason(),
                    List.of()));
            obs.measurement(Measurement.of("baseline", m, bv, n));
            obs.measurement(Measurement.of("candidate", m, cv, n));
            Double p = pValues.get(m);
            if (p != null) {
                obs.measurement(Measurement.of("p_value", m, p, n));
            }
            boolean regression = interval != null && regresses(m, interval);
            if (regression) {
                regressed.add(m);
            }
            rows.add(List.of(m, bv, cv, cv - bv, interval == null ? "" : interval.lower(), interval == null ? "" : interval.upper(),
                    p == null ? "" : p, regression ? "yes" : "no"));
        }
        obs.measurement(Measurement.of("regressions", regressed.size(), n));
        obs.measurement(Measurement.of("negative_flips", flips.baselineOnly(), n));
        obs.measurement(Measurement.of("positive_flips", flips.candidateOnly(), n));
        obs.table(new EvidenceTable("Candidate - baseline (" + baseline.describe() + "), " + Math.round(100 * ci.level())
                + "% paired bootstrap intervals", List.of("metric", "baseline", "candidate", "difference", "lower", "upper",
                "p_value", "regression"), rows));
        obs.summary(regressed.isEmpty() ? "No metric regressed beyond the margin of " + margin + " (" + flips.baselineOnly()
                + " rows broken, " + flips.candidateOnly() + " fixed)." : "Regressed: " + String.join(", ", regressed) + ".");
        return obs;
    }

    private boolean regresses(String metric, Interval interval) {
        MetricInfo.Direction direction = MetricCatalog.get(Task.BINARY, metric).direction();
        if (direction == MetricInfo.Direction.LOWER_IS_BETTER) {
            return interval.lower() > margin;
        }
        return direction == MetricInfo.Direction.HIGHER_IS_BETTER && interval.upper() < -margin;
    }

    private double[] baselineScores(Frame frame, Column label, String positive) {
        if (baseline.column() != null) {
            double[] values = frame.numeric(baseline.column(), "baseline score").toArray();
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    throw new InvalidInputException("The baseline score column '" + Excerpt.of(baseline.column()) + "' has no value"
                            + " in " + frame.describeRow(i) + ". Both models must score every row: fill it in or drop the row.");
                }
            }
            return values;
        }
        try (Model model = ModelLoaders.load(ModelSource.of(baseline.model()))) {
            return PositiveClassScores.of(model, frame, label, positive);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("baseline_model: " + e.getMessage(), e);
        }
    }

    private static double delongPValue(boolean[] truth, double[] base, double[] cand) {
        try {
            return DeLongTest.of(truth, base, cand, 0.95).pValue();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Cannot compare the ROC AUCs: " + e.getMessage() + ". Use more rows of the rarer class.",
                    e);
        }
    }
}
