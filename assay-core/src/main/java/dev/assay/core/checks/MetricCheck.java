package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.Condition;
import dev.assay.core.data.Dataset;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.data.RowFilter;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures model-quality metrics (scikit-learn ids such as {@code recall}, {@code roc_auc},
 * {@code r2}) on the current data set, optionally on a slice of it, and on the reference data set
 * when there is one, then judges them against conditions such as {@code recall >= 0.8} or
 * {@code f1 >= reference - 0.02}.
 *
 * <p>With no metric ids it measures every metric of the task. With evidence on, it also reports the
 * evaluation's tables and charts (confusion matrix, ROC and precision-recall curves, residuals).
 * Evaluations are memoised in the {@link CheckContext}, so ten metric checks on the same data and
 * settings evaluate once.
 */
public final class MetricCheck extends MeasuringCheck {
    /** The kind written in suite files. */
    public static final String KIND = "metric";

    private final List<String> metrics;
    private final EvaluationSettings settings;
    private final RowFilter where;
    private final boolean evidence;

    /**
     * @param name the display name
     * @param metrics the metric ids to measure; empty for every metric of the task
     * @param settings task, positive class, threshold and zero-division policy
     * @param where the rows to evaluate on; null for all rows
     * @param evidence whether to include tables and charts
     * @param conditions the conditions to judge
     */
    public MetricCheck(String name, List<String> metrics, EvaluationSettings settings, RowFilter where, boolean evidence,
            List<Condition> conditions) {
        super(name, conditions);
        this.metrics = List.copyOf(metrics);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.where = where;
        this.evidence = evidence;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The metric ids asked for; empty means all. */
    public List<String> metrics() {
        return metrics;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Evaluation current = evaluate(context, context.current());
        boolean referenceNeeded = conditions().stream().anyMatch(Condition::needsReference);
        Evaluation reference = null;
        Observations obs = new Observations();
        Optional<Dataset> ref = context.reference();
        if (ref.isPresent()) {
            try {
                reference = evaluate(context, ref.get());
            } catch (InvalidInputException e) {
                if (referenceNeeded) {
                    throw new InvalidInputException("On the reference data set: " + e.getMessage(), e);
                }
                obs.note("No reference values: " + e.getMessage());
            }
        }
        List<String> ids = metrics.isEmpty() ? current.metricIds() : metrics;
        for (String id : ids) {
            MetricValue v = current.metric(id);
            Measurement m = new Measurement(id, v.value(), null, null, current.rows(), v.undefinedReason(), v.warnings());
            if (reference != null) {
                m = m.withReference(reference.metric(id).value());
            }
            obs.measurement(m);
        }
        current.notes().forEach(obs::note);
        current.problems().forEach(obs::note);
        if (evidence) {
            current.tables().forEach(obs::table);
            current.charts().forEach(obs::chart);
        }
        if (where != null) {
            obs.note("Evaluated on the rows where " + where.describe() + " (" + current.rows() + " rows).");
        }
        if (ids.size() == 1) {
            Measurement m = obs.measurements().get(0);
            obs.summary(m.defined()
                    ? String.format(Locale.ROOT, "%s = %.4f on %d rows", m.name(), m.value(), m.n())
                    : m.name() + " is undefined: " + m.note());
        } else {
            obs.summary(ids.size() + " metrics on " + current.rows() + " rows");
        }
        return obs;
    }

    private Evaluation evaluate(CheckContext context, Dataset data) {
        List<Object> key = new ArrayList<>(List.of(Evaluation.class, data.info().role(), settings));
        if (where != null) {
            key.add(where);
        }
        return context.memoize(key, () -> {
            Dataset target = where == null ? data : data.slice(where.rows(data.frame()), where.describe());
            return Evaluator.evaluate(target.frame(), target.schema(), settings);
        });
    }
}
