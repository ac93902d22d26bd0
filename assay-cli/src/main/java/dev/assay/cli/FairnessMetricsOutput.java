package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.fairness.Disparity;
import dev.assay.core.fairness.FairnessAssessment;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.MetricComparison;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --metrics} part of {@code assay fairness}: in JSON, {@code metrics} gets {@code f1_difference} and
 * {@code f1_ratio} (keyed {@code f1_difference[sex]} when several groupings are compared) and each {@code groups}
 * entry gets {@code f1: {value, interval}}; as text, the disparities and a table of the metrics per group.
 */
final class FairnessMetricsOutput {

    private FairnessMetricsOutput() {
    }

    static void json(ObjectMapper mapper, ObjectNode metrics, ObjectNode groups, List<MetricComparison> compared) {
        for (MetricComparison c : compared) {
            for (Map.Entry<String, Disparity> e : c.disparities().entrySet()) {
                metrics.set(c.key() == null ? e.getKey() : e.getKey() + "[" + c.key() + "]", FairnessReport.disparity(mapper, e.getValue()));
            }
            Groups gs = c.groups();
            for (int g = 0; g < gs.groupCount(); g++) {
                String member = FairnessAssessment.memberKey(gs, g);
                ObjectNode o = groups.has(member) ? (ObjectNode) groups.get(member) : groups.putObject(member);
                if (!o.has("grouping")) {
                    o.put("grouping", String.join(FairnessAssessment.INTERSECTION, gs.columns()));
                    o.put("n", c.metrics().size(g));
                    o.put("compared", c.takesPart(g));
                }
                for (String id : c.ids()) {
                    MetricValue v = c.value(id, g);
                    ObjectNode m = o.putObject(id);
                    FairnessReport.number(m, "value", v.value());
                    IntervalEstimate interval = c.interval(id, g);
                    if (interval.defined()) {
                        m.set("interval", mapper.valueToTree(interval.interval()));
                    } else {
                        m.putNull("interval");
                        m.put("no_interval", interval.undefinedReason());
                    }
                    if (!v.defined()) {
                        m.put("undefined_reason", v.undefinedReason());
                    }
                }
            }
        }
    }

    static void print(PrintWriter out, List<MetricComparison> compared) {
        for (MetricComparison c : compared) {
            out.println();
            out.println("Metrics by " + String.join(" & ", c.groups().columns()));
            int width = c.disparities().keySet().stream().mapToInt(String::length).max().orElse(10);
            for (Map.Entry<String, Disparity> e : c.disparities().entrySet()) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", e.getKey(), FairnessReport.shown(e.getValue()));
            }
            EvidenceTable t = c.table();
            out.println();
            out.println(t.title());
            out.print(Format.table(t));
        }
    }
}
