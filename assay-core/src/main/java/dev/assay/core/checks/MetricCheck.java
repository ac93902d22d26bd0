package dev.assay.core.checks;

import dev.assay.core.check.CheckBuilder;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuredConditions;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.metrics.MulticlassMetrics;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.Measurement;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures model-quality metrics (scikit-learn ids such as {@code recall}, {@code roc_auc},
 * {@code r2}) on the current data set and on the reference data set when there is one, then judges
 * them against conditions such as {@code recall >= 0.8} or {@code f1 >= reference - 0.02}.
 *
 * <p>With no metric ids it measures every metric of the task. With evidence on, it also reports the
 * evaluation's tables and charts (confusion matrix, ROC and precision-recall curves, residuals).
 * Evaluations are kept in the run's store, so ten metric checks on the same data and settings
 * evaluate once. With interval settings it also computes a confidence interval of each metric (a
 * stratified bootstrap seeded with the check's seed, or Wilson for proportions, see
 * {@link MetricIntervals}), which conditions read as {@code recall.lower}; per-class members have none.
 * Built from suite files by {@link MetricCheckKind}, in Java by {@link #builder()}.
 */
public final class MetricCheck extends MeasuringCheck {
    /** The kind written in suite files. */
    public static final String KIND = "metric";


    /** The metric families also measured per class, as {@code recall[class=bad]}. */
    static final List<String> PER_CLASS = List.of("precision", "recall", "f1");

    private final List<String> metrics;
    private final boolean evidence;
    private final IntervalSettings ci;

    private MetricCheck(CheckSetup setup, List<String> metrics, boolean evidence, IntervalSettings ci) {
        super(setup, KIND, measures(setup, metrics), Requirements.LABELLED_PREDICTIONS);
        this.metrics = List.copyOf(metrics);
        this.evidence = evidence;
        this.ci = ci;
    }

    /** A builder; without metrics the check measures every metric of the task, with evidence. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The check for a suite entry.
     *
     * @param setup name, conditions, slice, evaluation settings
     * @param metrics the metric ids to measure; empty for every metric of the task
     * @param evidence whether to include tables and charts
     * @param ci how to compute confidence intervals of the metrics; null for none
     */
    static MetricCheck of(CheckSetup setup, List<String> metrics, boolean evidence, IntervalSettings ci) {
        return new MetricCheck(setup, metrics, evidence, ci);
    }

    /** The evaluation settings (task, positive class, threshold) the check evaluates with. */
    public EvaluationSettings evaluationSettings() {
        return setup().evaluation();
    }

    /** How the check computes confidence intervals of its metrics; null for none. */
    public IntervalSettings intervalSettings() {
        return ci;
    }

    /** The seed of the check's bootstrap. */
    public long seed() {
        return setup().seed();
    }

    /** The metric ids asked for; empty means all. */
    public List<String> metrics() {
        return metrics;
    }

    /**
     * The metric ids asked for, or every id of the task (of every task while the task is inferred)
     * and, for classification, the per-class families {@code precision}, {@code recall}, {@code f1}.
     */
    private static Set<String> measures(CheckSetup setup, List<String> metrics) {
        if (!metrics.isEmpty()) {
            return new LinkedHashSet<>(metrics);
        }
        List<MetricInfo> known = setup.evaluation().task() == null ? MetricCatalog.all()
                : MetricCatalog.forTask(setup.evaluation().task());
        Set<String> out = new LinkedHashSet<>();
        known.forEach(m -> out.add(m.id()));
        if (setup.evaluation().task() != Task.REGRESSION) {
            out.addAll(PER_CLASS);
        }
        return out;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("metrics", metrics.isEmpty() ? "all" : String.join(", ", metrics));
        out.put("evidence", Boolean.toString(evidence));
        if (ci != null) {
            out.putAll(ci.describe());
        }
        out.putAll(setup().evaluation().describe());
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Evaluation current = evaluate(context, context.current());
        boolean referenceNeeded = conditions().stream().anyMatch(c -> c.needsReference());
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
        List<String> plain = ids.stream().filter(id -> !PER_CLASS.contains(id) || current.metricIds().contains(id)).toList();
        List<String> withIntervals = ci == null ? List.of() : MetricIntervals.applicable(plain, ci.method());
        Map<String, IntervalEstimate> intervals = ci == null ? Map.of() : RunIntervals.of(context, context.current(),
                setup().evaluation(), ci, setup().seed(), withIntervals, () -> MetricIntervals.of(context.current().frame(),
                context.current().schema(), setup().evaluation(), current, withIntervals, ci, setup().seed()));
        for (String id : plain) {
            MetricValue v = current.metric(id);
            IntervalEstimate interval = intervals.get(id);
            String note = v.undefinedReason();
            if (note == null && interval != null && !interval.defined()) {
                note = "No " + percent(ci.level()) + " interval: " + interval.undefinedReason();
            }
            Measurement m = new Measurement(id, v.value(), interval == null ? null : interval.interval(), null, current.rows(),
                    note, v.warnings());
            if (reference != null) {
                m = m.withReference(reference.metric(id).value());
            }
            obs.measurement(m);
        }
        perClass(current, reference).forEach(obs::measurement);
        current.notes().forEach(obs::note);
        current.problems().forEach(obs::note);
        if (evidence) {
            current.tables().forEach(obs::table);
            current.charts().forEach(obs::chart);
            current.confusionMatrix().ifPresent(obs::confusionMatrix);
        }
        if (ids.size() == 1 && !obs.measurements().isEmpty()) {
            Measurement m = obs.measurements().get(0);
            obs.summary(m.defined()
                    ? String.format(Locale.ROOT, "%s = %.4f%s on %d rows", m.id(), m.value(), m.interval() == null ? ""
                            : String.format(Locale.ROOT, " (%s CI %.4f–%.4f)", percent(m.interval().level()), m.interval().lower(),
                            m.interval().upper()), m.n())
                    : m.id() + " is undefined: " + m.note());
        } else {
            obs.summary(ids.size() + " metrics on " + current.rows() + " rows");
        }
        return obs;
    }

    /**
     * Precision, recall and F1 of each class as members {@code f1[class=setosa]} (n = the class's
     * support), for the families this check measures, beside the same member on the reference data.
     */
    private List<Measurement> perClass(Evaluation current, Evaluation reference) {
        List<Measurement> out = new ArrayList<>();
        for (String family : PER_CLASS) {
            if (!metrics.isEmpty() && !metrics.contains(family)) {
                continue;
            }
            for (MulticlassMetrics.ClassReport r : current.perClass()) {
                Measurement m = new Measurement(family, "class=" + r.label(), value(r, family), null, null,
                        Math.round(r.support()), null, List.of());
                if (reference != null) {
                    for (MulticlassMetrics.ClassReport rr : reference.perClass()) {
                        if (rr.label().equals(r.label())) {
                            m = m.withReference(value(rr, family));
                        }
                    }
                }
                out.add(m);
            }
        }
        return out;
    }

    private static String percent(double level) {
        return new BigDecimal(level * 100).round(new MathContext(4)).stripTrailingZeros().toPlainString() + "%";
    }

    private static double value(MulticlassMetrics.ClassReport r, String family) {
        return switch (family) {
            case "precision" -> r.precision();
            case "recall" -> r.recall();
            default -> r.f1();
        };
    }

    /** The evaluation of {@code data} with this check's settings, computed once per run. */
    private Evaluation evaluate(CheckContext context, Dataset data) {
        return RunEvaluations.of(context, data, setup().evaluation());
    }

    /** Builds a metric check in Java: {@code MetricCheck.builder().metric("recall").fail("recall >= 0.8").build()}. */
    public static final class Builder extends CheckBuilder<Builder> {
        private final List<String> metrics = new ArrayList<>();
        private Boolean evidence;
        private IntervalSettings ci;

        private Builder() {
        }

        /** Computes confidence intervals of the metrics (not of the per-class members), with the check's seed. */
        public Builder ci(IntervalSettings settings) {
            this.ci = settings;
            return this;
        }

        /** Measures these metric ids (scikit-learn names, see {@code assay metrics}); none for all of the task. */
        public Builder metric(String... ids) {
            metrics.addAll(List.of(ids));
            return this;
        }

        /** Whether to include tables and charts (default: only when measuring every metric). */
        public Builder evidence(boolean on) {
            this.evidence = on;
            return this;
        }

        /**
         * The check.
         *
         * @throws InvalidInputException for an unknown metric id or a condition about a metric not measured
         */
        public MetricCheck build() {
            CheckSetup setup = setup(MetricCheckKind.defaultName(metrics));
            MetricCheckKind.requireKnown(metrics, setup.evaluation().task(), (key, message) -> new InvalidInputException(
                    "check '" + setup.name() + "': " + message));
            MetricCheckKind.requireWilsonFits(ci, metrics, message -> new InvalidInputException(
                    "check '" + setup.name() + "', key 'ci': " + message));
            MetricCheck check = new MetricCheck(setup, metrics, evidence == null ? metrics.isEmpty() : evidence, ci);
            for (var c : setup.conditions()) {
                MeasuredConditions.problem(check, c).ifPresent(p -> {
                    throw new InvalidInputException("check '" + setup.name() + "': " + p);
                });
            }
            return check;
        }
    }
}
