package dev.assay.spark;

import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.slicing.ColumnBins;
import dev.assay.core.slicing.Slice;
import dev.assay.core.checks.SliceEvaluations;
import dev.assay.core.slicing.SliceFilters;
import dev.assay.core.slicing.SliceKey;
import dev.assay.core.slicing.SliceResult;
import dev.assay.core.slicing.SlicePlan;
import dev.assay.core.slicing.SlicedEvaluation;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.MetricIntervals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code slices} check of a binary task on Spark. Each sliced column's distinct values and their row
 * counts are binned by core exactly as the rows would be ({@link ColumnBins#ofDistinct}: quantile edges
 * of the values counted with their multiplicity, the most frequent categories); every row is then
 * counted into the curve of its bin of each column and its cell of each pair ({@link GroupCoder}), every
 * slice evaluated from its merged accumulators ({@link BinaryCurves}), and core reports them
 * ({@link SlicedEvaluation#of(SlicePlan, Evaluation, EvaluationSettings, List, List, List, long[], List)}). The
 * reference data's rows are folded into the same slices ({@link #onReference}).
 */
final class SparkSlices implements SliceEvaluations {
    private final Dataset<Row> data;
    private final Schema schema;
    private final int limit;
    private final String source;
    private final FoldedChecks.Data reference;
    /** How {@link #evaluate} binned the current data, for {@link #onReference}; null before. */
    private Layout layout;

    /**
     * How the current data was sliced: the sliced columns, each one's bins, the key columns of each grouping
     * (a column, or a pair), and the curve of each slice by its key.
     */
    private record Layout(List<String> columns, List<ColumnBins> bins, boolean[] numeric, int[][] groupings,
            Map<String, Integer> curves) {
    }

    /**
     * @param reference the reference data, whose slices {@link #onReference} evaluates; null if none
     */
    SparkSlices(Dataset<Row> data, Schema schema, int limit, String source, FoldedChecks.Data reference) {
        this.data = data;
        this.schema = schema;
        this.limit = limit;
        this.source = source;
        this.reference = reference;
    }

    @Override
    public SlicedEvaluation evaluate(SlicePlan plan, EvaluationSettings settings, long seed) {
        SparkEvaluator.BinaryEncoding encoding = SparkEvaluator.encoding(data, schema, settings, source);
        LinkedHashSet<String> sliced = new LinkedHashSet<>(plan.columns());
        plan.pairs().forEach(sliced::addAll);
        List<String> columns = new ArrayList<>(sliced);
        List<ColumnBins> bins = new ArrayList<>();
        List<Map<Object, Integer>> codes = new ArrayList<>();
        boolean[] numeric = new boolean[columns.size()];
        List<String> notes = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            DistinctValues values = DistinctValues.of(data, List.of(columns.get(c)), limit, source);
            ColumnBins b = ColumnBins.ofDistinct(values.frame(), columns.get(c), values.rows(), plan.binning());
            requireTwoBins(b);
            Map<Object, Integer> code = new HashMap<>();
            for (int r = 0; r < values.frame().rowCount(); r++) {
                code.put(values.key(r, 0), b.bin(r));
            }
            bins.add(b);
            codes.add(code);
            numeric[c] = values.numeric()[0];
        }
        bins.stream().map(ColumnBins::note).filter(n -> n != null).forEach(notes::add);
        List<int[]> groupings = new ArrayList<>();
        plan.columns().forEach(c -> groupings.add(new int[] {columns.indexOf(c)}));
        plan.pairs().forEach(p -> groupings.add(new int[] {columns.indexOf(p.get(0)), columns.indexOf(p.get(1))}));
        int[] widths = bins.stream().mapToInt(ColumnBins::binCount).toArray();
        GroupCoder coder = new GroupCoder(codes, numeric, groupings.toArray(int[][]::new), widths, 4);
        BinaryCurves curves = BinaryCurves.fold(data, schema, columns, coder, encoding.positive(), settings.threshold(), source);
        Evaluation whole = curves.evaluate(0, settings);
        String positive = SlicedEvaluation.positiveClass(whole, settings);
        EvaluationSettings fixed = settings.withTask(whole.task()).withPositiveClass(positive);
        List<Slice> slices = new ArrayList<>();
        List<Integer> curveOf = new ArrayList<>();
        for (int g = 0; g < groupings.size(); g++) {
            int[] keys = groupings.get(g);
            for (int group = 0; group < coder.groups(g); group++) {
                int curve = coder.offset(g) + group;
                long size = curves.size(curve);
                if (keys.length == 1) {
                    slices.add(new Slice(List.of(bins.get(keys[0]).term(group)), new int[0], Math.toIntExact(size)));
                } else if (size > 0) {
                    int width = widths[keys[1]];
                    slices.add(new Slice(List.of(bins.get(keys[0]).term(group / width), bins.get(keys[1]).term(group % width)),
                            new int[0], Math.toIntExact(size)));
                } else {
                    continue;
                }
                curveOf.add(curve);
            }
        }
        List<Evaluation> evaluations = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        long[] positives = new long[slices.size()];
        for (int i = 0; i < slices.size(); i++) {
            int curve = curveOf.get(i);
            positives[i] = positive == null ? -1 : curves.labelRows(curve, positive);
            Evaluation e = null;
            String why = null;
            if (slices.get(i).size() >= plan.minSize()) {
                try {
                    e = curves.evaluate(curve, fixed);
                } catch (InvalidInputException ex) {
                    why = ex.getMessage();
                }
            }
            evaluations.add(e);
            refused.add(why);
        }
        Map<String, Integer> curveByKey = new HashMap<>();
        for (int i = 0; i < slices.size(); i++) {
            curveByKey.put(SliceKey.of(slices.get(i)), curveOf.get(i));
        }
        layout = new Layout(columns, bins, numeric, groupings.toArray(int[][]::new), curveByKey);
        if (plan.ci() == null || !plan.ci().method().resamples()) {
            return SlicedEvaluation.of(plan, whole, settings, slices, evaluations, refused, positives, notes);
        }
        CurveReplicates drawn = CurveReplicates.fold(data, schema, columns, coder, fixed, plan.ci().resamples(), seed, source);
        List<String> ids = MetricIntervals.applicable(plan.metrics(), plan.ci().method());
        List<Map<String, IntervalEstimate>> bootstrap = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            int curve = curveOf.get(i);
            bootstrap.add(evaluations.get(i) == null ? null : drawn.intervals(curve, evaluations.get(i),
                    curves.encoding(curve, fixed), ids, plan.ci().resamples(), plan.ci().level()));
        }
        return SlicedEvaluation.of(plan, whole, settings, slices, evaluations, refused, positives, notes, bootstrap);
    }

    /**
     * Each reference value of a sliced column is given the current data's bin whose term selects it (as
     * {@link SliceFilters} selects rows: a quantile bin keeps the current edges; a value no bin selects is in
     * no slice), then the reference rows are folded into the same curves as the current ones and each
     * measured slice evaluated from its accumulators.
     */
    @Override
    public Map<String, Evaluation> onReference(SlicedEvaluation sliced, EvaluationSettings settings) {
        if (reference == null) {
            return Map.of();
        }
        if (layout == null) {
            throw new IllegalStateException("onReference before evaluate");
        }
        List<Map<Object, Integer>> codes = new ArrayList<>();
        for (int c = 0; c < layout.columns().size(); c++) {
            String column = layout.columns().get(c);
            DistinctValues values = DistinctValues.of(reference.rows(), List.of(column), limit, reference.name());
            ColumnBins b = layout.bins().get(c);
            Map<Object, Integer> code = new HashMap<>();
            for (int bin = 0; bin < b.binCount(); bin++) {
                int[] rows;
                try {
                    rows = SliceFilters.of(new Slice(List.of(b.term(bin)), new int[0], 0)).rows(values.frame());
                } catch (InvalidInputException none) {
                    continue;
                }
                for (int r : rows) {
                    code.putIfAbsent(values.key(r, 0), bin);
                }
            }
            codes.add(code);
        }
        int[] widths = layout.bins().stream().mapToInt(ColumnBins::binCount).toArray();
        GroupCoder coder = new GroupCoder(codes, layout.numeric(), layout.groupings(), widths, 4);
        BinaryCurves curves = BinaryCurves.fold(reference.rows(), schema, layout.columns(), coder, sliced.positiveClass(),
                settings.threshold(), reference.name());
        Map<String, Evaluation> out = new HashMap<>();
        for (SliceResult r : sliced.results()) {
            Integer curve = layout.curves().get(r.key());
            if (!r.measured() || curve == null || curves.size(curve) == 0) {
                continue;
            }
            try {
                out.put(r.key(), curves.evaluate(curve, settings));
            } catch (InvalidInputException e) {
                // as locally: a reference slice that cannot be evaluated has no reference value
            }
        }
        return out;
    }

    /** Refuses a column with fewer than two bins, as the local slicing does. */
    private void requireTwoBins(ColumnBins b) {
        if (b.binCount() < 2) {
            throw new InvalidInputException("column '" + Excerpt.of(b.column()) + "' of " + source + " holds "
                    + (b.binCount() == 0 ? "no value" : "one value only (" + b.term(0).describe() + ")")
                    + ", so its one slice is the whole data; slice by a column with two or more values.");
        }
    }
}
