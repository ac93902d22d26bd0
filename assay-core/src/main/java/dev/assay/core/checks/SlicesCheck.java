package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.Measurement;
import dev.assay.core.slicing.Binning;
import dev.assay.core.slicing.SliceFilters;
import dev.assay.core.slicing.SlicePlan;
import dev.assay.core.slicing.SliceResult;
import dev.assay.core.slicing.SliceTables;
import dev.assay.core.slicing.SlicedEvaluation;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Measures metrics on every slice of the current data ({@link SlicedEvaluation}) as members such as
 * {@code recall[sex=Female]}, so that conditions read {@code min(recall[*]) >= 0.6} or
 * {@code recall[sex=Female] >= 0.7}, beside the same slice of the reference data (for
 * {@code recall[*] >= reference - 0.05}), and shows every slice's rows, positives, values and intervals in
 * a table, with the slices below the minimum size in a second one. Built by {@link SlicesCheckKind}.
 */
final class SlicesCheck extends MeasuringCheck {
    static final String KIND = "slices";

    private final List<String> columns;
    private final List<List<String>> pairs;
    private final Binning binning;
    private final int minSize;
    private final List<String> metrics;
    private final IntervalSettings ci;
    private final Function<String, InvalidInputException> columnsError;

    SlicesCheck(CheckSetup setup, List<String> columns, List<List<String>> pairs, Binning binning, int minSize, List<String> metrics,
            IntervalSettings ci, Function<String, InvalidInputException> columnsError) {
        super(setup, KIND, measures(setup, metrics), Requirements.LABELLED_PREDICTIONS);
        this.columns = List.copyOf(columns);
        this.pairs = List.copyOf(pairs);
        this.binning = binning;
        this.minSize = minSize;
        this.metrics = List.copyOf(metrics);
        this.ci = ci;
        this.columnsError = columnsError;
    }

    private static Set<String> measures(CheckSetup setup, List<String> metrics) {
        if (!metrics.isEmpty()) {
            return new LinkedHashSet<>(metrics);
        }
        Task task = setup.evaluation().task();
        Set<String> out = new LinkedHashSet<>();
        for (Task t : Task.values()) {
            if (task == null || task == t) {
                out.addAll(SlicePlan.defaultMetrics(t));
            }
        }
        return out;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("columns", String.join(", ", columns));
        out.put("pairs", pairs.isEmpty() ? "none" : String.join(", ", pairs.stream().map(p -> p.get(0) + " & " + p.get(1)).toList()));
        out.put("bins", Integer.toString(binning.quantiles()));
        out.put("min_size", Integer.toString(minSize));
        out.put("metrics", metrics.isEmpty() ? "default" : String.join(", ", metrics));
        if (ci != null) {
            out.putAll(ci.describe());
        }
        out.putAll(setup().evaluation().describe());
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        Task task = RunEvaluations.of(context, data, setup().evaluation()).task();
        List<String> ids = metrics.isEmpty() ? SlicePlan.defaultMetrics(task) : metrics;
        SlicedEvaluation sliced;
        SliceEvaluations merged = context.store(SliceEvaluations.NAMESPACE).getOrCompute(data.info().role(),
                SliceEvaluations.class, () -> null);
        try {
            SlicePlan plan = new SlicePlan(columns, pairs, binning, minSize, ids, ci);
            sliced = merged != null ? merged.evaluate(plan, setup().evaluation(), setup().seed())
                    : SlicedEvaluation.of(data.frame(), data.schema(), setup().evaluation(), plan, setup().seed());
        } catch (InvalidInputException e) {
            throw columnsError.apply(e.getMessage());
        }
        Observations obs = new Observations();
        EvaluationSettings fixed = setup().evaluation().withTask(sliced.task()).withPositiveClass(sliced.positiveClass());
        Map<String, Evaluation> mergedReference = merged == null || context.reference().isEmpty() ? null
                : merged.onReference(sliced, fixed);
        for (SliceResult r : sliced.results()) {
            if (!r.measured()) {
                continue;
            }
            Evaluation reference = mergedReference != null ? mergedReference.get(r.key())
                    : context.reference().map(ref -> onReference(ref, r, fixed)).orElse(null);
            for (String id : ids) {
                MetricValue v = r.values().get(id);
                IntervalEstimate interval = r.intervals().get(id);
                String note = v.undefinedReason() != null ? v.undefinedReason() : r.note();
                Measurement m = new Measurement(id, r.key(), v.value(), interval == null ? null : interval.interval(), null,
                        r.size(), note, v.warnings());
                obs.measurement(reference == null ? m : m.withReference(reference.metric(id).value()));
            }
        }
        obs.table(SliceTables.measured(sliced));
        SliceTables.skipped(sliced).ifPresent(obs::table);
        sliced.notes().forEach(obs::note);
        if (sliced.positiveClass() != null) {
            obs.note("Positive class '" + sliced.positiveClass() + "' (positives: the rows of that class in each slice). "
                    + "A slice with fewer than " + SlicedEvaluation.FEW_CASES + " rows of either class is marked weak evidence: "
                    + "its recall (few positives) or specificity (few negatives) rests on a handful of rows, so read it with its "
                    + "interval.");
        }
        obs.summary(summary(sliced, ids.get(0)));
        return obs;
    }

    /**
     * The same slice of the reference data (the rows its terms select there, so a quantile bin keeps
     * the current data's edges), evaluated with the current data's task and positive class; null when
     * no reference row falls in it or its rows cannot be evaluated (the reference value is then absent).
     */
    private static Evaluation onReference(Dataset reference, SliceResult slice, EvaluationSettings settings) {
        try {
            int[] rows = SliceFilters.of(slice.slice()).rows(reference.frame());
            return Evaluator.evaluate(reference.frame().slice(rows), reference.schema(), settings);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** "13 slices measured, 10 not measured; lowest recall 0.2381 at age in (41, 75] (n = 74)". */
    private static String summary(SlicedEvaluation sliced, String first) {
        List<SliceResult> measured = new ArrayList<>(sliced.results().stream().filter(SliceResult::measured).toList());
        long skipped = sliced.results().size() - measured.size();
        String head = measured.size() + " slice" + (measured.size() == 1 ? "" : "s") + " measured"
                + (skipped == 0 ? "" : ", " + skipped + " not measured");
        return measured.stream().filter(r -> r.values().get(first).defined())
                .min(Comparator.comparingDouble(r -> r.values().get(first).value()))
                .map(r -> head + String.format(Locale.ROOT, "; lowest %s %.4f at %s (n = %d)", first, r.values().get(first).value(),
                        r.slice().describe(), r.size()))
                .orElse(head);
    }
}
