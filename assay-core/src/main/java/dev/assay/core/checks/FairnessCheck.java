package dev.assay.core.checks;

import dev.assay.core.chart.BarChart;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.Aggregation;
import dev.assay.core.fairness.Disparity;
import dev.assay.core.fairness.FairnessAssessment;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.FairnessTables;
import dev.assay.core.fairness.GroupEvaluations;
import dev.assay.core.fairness.GroupCounts;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.GroupTallies;
import dev.assay.core.fairness.MultipleTesting;
import dev.assay.core.fairness.Outcomes;
import dev.assay.core.fairness.ProtectedAttribute;
import dev.assay.core.fairness.Rate;
import dev.assay.core.fairness.RateKind;
import dev.assay.core.fairness.RegressionDisparities;
import dev.assay.core.metrics.BinaryOutcomes;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Interval;
import dev.assay.core.result.Measurement;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures the disparities of a model's predictions across protected groups ({@link FairnessAssessment}) as {@code disparate_impact} (one grouping) or {@code disparate_impact[sex]}
 * (several), each group's rates as members such as {@code selection_rate[sex=female]}, and the p-value of
 * the chi-square test that the selection rates are equal as {@code selection_rate_p_value}. Shows the
 * groups, disparities and tests in tables and the rates with their intervals as bars. A multiclass task is
 * measured one-vs-rest for every class, keyed {@code [class=C]} or {@code [sex,class=C]}; a regression task by
 * {@link RegressionFairness}. Built by {@link FairnessCheckKind}.
 */
final class FairnessCheck extends MeasuringCheck {
    static final String KIND = "fairness";
    /** The key of a class in the members of a multiclass task: {@code demographic_parity_difference[class=setosa]}. */
    static final String CLASS = "class";
    /** The rates charted per group. */
    private static final List<RateKind> CHARTED = List.of(RateKind.SELECTION_RATE, RateKind.TPR, RateKind.FPR);
    /** The rates measured per group (the others are in the groups table). */
    static final List<RateKind> MEMBERS = List.of(RateKind.SELECTION_RATE, RateKind.TPR, RateKind.FPR, RateKind.PPV);

    /**
     * The check's settings.
     *
     * @param columns the protected columns; empty for the schema's
     * @param edges bin edges per numeric column
     * @param bins quantile bins per numeric column, {@code *} for all
     * @param intervals whether rates get Wilson intervals (disparities get bootstrap ones when resamples > 0)
     * @param favorable the label value of the favourable outcome; null for the positive class
     * @param metrics evaluation metric ids to compare per group ({@link FairnessMetrics}); empty for none
     */
    record Settings(List<String> columns, boolean intersections, Map<String, double[]> edges, Map<String, Integer> bins,
            Map<String, String> privileged, Aggregation aggregation, FairnessSettings fairness, MultipleTesting adjustment,
            double alpha, boolean intervals, String favorable, List<String> metrics) {
    }

    private final Settings settings;

    FairnessCheck(CheckSetup setup, Settings settings) {
        super(setup, KIND, measures(settings), Requirements.LABELLED_PREDICTIONS);
        this.settings = settings;
    }

    private static Set<String> measures(Settings settings) {
        Set<String> out = new LinkedHashSet<>(FairnessCheckKind.DISPARITIES);
        if (settings.privileged().isEmpty()) {
            out.removeAll(List.of("disparate_impact", "statistical_parity_difference", "average_odds_difference"));
        }
        MEMBERS.forEach(kind -> out.add(kind.id()));
        out.add("selection_rate_p_value");
        out.addAll(RegressionDisparities.IDS);
        out.addAll(RegressionFairness.MEMBERS);
        out.addAll(FairnessMetrics.measures(settings.metrics()));
        return out;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("groups", settings.columns().isEmpty() ? "the protected columns" : String.join(", ", settings.columns()));
        out.put("intersections", Boolean.toString(settings.intersections()));
        settings.edges().forEach((c, e) -> out.put("edges of " + c, java.util.Arrays.toString(e)));
        settings.bins().forEach((c, q) -> out.put(c.equals("*") ? "bins" : "bins of " + c, Integer.toString(q)));
        settings.privileged().forEach((c, v) -> out.put("privileged " + c, v));
        FairnessSettings f = settings.fairness();
        out.put("min_group_size", Integer.toString(f.minGroupSize()));
        out.put("convention", f.convention().name().toLowerCase(Locale.ROOT));
        out.put("aggregation", settings.aggregation().id());
        out.put("ci", f.resamples() == 0 ? "none" : f.level() + ", " + f.resamples() + " bootstrap resamples");
        out.put("alpha", Double.toString(settings.alpha()));
        out.put("adjustment", settings.adjustment().toString());
        if (!settings.metrics().isEmpty()) {
            out.put("metrics", String.join(", ", settings.metrics()));
        }
        out.putAll(setup().evaluation().describe());
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        Evaluation e = RunEvaluations.of(context, data, setup().evaluation());
        List<String> columns = settings.columns().isEmpty() ? data.schema().protectedAttributes() : settings.columns();
        if (columns.isEmpty()) {
            throw new InvalidInputException("The fairness check has no protected columns: name them with groups: [sex, age], or"
                    + " declare them in the suite's columns section (protected: [sex, age]).");
        }
        Observations obs = new Observations();
        GroupEvaluations merged = context.store(GroupEvaluations.NAMESPACE).getOrCompute(data.info().role(),
                GroupEvaluations.class, () -> null);
        if (!settings.metrics().isEmpty()) {
            String positive = e.binaryOutcomes().map(BinaryOutcomes::positiveClass).orElse(null);
            FairnessMetrics.observe(obs, data, merged, setup().evaluation().withTask(e.task()).withPositiveClass(positive),
                    attributes(columns), settings.intersections(), settings.metrics(), settings.aggregation(), settings.fairness());
        }
        if (e.task() == Task.REGRESSION) {
            obs.summary(String.join("; ", RegressionFairness.observe(obs, data, merged, attributes(columns), settings.intersections(),
                    settings.aggregation(), settings.fairness())));
            return obs;
        }
        if (e.task() == Task.MULTICLASS) {
            return multiclass(obs, data, columns);
        }
        BinaryOutcomes outcomes = e.binaryOutcomes().orElseThrow(() -> new InvalidInputException(
                "The fairness check compares predicted classes, but the binary task has no predicted classes. Name the prediction"
                        + " or score column."));
        String favorable = favorable(data, outcomes.positiveClass());
        boolean flip = !favorable.equals(outcomes.positiveClass());
        GroupTallies tallies = context.store(GroupTallies.NAMESPACE).getOrCompute(data.info().role(), GroupTallies.class, () -> null);
        List<FairnessAssessment.Grouping> groupings;
        long rows;
        if (tallies == null) {
            boolean[] truth = new boolean[outcomes.rows()];
            boolean[] predicted = new boolean[outcomes.rows()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = outcomes.truth(i) != flip;
                predicted[i] = outcomes.predicted(i) != flip;
            }
            groupings = FairnessAssessment.assess(data.frame(), truth, predicted, plan(columns));
            rows = truth.length;
        } else {
            List<List<ProtectedAttribute>> wanted = FairnessAssessment.groupings(attributes(columns), settings.intersections());
            groupings = FairnessAssessment.assess(tallies.count(wanted, favorable), plan(columns));
            rows = tallies.rows();
        }
        for (FairnessAssessment.Grouping g : groupings) {
            observe(obs, g, rows, null, true);
        }
        obs.note((flip ? "Favourable outcome '" + favorable + "' (the other class than the positive class '"
                + outcomes.positiveClass() + "')" : "Positive class '" + favorable + "'") + ": the selection rate is the share of a "
                + "group predicted '" + favorable + "', the true positive rate the share of its '" + favorable + "' rows predicted so.");
        notes(obs, groupings);
        obs.summary(summary(groupings, ""));
        return obs;
    }

    /** Every measure one-vs-rest for each class, keyed {@code [class=C]} or {@code [sex,class=C]}. */
    private Observations multiclass(Observations obs, Dataset data, List<String> columns) {
        if (settings.favorable() != null) {
            throw new InvalidInputException("favorable: names the favourable class of a binary task; a multiclass task is "
                    + "compared one-vs-rest for every class, so leave favorable out.");
        }
        String prediction = data.schema().prediction();
        if (prediction == null) {
            throw new InvalidInputException("The fairness check of a multiclass task compares predicted classes: name the "
                    + "prediction column in the suite's columns section (prediction: ...) or give a model.");
        }
        Map<String, boolean[][]> classes = Outcomes.oneVsRestIndicators(data.frame(), data.schema().label(), prediction);
        List<String> parts = new ArrayList<>();
        List<FairnessAssessment.Grouping> groupings = List.of();
        boolean first = true;
        for (Map.Entry<String, boolean[][]> c : classes.entrySet()) {
            boolean[][] tp = c.getValue();
            groupings = FairnessAssessment.assess(data.frame(), tp[0], tp[1], plan(columns));
            for (FairnessAssessment.Grouping g : groupings) {
                observe(obs, g, tp[0].length, CLASS + "=" + c.getKey(), first);
            }
            parts.add(summary(groupings, CLASS + "=" + c.getKey() + ": "));
            first = false;
        }
        obs.note("Multiclass: every measure is one-vs-rest for each of the " + classes.size() + " classes (the class against the "
                + "rest), keyed by class, e.g. demographic_parity_difference[" + key(groupings.get(0).key(), CLASS + "="
                + classes.keySet().iterator().next()) + "] or max(demographic_parity_difference[*]); per-group rates as "
                + "selection_rate[" + columns.get(0) + "=...," + CLASS + "=...].");
        notes(obs, groupings);
        obs.summary(String.join("; ", parts));
        return obs;
    }

    private FairnessAssessment.Plan plan(List<String> columns) {
        return new FairnessAssessment.Plan(attributes(columns), settings.intersections(), settings.privileged(),
                settings.aggregation(), settings.fairness(), settings.adjustment());
    }

    /** The measurements, tables and chart of one grouping; {@code cls} ({@code class=C}) for one class of a multiclass task. */
    private void observe(Observations obs, FairnessAssessment.Grouping g, long rows, String cls, boolean withNotes) {
        FairnessSettings f = settings.fairness();
        disparities(obs, g, rows, cls);
        rates(obs, g, cls);
        obs.measurement(new Measurement("selection_rate_p_value", key(g.key(), cls), g.overallTest().pValue(), null, null, rows,
                g.overallTest().undefinedReason(), List.of()));
        obs.chart(chart(g, cls));
        for (EvidenceTable t : List.of(FairnessTables.groups(g, f), FairnessTables.disparities(g, f),
                FairnessTables.tests(g, settings.adjustment(), settings.alpha()))) {
            obs.table(cls == null ? t : new EvidenceTable(t.title() + ", " + cls, t.columns(), t.rows()));
        }
        if (withNotes) {
            g.groups().notes().forEach(obs::note);
            excluded(g).ifPresent(obs::note);
        }
    }

    private void notes(Observations obs, List<FairnessAssessment.Grouping> groupings) {
        if (groupings.size() > 1) {
            obs.note("Disparities are measured per grouping: conditions name it, e.g. demographic_parity_ratio["
                    + groupings.get(0).key() + "] or min(demographic_parity_ratio[*]).");
        }
        if (settings.privileged().isEmpty()) {
            obs.note("No privileged group is named, so disparate_impact is not measured; demographic_parity_ratio >= 0.8 is the "
                    + "four-fifths rule against the group with the highest selection rate.");
        }
    }

    /** A member key of a grouping and a class: {@code sex}, {@code class=C} or {@code sex,class=C}; null when both are. */
    static String key(String grouping, String cls) {
        return grouping == null ? cls : cls == null ? grouping : grouping + "," + cls;
    }

    /** A number for a summary or title, to four significant digits. */
    static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * The favourable outcome: the positive class, or the other label value named by {@code favorable}.
     *
     * @throws InvalidInputException if {@code favorable} is not a value of the label column
     */
    private String favorable(Dataset data, String positive) {
        String wanted = settings.favorable();
        if (wanted == null || wanted.equals(positive)) {
            return positive;
        }
        String label = data.schema().label();
        Column column = data.frame().column(label, "label");
        Set<String> values = new java.util.TreeSet<>();
        for (int i = 0; i < column.size() && values.size() <= 20; i++) {
            if (!column.isMissing(i)) {
                values.add(column.format(i));
            }
        }
        if (!values.contains(wanted)) {
            throw new InvalidInputException("favorable: '" + Excerpt.of(wanted) + "' is not a value of the label"
                    + " column '" + label + "', which holds " + values + "; name the favourable one of them.");
        }
        return wanted;
    }

    private List<ProtectedAttribute> attributes(List<String> columns) {
        List<ProtectedAttribute> out = new ArrayList<>();
        for (String c : columns) {
            double[] edges = settings.edges().get(c);
            Integer q = settings.bins().getOrDefault(c, settings.bins().get("*"));
            out.add(edges != null ? ProtectedAttribute.withEdges(c, edges)
                    : q != null ? ProtectedAttribute.withQuantiles(c, q) : ProtectedAttribute.of(c));
        }
        return out;
    }

    private static void disparities(Observations obs, FairnessAssessment.Grouping g, long rows, String cls) {
        for (Map.Entry<String, Disparity> e : g.disparities().entrySet()) {
            Disparity d = e.getValue();
            obs.measurement(new Measurement(e.getKey(), key(g.key(), cls), d.value(), d.interval().interval(), null, rows,
                    d.defined() ? FairnessTables.leftOut(d.excluded()) : d.undefinedReason(), List.of()));
        }
    }

    /** Every rate of every group taking part, with its Wilson interval when intervals are on. */
    private void rates(Observations obs, FairnessAssessment.Grouping g, String cls) {
        GroupCounts counts = g.counts();
        Groups groups = counts.groups();
        FairnessSettings f = settings.fairness();
        for (int group = 0; group < groups.groupCount(); group++) {
            if (!FairnessAssessment.takesPart(counts, group, f)) {
                continue;
            }
            String key = key(FairnessAssessment.memberKey(groups, group), cls);
            for (RateKind kind : MEMBERS) {
                Rate r = counts.rate(kind, group);
                Interval interval = settings.intervals() ? counts.interval(kind, group, f.level()).interval() : null;
                obs.measurement(new Measurement(kind.id(), key, r.value(f.convention()), interval, null, r.denominator(),
                        r.undefinedReason(), List.of()));
            }
        }
    }

    private BarChart chart(FairnessAssessment.Grouping g, String cls) {
        GroupCounts counts = g.counts();
        Groups groups = counts.groups();
        List<Integer> shown = new ArrayList<>();
        for (int group = 0; group < groups.groupCount(); group++) {
            if (FairnessAssessment.takesPart(counts, group, settings.fairness())) {
                shown.add(group);
            }
        }
        List<String> categories = shown.stream().map(group -> String.join(", ", groups.values(group))).toList();
        List<double[]> values = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        for (RateKind kind : CHARTED) {
            double[] v = new double[shown.size()];
            double[] lo = new double[shown.size()];
            double[] hi = new double[shown.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = counts.rate(kind, shown.get(i)).value();
                IntervalEstimate interval = counts.interval(kind, shown.get(i), settings.fairness().level());
                lo[i] = interval.defined() ? interval.interval().lower() : Double.NaN;
                hi[i] = interval.defined() ? interval.interval().upper() : Double.NaN;
            }
            values.add(v);
            lower.add(lo);
            upper.add(hi);
        }
        String by = String.join(" & ", groups.columns()) + (cls == null ? "" : ", " + cls);
        String caption = "Selection rate, true positive rate and false positive rate of each group compared"
                + (settings.intervals() ? ", with " + Math.round(settings.fairness().level() * 100) + "% Wilson intervals" : "")
                + ". Equal bars across groups mean demographic parity (selection rate) and equalized odds (TPR and FPR).";
        return settings.intervals()
                ? new BarChart("Rates by " + by, caption, "rate", categories, List.of("selection rate", "TPR", "FPR"), values, lower, upper)
                : new BarChart("Rates by " + by, caption, "rate", categories, List.of("selection rate", "TPR", "FPR"), values);
    }

    private java.util.Optional<String> excluded(FairnessAssessment.Grouping g) {
        GroupCounts counts = g.counts();
        List<String> small = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int group = 0; group < counts.groups().groupCount(); group++) {
            if (counts.size(group) == 0) {
                empty.add(counts.groups().label(group));
            } else if (!FairnessAssessment.takesPart(counts, group, settings.fairness())) {
                small.add(counts.groups().label(group) + " (" + counts.size(group) + " rows)");
            }
        }
        String by = String.join(" & ", counts.groups().columns());
        String text = (small.isEmpty() ? "" : "Left out of the comparisons by " + by + " for having fewer than "
                + settings.fairness().minGroupSize() + " rows: " + String.join(", ", small) + ". ")
                + (empty.isEmpty() ? "" : "Groups by " + by + " with no rows: " + String.join(", ", empty) + ".");
        return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text.strip());
    }

    /** "demographic_parity_ratio 0.567 (age), 0.742 (foreign_worker)": the first ratio per grouping. */
    private static String summary(List<FairnessAssessment.Grouping> groupings, String prefix) {
        List<String> parts = new ArrayList<>();
        for (FairnessAssessment.Grouping g : groupings) {
            Disparity d = g.disparities().containsKey("disparate_impact") ? g.disparities().get("disparate_impact")
                    : g.disparities().get("demographic_parity_ratio");
            parts.add(d.id() + " " + (d.defined() ? format(d.value()) : "undefined") + " by "
                    + String.join(" & ", g.groups().columns()));
        }
        return prefix + String.join("; ", parts);
    }
}
