package dev.assay.core.fairness;

import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.slicing.SliceTables;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chosen evaluation metrics compared across the groups of one grouping: each group's value
 * ({@link GroupMetrics#byGroup}) with a percentile bootstrap interval of its own rows
 * ({@link MetricIntervals}, stratified by class, seeded with the fairness seed), and per metric
 * {@code <id>_difference} and {@code <id>_ratio} ({@link GroupMetrics#disparities}) with their intervals.
 * Groups with no rows or below the minimum size in force take no part and get no interval.
 *
 * <p>Reference: Fairlearn 0.13 {@code MetricFrame(metrics={id: sklearn metric}, ...).by_group},
 * {@code .difference(method)}, {@code .ratio(method)}.
 *
 * @param key the grouping's key in member names when several groupings are compared ({@code sex&race}); null for one
 * @param intervals per group (index) the interval of each metric; empty when no interval was asked for
 */
public record MetricComparison(String key, List<String> ids, GroupMetrics metrics, Map<String, Disparity> disparities,
        List<Map<String, IntervalEstimate>> intervals, FairnessSettings settings) {

    /**
     * Compares the metrics {@code ids} across {@code groups}.
     *
     * @param settings the evaluation settings, with the positive class of a binary task set
     * @throws InvalidInputException if an id is not a metric of the task (the evaluator's message, listing them)
     */
    public static MetricComparison of(String key, Frame frame, Schema schema, EvaluationSettings settings, Groups groups,
            List<String> ids, Aggregation aggregation, FairnessSettings fairness) {
        GroupMetrics metrics = GroupMetrics.evaluate(frame, schema, settings, groups);
        Map<String, Disparity> disparities = metrics.disparities(ids, aggregation, fairness);
        List<Map<String, IntervalEstimate>> intervals = new ArrayList<>();
        int[][] rows = groups.rows();
        for (int g = 0; g < groups.groupCount(); g++) {
            Map<String, IntervalEstimate> in = new LinkedHashMap<>();
            if (fairness.resamples() > 0 && takesPart(metrics, g, fairness)) {
                in = interval(frame.slice(rows[g]), schema, settings, ids, fairness);
            }
            intervals.add(in);
        }
        return new MetricComparison(key, List.copyOf(ids), metrics, disparities, intervals, fairness);
    }

    /**
     * Compares the metrics {@code ids} of group metrics evaluated elsewhere ({@link GroupMetrics#of}); with
     * resamples asked for, each group's intervals come from the metrics' {@link GroupResamples}, or, without
     * those, are undefined with {@code noInterval} as the reason.
     */
    public static MetricComparison of(String key, GroupMetrics metrics, List<String> ids, Aggregation aggregation,
            FairnessSettings fairness, String noInterval) {
        Map<String, Disparity> disparities = metrics.disparities(ids, aggregation, fairness);
        List<Map<String, IntervalEstimate>> intervals = new ArrayList<>();
        for (int g = 0; g < metrics.groups().groupCount(); g++) {
            Map<String, IntervalEstimate> in = new LinkedHashMap<>();
            if (fairness.resamples() > 0 && takesPart(metrics, g, fairness)) {
                if (metrics.resamples() != null) {
                    in = metrics.resamples().intervals(g, ids, fairness);
                } else {
                    for (String id : ids) {
                        in.put(id, IntervalEstimate.undefined(noInterval));
                    }
                }
            }
            intervals.add(in);
        }
        return new MetricComparison(key, List.copyOf(ids), metrics, disparities, intervals, fairness);
    }

    /** The bootstrap interval of each metric on one group's rows; undefined with the reason when they cannot be evaluated. */
    private static Map<String, IntervalEstimate> interval(Frame rows, Schema schema, EvaluationSettings settings, List<String> ids,
            FairnessSettings fairness) {
        Map<String, IntervalEstimate> out = new LinkedHashMap<>();
        try {
            Evaluation e = Evaluator.evaluate(rows, schema, settings);
            return MetricIntervals.of(rows, schema, settings, e, ids, IntervalSettings.of(IntervalMethod.PERCENTILE,
                    fairness.resamples(), "resamples", fairness.level(), "level"), fairness.seed());
        } catch (InvalidInputException e) {
            ids.forEach(id -> out.put(id, IntervalEstimate.undefined("the group's rows cannot be evaluated: " + e.getMessage())));
            return out;
        }
    }

    /** Whether {@code group} has rows, at least the minimum size in force. */
    public static boolean takesPart(GroupMetrics metrics, int group, FairnessSettings settings) {
        long n = metrics.size(group);
        return n > 0 && n >= settings.effectiveMinGroupSize();
    }

    /** The groups. */
    public Groups groups() {
        return metrics.groups();
    }

    /** Whether {@code group} takes part in the comparisons. */
    public boolean takesPart(int group) {
        return takesPart(metrics, group, settings);
    }

    /** Metric {@code id} of {@code group}. */
    public MetricValue value(String id, int group) {
        return metrics.byGroup(id, group);
    }

    /** The interval of metric {@code id} of {@code group}: undefined with the reason when there is none. */
    public IntervalEstimate interval(String id, int group) {
        IntervalEstimate e = intervals.get(group).get(id);
        if (e != null) {
            return e;
        }
        return IntervalEstimate.undefined(settings.resamples() == 0 ? "no interval was asked for (resamples = 0)."
                : "the group takes no part in the comparisons (" + metrics.size(group) + " rows).");
    }

    /** One row per group: its rows, each metric's value and interval, and whether it is compared. */
    public EvidenceTable table() {
        List<String> columns = new ArrayList<>(List.of("group", "rows"));
        for (String id : ids) {
            columns.add(id);
            columns.add(id + " " + Math.round(settings.level() * 100) + "% CI");
        }
        columns.add("compared");
        Groups groups = groups();
        List<List<Object>> rows = new ArrayList<>();
        for (int g = 0; g < groups.groupCount(); g++) {
            List<Object> row = new ArrayList<>(List.of(groups.label(g), metrics.size(g)));
            for (String id : ids) {
                MetricValue v = value(id, g);
                row.add(v.defined() ? (Object) v.value() : "undefined: " + v.undefinedReason());
                row.add(SliceTables.interval(interval(id, g)));
            }
            row.add(metrics.size(g) == 0 ? "no: no rows" : takesPart(g) ? "yes"
                    : "no: below the minimum group size " + settings.minGroupSize());
            rows.add(row);
        }
        StringBuilder overall = new StringBuilder();
        for (String id : ids) {
            MetricValue v = metrics.overall(id);
            overall.append(overall.length() == 0 ? "" : ", ").append(id).append(' ')
                    .append(v.defined() ? String.format(java.util.Locale.ROOT, "%.4g", v.value()) : "undefined");
        }
        return new EvidenceTable("Metrics by " + String.join(" & ", groups.columns()) + " (overall " + overall + ")", columns, rows);
    }
}
