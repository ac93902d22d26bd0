package dev.assay.core.slicing;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.ConfusionCounts;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.MetricIntervals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics of each slice of some columns and pairs of columns ({@link SlicePlan}): every slice is
 * evaluated by {@link Evaluator} on its own rows, with the task and positive class of the whole
 * data fixed so that a slice holding one class reads the same way as the rest, and its intervals
 * come from {@link MetricIntervals} (Wilson for proportions, or the seeded bootstrap). Slices below
 * the minimum size are listed as skipped. Matches scikit-learn's metrics on the rows of each
 * {@code pandas.qcut}/{@code groupby} group ({@code scripts/golden/slices_golden.py}).
 */
public final class SlicedEvaluation {
    /** Below this many positive (or negative) rows a slice's recall (or specificity) is flagged as weak evidence. */
    public static final int FEW_CASES = 10;

    private final SlicePlan plan;
    private final Task task;
    private final String positiveClass;
    private final List<SliceResult> results;
    private final List<String> notes;

    private SlicedEvaluation(SlicePlan plan, Task task, String positiveClass, List<SliceResult> results, List<String> notes) {
        this.plan = plan;
        this.task = task;
        this.positiveClass = positiveClass;
        this.results = List.copyOf(results);
        this.notes = List.copyOf(notes);
    }

    /**
     * Evaluates every slice of {@code plan} on {@code frame}.
     *
     * @throws InvalidInputException for an unknown or free-text column (with the closest name), a
     *     column with one value, a metric the task lacks, or when every slice is below the minimum size
     */
    public static SlicedEvaluation of(Frame frame, Schema schema, EvaluationSettings settings, SlicePlan plan, long seed) {
        Evaluation whole = Evaluator.evaluate(frame, schema, settings);
        requireMetrics(plan, whole);
        String positive = positiveClass(whole, settings);
        EvaluationSettings fixed = settings.withTask(whole.task()).withPositiveClass(positive);
        Map<String, ColumnBins> bins = bins(frame, plan);
        List<String> notes = new ArrayList<>();
        bins.values().stream().map(ColumnBins::note).filter(n -> n != null).forEach(notes::add);
        List<Slice> slices = new ArrayList<>();
        plan.columns().forEach(c -> slices.addAll(bins.get(c).slices()));
        plan.pairs().forEach(p -> slices.addAll(bins.get(p.get(0)).crossSlices(bins.get(p.get(1)))));
        Column label = frame.column(schema.label(), "label");
        List<SliceResult> results = new ArrayList<>();
        for (Slice s : slices) {
            results.add(measure(frame, schema, fixed, plan, seed, s, label, positive));
        }
        return finish(plan, whole, positive, results, notes);
    }

    /**
     * The sliced evaluation from evaluations made elsewhere (e.g. merged per slice by a distributed engine),
     * the same as {@link #of} gives for the rows: {@code slices} as {@link ColumnBins} cuts them (columns,
     * then pairs; a slice's rows may be left out, its size is what counts), {@code evaluations} of each
     * slice with the whole data's task and positive class ({@link #positiveClass}), null with the reason in
     * {@code refused} when its rows cannot be evaluated, and the rows of the positive class of each.
     *
     * @param notes facts about the slicing ({@link ColumnBins#note()})
     * @throws InvalidInputException as {@link #of}; or if the plan asks for bootstrap intervals, which need the rows
     */
    public static SlicedEvaluation of(SlicePlan plan, Evaluation whole, EvaluationSettings settings, List<Slice> slices,
            List<Evaluation> evaluations, List<String> refused, long[] positives, List<String> notes) {
        return of(plan, whole, settings, slices, evaluations, refused, positives, notes, null);
    }

    /**
     * The sliced evaluation from evaluations made elsewhere, as
     * {@link #of(SlicePlan, Evaluation, EvaluationSettings, List, List, List, long[], List)}, with the bootstrap
     * intervals of each measured slice drawn where the rows are ({@code bootstrap.get(i)}: the interval of each metric
     * {@link MetricIntervals#applicable} to the plan's method, as {@link MetricIntervals#of} gives it for the slice's rows).
     *
     * @param bootstrap per slice its intervals (null or absent for a slice not measured); null when there are none
     * @throws InvalidInputException as {@link #of}; or if the plan asks for bootstrap intervals and none are given
     */
    public static SlicedEvaluation of(SlicePlan plan, Evaluation whole, EvaluationSettings settings, List<Slice> slices,
            List<Evaluation> evaluations, List<String> refused, long[] positives, List<String> notes,
            List<Map<String, IntervalEstimate>> bootstrap) {
        if (plan.ci() != null && plan.ci().method().resamples() && bootstrap == null) {
            throw new InvalidInputException("bootstrap intervals of slices (ci: " + plan.ci().method().id() + ") need the rows of"
                    + " each slice; use method wilson, or leave ci out.");
        }
        requireMetrics(plan, whole);
        String positive = positiveClass(whole, settings);
        List<SliceResult> results = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            Slice slice = slices.get(i);
            long p = positive == null ? -1 : positives[i];
            String key = SliceKey.of(slice);
            if (slice.size() < plan.minSize()) {
                results.add(new SliceResult(slice, key, p, Map.of(), Map.of(), "too small", null));
            } else if (evaluations.get(i) == null) {
                results.add(new SliceResult(slice, key, p, Map.of(), Map.of(), "cannot be evaluated: " + refused.get(i), null));
            } else {
                Map<String, MetricValue> values = new LinkedHashMap<>();
                Evaluation e = evaluations.get(i);
                plan.metrics().forEach(id -> values.put(id, e.metric(id)));
                Map<String, IntervalEstimate> intervals = plan.ci() == null ? Map.of() : bootstrap != null ? bootstrap.get(i)
                        : MetricIntervals.fromCounts(e, MetricIntervals.applicable(plan.metrics(), plan.ci().method()), plan.ci());
                results.add(new SliceResult(slice, key, p, values, intervals, null, weakEvidence(slice.size(), p)));
            }
        }
        return finish(plan, whole, positive, results, notes);
    }

    /** The positive class of a binary task whose whole data evaluates to {@code whole}; null otherwise. */
    public static String positiveClass(Evaluation whole, EvaluationSettings settings) {
        if (whole.task() != Task.BINARY) {
            return null;
        }
        return whole.confusionMatrix().map(ConfusionCounts::labels).filter(l -> l.size() == 2).map(l -> l.get(1))
                .orElse(settings.positiveClass());
    }

    private static void requireMetrics(SlicePlan plan, Evaluation whole) {
        for (String id : plan.metrics()) {
            if (!whole.metricIds().contains(id)) {
                throw new InvalidInputException("'" + Excerpt.of(id) + "' is not a metric of a " + whole.task().id()
                        + " task; choose from " + String.join(", ", whole.metricIds()) + ".");
            }
        }
    }

    private static SlicedEvaluation finish(SlicePlan plan, Evaluation whole, String positive, List<SliceResult> results,
            List<String> notes) {
        if (results.stream().noneMatch(SliceResult::measured)) {
            int largest = results.stream().mapToInt(SliceResult::size).max().orElse(0);
            throw new InvalidInputException("every slice has fewer than the minimum of " + plan.minSize() + " rows (the largest has "
                    + largest + "), so none was measured. Lower the minimum size, use fewer bins, or slice by columns with fewer values.");
        }
        return new SlicedEvaluation(plan, whole.task(), positive, results, notes);
    }

    /** What was measured. */
    public SlicePlan plan() {
        return plan;
    }

    /** The task of the whole data. */
    public Task task() {
        return task;
    }

    /** The positive class of a binary task; null otherwise. */
    public String positiveClass() {
        return positiveClass;
    }

    /** Every slice, measured or skipped: the columns one at a time, then the pairs. */
    public List<SliceResult> results() {
        return results;
    }

    /** Facts about the slicing, e.g. a column sliced by its most frequent values only. */
    public List<String> notes() {
        return notes;
    }

    private static SliceResult measure(Frame frame, Schema schema, EvaluationSettings settings, SlicePlan plan, long seed,
            Slice slice, Column label, String positive) {
        String key = SliceKey.of(slice);
        long positives = positive == null ? -1 : countOf(label, slice.rows(), positive);
        if (slice.size() < plan.minSize()) {
            return new SliceResult(slice, key, positives, Map.of(), Map.of(),
                    "too small", null);
        }
        Frame rows = frame.slice(slice.rows());
        Evaluation e;
        try {
            e = Evaluator.evaluate(rows, schema, settings);
        } catch (InvalidInputException ex) {
            return new SliceResult(slice, key, positives, Map.of(), Map.of(), "cannot be evaluated: " + ex.getMessage(), null);
        }
        Map<String, MetricValue> values = new LinkedHashMap<>();
        plan.metrics().forEach(id -> values.put(id, e.metric(id)));
        Map<String, IntervalEstimate> intervals = plan.ci() == null ? Map.of() : MetricIntervals.of(rows, schema, settings, e,
                MetricIntervals.applicable(plan.metrics(), plan.ci().method()), plan.ci(), seed);
        return new SliceResult(slice, key, positives, values, intervals, null, weakEvidence(slice.size(), positives));
    }

    /** "weak evidence: 2 positive rows" when either class has fewer than {@link #FEW_CASES} rows in the slice. */
    private static String weakEvidence(int n, long positives) {
        if (positives < 0) {
            return null;
        }
        long negatives = n - positives;
        if (positives >= FEW_CASES && negatives >= FEW_CASES) {
            return null;
        }
        boolean fewPositives = positives < FEW_CASES;
        long few = fewPositives ? positives : negatives;
        return "weak evidence: " + few + (fewPositives ? " positive" : " negative") + " row" + (few == 1 ? "" : "s");
    }

    private static long countOf(Column label, int[] rows, String value) {
        long n = 0;
        for (int r : rows) {
            if (value.equals(label.format(r))) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, ColumnBins> bins(Frame frame, SlicePlan plan) {
        Set<String> columns = new LinkedHashSet<>(plan.columns());
        plan.pairs().forEach(columns::addAll);
        Map<String, ColumnBins> out = new LinkedHashMap<>();
        for (String c : columns) {
            ColumnBins b = ColumnBins.of(frame, c, plan.binning());
            if (b.binCount() < 2) {
                throw new InvalidInputException("column '" + Excerpt.of(c) + "' of " + (frame.source() == null ? "the data"
                        : frame.source()) + " holds " + (b.binCount() == 0 ? "no value" : "one value only ("
                        + b.term(0).describe() + ")") + ", so its one slice is the whole data; slice by a column with two or more values.");
            }
            out.put(c, b);
        }
        return out;
    }
}
