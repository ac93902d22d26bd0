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
import dev.assay.core.fairness.GroupCounts;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.MetricComparison;
import dev.assay.core.fairness.Rate;
import dev.assay.core.fairness.RateKind;
import dev.assay.core.fairness.SelectionRateTest;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code assay fairness} prints: JSON with {@code metrics} (each disparity id, keyed
 * {@code id[grouping]} when several groupings are compared, to an object with {@code value},
 * {@code interval} and, when undefined, {@code undefined_reason}), {@code groups} (each group's counts
 * and rates) and {@code tests}; or the same as text. A multiclass task has every measure per class:
 * {@code id[class=C]} or {@code id[grouping,class=C]}, groups {@code sex=F,class=C}.
 *
 * @param positive the positive class of a binary task; null for a multiclass one
 * @param classes the groupings of each class (one entry with a null class for a binary task)
 * @param compared the {@code --metrics} per grouping ({@link FairnessMetricsOutput}); empty without
 */
record FairnessReport(String data, int rows, String positive, FairnessAssessment.Plan plan, double alpha,
        List<ClassGroupings> classes, List<MetricComparison> compared, List<String> notes) {

    /** The groupings of one class of a multiclass task (one-vs-rest), or of a binary task ({@code cls} null). */
    record ClassGroupings(String cls, List<FairnessAssessment.Grouping> groupings) {

        /** {@code key} with this class appended: {@code class=C}, {@code sex,class=C}; {@code key} itself for binary. */
        String key(String key) {
            String c = cls == null ? null : "class=" + cls;
            return key == null ? c : c == null ? key : key + "," + c;
        }
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        FairnessSettings s = plan.settings();
        root.put("data", data);
        root.put("rows", rows);
        if (positive != null) {
            root.put("positive", positive);
        } else {
            ArrayNode cs = root.putArray("classes");
            classes.forEach(c -> cs.add(c.cls()));
        }
        root.put("convention", s.convention().name().toLowerCase(Locale.ROOT));
        root.put("aggregation", plan.aggregation().id());
        root.put("min_group_size", s.minGroupSize());
        ObjectNode ci = root.putObject("ci");
        ci.put("level", s.level());
        ci.put("resamples", s.resamples());
        ci.put("seed", s.seed());
        ObjectNode privileged = root.putObject("privileged");
        ObjectNode metrics = root.putObject("metrics");
        ObjectNode groups = root.putObject("groups");
        ArrayNode tests = root.putArray("tests");
        for (ClassGroupings c : classes) {
            for (FairnessAssessment.Grouping g : c.groupings()) {
                addGrouping(mapper, c, g, privileged, metrics, groups, tests);
            }
        }
        FairnessMetricsOutput.json(mapper, metrics, groups, compared);
        root.put("adjustment", plan.adjustment().toString());
        root.put("alpha", alpha);
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void addGrouping(ObjectMapper mapper, ClassGroupings c, FairnessAssessment.Grouping g, ObjectNode privileged,
            ObjectNode metrics, ObjectNode groups, ArrayNode tests) {
        String grouping = String.join(FairnessAssessment.INTERSECTION, g.groups().columns());
        if (g.privileged() != null) {
            privileged.put(grouping, g.privileged());
        }
        String key = c.key(g.key());
        for (Map.Entry<String, Disparity> e : g.disparities().entrySet()) {
            metrics.set(key == null ? e.getKey() : e.getKey() + "[" + key + "]", disparity(mapper, e.getValue()));
        }
        addGroups(mapper, groups, g, grouping, c);
        List<SelectionRateTest.Result> all = new java.util.ArrayList<>(List.of(g.overallTest()));
        all.addAll(g.groupTests());
        for (SelectionRateTest.Result r : all) {
            ObjectNode t = tests.addObject();
            t.put("grouping", grouping);
            if (c.cls() != null) {
                t.put("class", c.cls());
            }
            t.put("group", r.group());
            t.put("method", r.method());
            number(t, "statistic", r.statistic());
            number(t, "p_value", r.pValue());
            number(t, "adjusted_p_value", r.adjustedPValue());
            if (r.undefinedReason() != null) {
                t.put("undefined_reason", r.undefinedReason());
            }
        }
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "Fairness of the predictions in %s (%d rows, %s)%n", data, rows, positive == null
                ? classes.size() + " classes one-vs-rest" : "positive class '" + positive + "'");
        notes.forEach(n -> out.println("  note: " + n));
        FairnessSettings s = plan.settings();
        for (ClassGroupings c : classes) {
            for (FairnessAssessment.Grouping g : c.groupings()) {
                print(out, c, g, s);
            }
        }
        FairnessMetricsOutput.print(out, compared);
    }

    private void print(PrintWriter out, ClassGroupings c, FairnessAssessment.Grouping g, FairnessSettings s) {
        out.println();
        out.println((c.cls() == null ? "By " : "Class " + c.cls() + " against the rest, by ")
                + String.join(" & ", g.groups().columns())
                + (g.privileged() == null ? "" : " (privileged group " + g.privileged() + ")"));
        int width = g.disparities().keySet().stream().mapToInt(String::length).max().orElse(10);
        for (Map.Entry<String, Disparity> e : g.disparities().entrySet()) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", e.getKey(), shown(e.getValue()));
        }
        for (EvidenceTable t : List.of(FairnessTables.groups(g, s), FairnessTables.tests(g, plan.adjustment(), alpha))) {
            out.println();
            out.println(t.title());
            out.print(Format.table(t));
        }
    }

    /** A disparity as text: its value and interval, or why it is undefined. */
    static String shown(Disparity d) {
        return d.defined() ? Format.number(d.value()) + interval(d.interval()) : "undefined: " + d.undefinedReason();
    }

    static ObjectNode disparity(ObjectMapper mapper, Disparity d) {
        ObjectNode m = mapper.createObjectNode();
        number(m, "value", d.value());
        interval(mapper, m, d.interval());
        if (!d.defined()) {
            m.put("undefined_reason", d.undefinedReason());
        }
        if (d.detail() != null) {
            m.put("detail", d.detail());
        }
        ArrayNode excluded = m.putArray("excluded");
        d.excluded().forEach(excluded::add);
        return m;
    }

    private void addGroups(ObjectMapper mapper, ObjectNode groups, FairnessAssessment.Grouping g, String grouping, ClassGroupings cls) {
        GroupCounts counts = g.counts();
        Groups gs = counts.groups();
        for (int group = 0; group < gs.groupCount(); group++) {
            ObjectNode o = groups.putObject(cls.key(FairnessAssessment.memberKey(gs, group)));
            o.put("grouping", grouping);
            if (cls.cls() != null) {
                o.put("class", cls.cls());
            }
            long[] c = counts.confusion(group);
            o.put("n", counts.size(group));
            o.put("tp", c[0]);
            o.put("fp", c[1]);
            o.put("fn", c[2]);
            o.put("tn", c[3]);
            o.put("compared", FairnessAssessment.takesPart(counts, group, plan.settings()));
            for (RateKind kind : RateKind.values()) {
                Rate r = counts.rate(kind, group);
                ObjectNode rate = o.putObject(kind.id());
                number(rate, "value", r.value(plan.settings().convention()));
                interval(mapper, rate, counts.interval(kind, group, plan.settings().level()));
                if (!r.defined()) {
                    rate.put("undefined_reason", r.undefinedReason());
                }
            }
        }
    }

    private static void interval(ObjectMapper mapper, ObjectNode node, IntervalEstimate estimate) {
        if (estimate.defined()) {
            node.set("interval", mapper.valueToTree(estimate.interval()));
        } else {
            node.putNull("interval");
            node.put("no_interval", estimate.undefinedReason());
        }
    }

    /** A number, or null for NaN; infinities (AIF360's x / 0) as the strings "Infinity" and "-Infinity". */
    static void number(ObjectNode node, String field, double v) {
        if (Double.isNaN(v)) {
            node.putNull(field);
        } else if (Double.isInfinite(v)) {
            node.put(field, v > 0 ? "Infinity" : "-Infinity");
        } else {
            node.put(field, v);
        }
    }

    /** {@code "  95% CI 0.31–0.51"}, or why there is none. */
    private static String interval(IntervalEstimate e) {
        if (!e.defined()) {
            return "  (no interval: " + e.undefinedReason() + ")";
        }
        return String.format(Locale.ROOT, "  %s%% CI %s–%s", Format.number(e.interval().level() * 100),
                Format.number(e.interval().lower()), Format.number(e.interval().upper()));
    }
}
