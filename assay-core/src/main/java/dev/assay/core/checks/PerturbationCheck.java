package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.RowSample;
import dev.assay.core.data.Schema;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationEffect;
import dev.assay.core.robustness.PerturbationEvaluation;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Perturbs the current data with one {@link Perturbation}, predicts clean and perturbed rows with the suite's model
 * and measures {@code <metric>_drop} (paired bootstrap interval), {@code flip_rate} (Wilson interval),
 * {@code mean_abs_score_change} (bootstrap interval) and {@code mean_score_change}, with example rows before and
 * after. Built by {@link PerturbationCheckKind}.
 */
final class PerturbationCheck extends MeasuringCheck {
    static final String KIND = "perturbation";
    private static final int EXAMPLES = 10;

    private final Perturbation perturbation;
    private final List<String> columns;
    private final Constraints constraints;
    private final String metric;
    private final int maxRows;

    PerturbationCheck(CheckSetup setup, Perturbation perturbation, List<String> columns, Constraints constraints, String metric,
            int maxRows) {
        super(setup, KIND, measures(metric), Requirements.MODEL_AND_LABEL);
        this.perturbation = perturbation;
        this.columns = columns;
        this.constraints = constraints;
        this.metric = metric;
        this.maxRows = maxRows;
    }

    static List<String> measures(String metric) {
        return List.of(metric + "_drop", "flip_rate", "mean_abs_score_change", "mean_score_change", "changed_rows", "unscored_rows");
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("perturbation", perturbation.name());
        perturbation.settings().forEach(out::put);
        out.put("metric", metric);
        out.put("max_rows", Integer.toString(maxRows));
        out.put("seed", Long.toString(setup().seed()));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        Frame frame = sample(data.frame());
        String labelName = data.schema().label();
        List<String> targets = columns.isEmpty() ? defaultColumns(context, frame, labelName) : columns;
        PerturbationTarget target = PerturbationTarget.of(frame, targets, constraints);
        IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, IntervalSettings.DEFAULT_RESAMPLES,
                IntervalSettings.DEFAULT_LEVEL);
        PerturbationEvaluation evaluation = new PerturbationEvaluation(context.model().orElseThrow(), frame,
                frame.column(labelName, "label"), setup().evaluation(), metric, ci, setup().seed());
        PerturbationEffect e = evaluation.measure(perturbation, target, EXAMPLES);
        Observations obs = new Observations();
        long n = frame.rowCount();
        if (n < data.frame().rowCount()) {
            obs.note("Perturbed a random sample of " + n + " of the " + data.frame().rowCount() + " rows (seed " + setup().seed()
                    + "); raise max_rows to use more.");
        }
        IntervalEstimate flipCi = e.flips().flipRateInterval(IntervalSettings.DEFAULT_LEVEL);
        obs.measurement(new Measurement(metric + "_drop", null, e.drop(), e.dropInterval().interval(), null, n,
                e.dropInterval().defined() ? null : e.dropInterval().undefinedReason(), List.of()));
        obs.measurement(new Measurement("flip_rate", null, e.flips().flipRate(), flipCi.interval(), null, n,
                flipCi.undefinedReason(), List.of()));
        obs.measurement(new Measurement("mean_abs_score_change", null, e.flips().meanAbsChange(),
                e.meanAbsScoreChangeInterval().interval(), null, n, e.meanAbsScoreChangeInterval().undefinedReason(), List.of()));
        obs.measurement(Measurement.of("mean_score_change", e.flips().meanChange(), n));
        obs.measurement(Measurement.of("changed_rows", e.changedRows(), n));
        obs.measurement(Measurement.of("unscored_rows", e.unscoredRows(), n));
        if (e.unscoredRows() > 0) {
            obs.note("The model gave no finite score for " + e.unscoredRows() + " of the " + n + " perturbed rows (e.g. for a "
                    + "missing value it cannot take); they count as flipped and as wrong predictions.");
        }
        obs.table(examples(e));
        obs.note("Perturbed columns: " + target.describe().get("columns") + ". " + metric + "_drop = " + metric + " clean − "
                + metric + " perturbed (perturbed − clean for a loss), with a 95% paired bootstrap percentile interval; flip "
                + "rate with a 95% Wilson interval; score changes are of " + evaluation.scoreDescription() + ".");
        obs.summary(String.format(Locale.ROOT, "%s: %s %.4f → %.4f (drop %.4f); %d of %d predictions flipped (%.4f); %d rows "
                + "changed", perturbation.name(), metric, e.clean(), e.perturbed(), e.drop(), e.flips().flips(), n,
                e.flips().flipRate(), e.changedRows()) + (e.unscoredRows() == 0 ? "" : "; " + e.unscoredRows() + " perturbed rows "
                + "without a finite score"));
        return obs;
    }

    private static EvidenceTable examples(PerturbationEffect e) {
        List<List<Object>> rows = new ArrayList<>();
        for (PerturbationEffect.Example x : e.examples()) {
            rows.add(Arrays.asList(x.row(), x.changes(), x.before(), x.after(), number(x.scoreBefore()), number(x.scoreAfter())));
        }
        return new EvidenceTable("Example rows before and after " + e.perturbation() + " (flipped predictions first)",
                List.of("row", "changes", "predicted_before", "predicted_after", "score_before", "score_after"), rows);
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** The model's input columns when it names them, else every column but the label and prediction roles. */
    static List<String> defaultColumns(CheckContext context, Frame frame, String label) {
        List<String> out = new ArrayList<>();
        context.model().orElseThrow().info().features().features().forEach(f -> {
            if (frame.has(f.column()) && !out.contains(f.column())) {
                out.add(f.column());
            }
        });
        if (out.isEmpty()) {
            Schema s = context.current().schema();
            for (String c : frame.columnNames()) {
                if (!c.equals(label) && !c.equals(s.prediction()) && !c.equals(s.score()) && !s.classProbabilities().containsValue(c)
                        && !c.equals(s.id()) && !c.equals(s.weight()) && !c.equals(s.timestamp())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private Frame sample(Frame frame) {
        return frame.rowCount() <= maxRows ? frame : frame.slice(RowSample.indices(frame.rowCount(), maxRows, setup().seed()));
    }
}
