package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.CheckSkippedException;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.ColumnRole;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.drift.ColumnDrift;
import dev.assay.core.drift.DriftAnalysis;
import dev.assay.core.drift.DriftMethod;
import dev.assay.core.drift.DriftReport;
import dev.assay.core.drift.DriftSettings;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drift of the model's target or outputs between reference and current data, each column judged on
 * its own (no adjustment across columns) with a method fit for what it holds: classes (the label or
 * predicted class of a classification task) by the chi-square test on the class counts (effect size
 * Cramér's V); numbers (a regression label or prediction, scores, class probabilities) by
 * Kolmogorov-Smirnov up to {@link DriftSettings#AUTO_ROWS} reference rows and by the Wasserstein
 * distance in reference standard deviations above, unless {@code method} is set.
 *
 * <p>{@code label_drift} measures the label column: {@code statistic}, {@code p_value} (tests),
 * {@code effect_size}, {@code drift}. {@code prediction_drift} measures the prediction, score and
 * class-probability columns, each as a member: {@code statistic[col]}, ..., plus
 * {@code drifted_columns}. Built by {@link OutputDriftCheckKind}.
 */
final class OutputDriftCheck extends MeasuringCheck {
    static final List<String> LABEL_MEASURES = List.of("statistic", "p_value", "effect_size", "drift");
    static final List<String> PREDICTION_MEASURES = List.of("statistic", "p_value", "effect_size", "drift", "drifted_columns");

    private final boolean label;
    private final DriftMethod method;
    private final Double threshold;

    OutputDriftCheck(CheckSetup setup, boolean label, DriftMethod method, Double threshold) {
        super(setup, label ? OutputDriftCheckKind.LABEL : OutputDriftCheckKind.PREDICTION, label ? LABEL_MEASURES
                : PREDICTION_MEASURES, label ? Requirements.NONE.withReference().withRoles(ColumnRole.LABEL)
                        : Requirements.NONE.withReference().withPredictions());
        this.label = label;
        this.method = method;
        this.threshold = threshold;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("method", method == null ? "auto" : method.id());
        if (threshold != null) {
            out.put("threshold", Double.toString(threshold));
        }
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset current = context.current();
        Dataset reference = context.reference().orElseThrow(() -> new InvalidInputException(
                "The reference data has no rows; " + kind() + " needs reference rows to compare with."));
        Schema schema = current.schema();
        Map<String, Boolean> columns = columns(schema, current, setup().evaluation());
        if (columns.isEmpty()) {
            throw new CheckSkippedException("The schema names no prediction, score or probability column.");
        }
        Observations obs = new Observations();
        List<List<Object>> rows = new ArrayList<>();
        int drifted = 0;
        for (Map.Entry<String, Boolean> e : columns.entrySet()) {
            DriftMethod m = chosen(e.getValue(), reference.frame().rowCount());
            DriftSettings settings = new DriftSettings(m, threshold, Map.of(), false, 0, 1, DriftSettings.DEFAULT_BINS);
            DriftReport report = DriftAnalysis.compare(reference.frame(), DriftCheck.name(reference), current.frame(),
                    DriftCheck.name(current), List.of(e.getKey()), settings);
            if (report.columns().isEmpty()) {
                throw new InvalidInputException(report.problems().values().iterator().next());
            }
            ColumnDrift c = report.columns().get(0);
            String key = label ? null : c.column();
            obs.measurement(Measurement.of("statistic", key, c.statistic(), c.currentCount()));
            if (c.method().hasPValue()) {
                obs.measurement(Measurement.of("p_value", key, c.pValue(), c.currentCount()));
            }
            obs.measurement(Measurement.of("effect_size", key, c.effectSize(), c.currentCount()));
            obs.measurement(Measurement.of("drift", key, c.drift() ? 1 : 0, c.currentCount()));
            drifted += c.drift() ? 1 : 0;
            rows.add(List.of(c.column(), c.method().id(), c.statistic(), Double.isNaN(c.pValue()) ? "-" : c.pValue(),
                    c.effectName() + " " + String.format(Locale.ROOT, "%.4g", c.effectSize()), c.threshold(),
                    c.drift() ? "yes" : "no", c.referenceCount(), c.currentCount()));
            DriftEvidence.charts(report).forEach(obs::chart);
        }
        if (!label) {
            obs.measurement(Measurement.of("drifted_columns", drifted, current.frame().rowCount()));
        }
        obs.table(new EvidenceTable(label ? "Label drift" : "Prediction drift", List.of("column", "method", "statistic",
                "p-value", "effect size", "threshold", "drift", "reference n", "current n"), rows));
        obs.summary(label ? "Label " + (drifted > 0 ? "has drifted" : "has not drifted") + " (" + rows.get(0).get(1) + ")."
                : drifted + " of " + rows.size() + " prediction columns drifted.");
        return obs;
    }

    /** The columns measured, each mapped to whether it holds classes. */
    private Map<String, Boolean> columns(Schema schema, Dataset current, EvaluationSettings evaluation) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (label) {
            out.put(schema.label(), holdsClasses(current, schema.label(), evaluation));
            return out;
        }
        if (schema.prediction() != null) {
            out.put(schema.prediction(), holdsClasses(current, schema.prediction(), evaluation));
        }
        if (schema.score() != null) {
            out.put(schema.score(), false);
        }
        schema.classProbabilities().values().forEach(c -> out.put(c, false));
        return out;
    }

    /** Classes unless the task is regression, or unset and the column numeric with many distinct values. */
    private static boolean holdsClasses(Dataset data, String column, EvaluationSettings evaluation) {
        if (evaluation.task() != null) {
            return evaluation.task() != Task.REGRESSION;
        }
        if (!data.frame().has(column) || !(data.frame().column(column) instanceof NumericColumn)) {
            return true;
        }
        return java.util.Arrays.stream(((NumericColumn) data.frame().column(column)).toArray()).filter(v -> !Double.isNaN(v))
                .distinct().limit(EvaluationSettings.MAX_CLASSES_INFERRED + 1L).count() <= EvaluationSettings.MAX_CLASSES_INFERRED;
    }

    private DriftMethod chosen(boolean classes, int referenceRows) {
        if (classes) {
            return method == null || method.numericOnly() ? DriftMethod.CHI2 : method;
        }
        if (method != null) {
            return method;
        }
        return referenceRows <= DriftSettings.AUTO_ROWS ? DriftMethod.KS : DriftMethod.WASSERSTEIN;
    }
}
