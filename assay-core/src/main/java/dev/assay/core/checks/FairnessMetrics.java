package dev.assay.core.checks;

import dev.assay.core.check.Observations;
import dev.assay.core.data.Dataset;
import dev.assay.core.fairness.Aggregation;
import dev.assay.core.fairness.Disparity;
import dev.assay.core.fairness.FairnessAssessment;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.FairnessTables;
import dev.assay.core.fairness.GroupEvaluations;
import dev.assay.core.fairness.GroupMetrics;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.MetricComparison;
import dev.assay.core.fairness.ProtectedAttribute;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.result.Measurement;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code metrics:} of the fairness check: the chosen evaluation metrics per group of every grouping
 * ({@link MetricComparison}), measured as {@code f1[sex=Female]} with a bootstrap interval, and per metric
 * {@code f1_difference} and {@code f1_ratio} (keyed {@code [sex]} when several groupings are compared), with a
 * table of the metrics per group and one of their disparities.
 */
final class FairnessMetrics {

    private FairnessMetrics() {
    }

    /** What measuring {@code ids} adds to the check's measures: each id, and its {@code _difference} and {@code _ratio}. */
    static Set<String> measures(List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            out.add(id);
            out.add(id + "_difference");
            out.add(id + "_ratio");
        }
        return out;
    }

    /**
     * Observes metrics {@code ids} across every grouping of {@code attributes}.
     *
     * @param merged the per-group evaluations of an engine that holds the rows elsewhere; null to evaluate the rows of {@code data}
     * @param settings the evaluation settings with the task and, for a binary task, the positive class of the run
     */
    static void observe(Observations obs, Dataset data, GroupEvaluations merged, EvaluationSettings settings,
            List<ProtectedAttribute> attributes, boolean intersections, List<String> ids, Aggregation aggregation,
            FairnessSettings fairness) {
        List<List<ProtectedAttribute>> groupings = FairnessAssessment.groupings(attributes, intersections);
        for (List<ProtectedAttribute> grouping : groupings) {
            MetricComparison c;
            long rows;
            String key;
            if (merged == null) {
                Groups groups = Groups.of(data.frame(), grouping);
                key = key(groupings, groups);
                c = MetricComparison.of(key, data.frame(), data.schema(), settings, groups, ids, aggregation, fairness);
                rows = groups.rowCount();
            } else {
                GroupMetrics metrics = merged.evaluate(grouping, settings);
                key = key(groupings, metrics.groups());
                c = MetricComparison.of(key, metrics, ids, aggregation, fairness, merged.noInterval());
                rows = merged.rows();
            }
            Groups groups = c.groups();
            for (Disparity d : c.disparities().values()) {
                obs.measurement(new Measurement(d.id(), key, d.value(), d.interval().interval(), null, rows,
                        d.defined() ? FairnessTables.leftOut(d.excluded()) : d.undefinedReason(), List.of()));
            }
            for (int g = 0; g < groups.groupCount(); g++) {
                if (!c.takesPart(g)) {
                    continue;
                }
                String member = FairnessAssessment.memberKey(groups, g);
                for (String id : ids) {
                    MetricValue v = c.value(id, g);
                    IntervalEstimate interval = c.interval(id, g);
                    obs.measurement(new Measurement(id, member, v.value(), interval.defined() ? interval.interval() : null, null,
                            c.metrics().size(g), v.undefinedReason(), List.of()));
                }
            }
            String by = String.join(" & ", groups.columns());
            obs.table(c.table());
            obs.table(FairnessTables.disparities("Metric disparities by " + by, c.disparities(), fairness));
        }
        obs.note("Metrics per group (" + String.join(", ", ids) + ") are those of the evaluation on each group's rows alone, "
                + "as Fairlearn's MetricFrame; " + ids.get(0) + "_difference is " + (aggregation == Aggregation.TO_OVERALL
                ? "the largest distance of a group to all rows" : "the largest minus the smallest group's value") + ", "
                + ids.get(0) + "_ratio " + (aggregation == Aggregation.TO_OVERALL ? "the smallest group-to-overall ratio"
                : "the smallest over the largest") + ", e.g. " + ids.get(0) + "_difference <= 0.1 or min(" + ids.get(0) + "[*]) >= 0.5.");
    }

    /** The grouping's key in member names when several groupings are compared; null for one. */
    private static String key(List<List<ProtectedAttribute>> groupings, Groups groups) {
        return groupings.size() == 1 ? null : String.join(FairnessAssessment.INTERSECTION, groups.columns());
    }
}
