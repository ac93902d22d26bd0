package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.fairness.Disparity;
import dev.assay.core.fairness.FairnessAssessment;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.FairnessTables;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.MetricComparison;
import dev.assay.core.fairness.RegressionDisparities;
import dev.assay.core.result.EvidenceTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code assay fairness --task regression} prints: JSON with {@code metrics}
 * ({@code mean_absolute_error_difference}, {@code _ratio}, {@code mean_prediction_difference}, {@code _ratio},
 * keyed {@code id[grouping]} when several groupings are compared, each an object with {@code value} and
 * {@code interval}) and {@code groups} (each group's {@code n}, {@code mean_absolute_error} and
 * {@code mean_prediction}); or the same as text.
 */
record RegressionFairnessReport(String data, int rows, FairnessAssessment.Plan plan, List<RegressionDisparities> groupings,
        List<MetricComparison> compared, List<String> notes) {

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        FairnessSettings s = plan.settings();
        root.put("data", data);
        root.put("rows", rows);
        root.put("task", "regression");
        root.put("convention", s.convention().name().toLowerCase(Locale.ROOT));
        root.put("aggregation", plan.aggregation().id());
        root.put("min_group_size", s.minGroupSize());
        ObjectNode ci = root.putObject("ci");
        ci.put("level", s.level());
        ci.put("resamples", s.resamples());
        ci.put("seed", s.seed());
        ObjectNode metrics = root.putObject("metrics");
        ObjectNode groups = root.putObject("groups");
        for (RegressionDisparities r : groupings) {
            Groups gs = r.groups();
            String grouping = String.join(FairnessAssessment.INTERSECTION, gs.columns());
            for (Disparity d : r.all(plan.aggregation(), s).values()) {
                metrics.set(groupings.size() == 1 ? d.id() : d.id() + "[" + grouping + "]", FairnessReport.disparity(mapper, d));
            }
            for (int g = 0; g < gs.groupCount(); g++) {
                ObjectNode o = groups.putObject(FairnessAssessment.memberKey(gs, g));
                o.put("grouping", grouping);
                o.put("n", r.size(g));
                o.put("compared", r.size(g) > 0 && r.size(g) >= s.effectiveMinGroupSize());
                FairnessReport.number(o, "mean_absolute_error", r.meanAbsoluteError(g));
                FairnessReport.number(o, "mean_prediction", r.meanPrediction(g));
            }
        }
        FairnessMetricsOutput.json(mapper, metrics, groups, compared);
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "Fairness of the predictions in %s (%d rows, regression)%n", data, rows);
        notes.forEach(n -> out.println("  note: " + n));
        FairnessSettings s = plan.settings();
        for (RegressionDisparities r : groupings) {
            Groups gs = r.groups();
            out.println();
            out.println("By " + String.join(" & ", gs.columns()));
            Map<String, Disparity> all = r.all(plan.aggregation(), s);
            int width = all.keySet().stream().mapToInt(String::length).max().orElse(10);
            for (Disparity d : all.values()) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", d.id(), FairnessReport.shown(d));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int g = 0; g < gs.groupCount(); g++) {
                rows.add(List.of(FairnessAssessment.memberKey(gs, g), r.size(g), r.meanAbsoluteError(g), r.meanPrediction(g)));
            }
            EvidenceTable t = new EvidenceTable("Groups by " + String.join(" & ", gs.columns()),
                    List.of("group", "rows", "mean_absolute_error", "mean_prediction"), rows);
            out.println();
            out.println(t.title());
            out.print(Format.table(t));
        }
        FairnessMetricsOutput.print(out, compared);
    }
}
