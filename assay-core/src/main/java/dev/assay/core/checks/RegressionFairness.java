package dev.assay.core.checks;

import dev.assay.core.chart.BarChart;
import dev.assay.core.check.Observations;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.Aggregation;
import dev.assay.core.fairness.Disparity;
import dev.assay.core.fairness.FairnessAssessment;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.FairnessTables;
import dev.assay.core.fairness.GroupEvaluations;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.Outcomes;
import dev.assay.core.fairness.ProtectedAttribute;
import dev.assay.core.fairness.RegressionDisparities;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fairness check on a regression task: per grouping the {@link RegressionDisparities}
 * ({@code mean_absolute_error_difference}, {@code _ratio}, {@code mean_prediction_difference},
 * {@code _ratio}, each with its bootstrap interval) and per group {@code mean_absolute_error[sex=1]} and
 * {@code mean_prediction[sex=1]}, a table of the groups and one of the disparities, and the groups' MAE as bars.
 */
final class RegressionFairness {
    /** The per-group values measured. */
    static final List<String> MEMBERS = List.of("mean_absolute_error", "mean_prediction");

    private RegressionFairness() {
    }

    /**
     * Observes every grouping of {@code attributes} (each alone and, when asked, combined).
     *
     * @param merged the per-group sums of an engine that holds the rows elsewhere; null to sum the rows of {@code data}
     */
    static List<String> observe(Observations obs, Dataset data, GroupEvaluations merged, List<ProtectedAttribute> attributes,
            boolean intersections, Aggregation aggregation, FairnessSettings settings) {
        Frame frame = data.frame();
        String prediction = data.schema().prediction();
        if (prediction == null) {
            throw new InvalidInputException("The fairness check of a regression task compares predicted values: name the "
                    + "prediction column in the suite's columns section (prediction: ...) or give a model.");
        }
        double[] truth = merged != null ? null : Outcomes.numbers(frame, data.schema().label(), "label");
        double[] predicted = merged != null ? null : Outcomes.numbers(frame, prediction, "prediction");
        long total = merged != null ? merged.rows() : truth.length;
        List<List<ProtectedAttribute>> groupings = FairnessAssessment.groupings(attributes, intersections);
        List<String> summary = new ArrayList<>();
        for (List<ProtectedAttribute> grouping : groupings) {
            RegressionDisparities r = merged != null ? merged.regression(grouping)
                    : RegressionDisparities.of(Groups.of(frame, grouping), truth, predicted);
            Groups groups = r.groups();
            String key = groupings.size() == 1 ? null : String.join(FairnessAssessment.INTERSECTION, groups.columns());
            Map<String, Disparity> disparities = r.all(aggregation, settings);
            for (Disparity d : disparities.values()) {
                obs.measurement(new Measurement(d.id(), key, d.value(), d.interval().interval(), null, total,
                        d.defined() ? FairnessTables.leftOut(d.excluded()) : d.undefinedReason(), List.of()));
            }
            List<List<Object>> rows = new ArrayList<>();
            List<Integer> shown = new ArrayList<>();
            List<String> left = new ArrayList<>();
            for (int g = 0; g < groups.groupCount(); g++) {
                long n = r.size(g);
                boolean compared = n > 0 && n >= settings.effectiveMinGroupSize();
                String member = FairnessAssessment.memberKey(groups, g);
                rows.add(List.of(member, n, r.meanAbsoluteError(g), r.meanPrediction(g), n == 0 ? "no: no rows"
                        : compared ? "yes" : "no: below the minimum group size " + settings.minGroupSize()));
                if (!compared) {
                    left.add(groups.label(g) + " (" + (n == 0 ? "no" : n) + " rows)");
                } else {
                    shown.add(g);
                    obs.measurement(new Measurement("mean_absolute_error", member, r.meanAbsoluteError(g), null, null, n, null, List.of()));
                    obs.measurement(new Measurement("mean_prediction", member, r.meanPrediction(g), null, null, n, null, List.of()));
                }
            }
            String by = String.join(" & ", groups.columns());
            if (!left.isEmpty()) {
                obs.note("Left out of the comparisons by " + by + " for having no rows or fewer than "
                        + settings.effectiveMinGroupSize() + ": " + String.join(", ", left) + ".");
            }
            obs.chart(new BarChart("Error and mean prediction by " + by, "The mean absolute error and mean prediction of each group "
                    + "compared; equal bars mean equal error (and equal output) across groups.", "value",
                    shown.stream().map(g -> String.join(", ", groups.values(g))).toList(), List.of("MAE", "mean prediction"),
                    List.of(shown.stream().mapToDouble(r::meanAbsoluteError).toArray(),
                            shown.stream().mapToDouble(r::meanPrediction).toArray())));
            obs.table(new EvidenceTable("Groups by " + by + " (overall MAE " + FairnessCheck.format(r.overallMeanAbsoluteError())
                    + ", mean prediction " + FairnessCheck.format(r.overallMeanPrediction()) + ")",
                    List.of("group", "rows", "mean_absolute_error", "mean_prediction", "compared"), rows));
            obs.table(FairnessTables.disparities("Disparities by " + by, disparities, settings));
            groups.notes().forEach(obs::note);
            Disparity mae = disparities.get("mean_absolute_error_difference");
            summary.add(mae.id() + " " + (mae.defined() ? FairnessCheck.format(mae.value()) : "undefined") + " by " + by);
        }
        return summary;
    }
}
