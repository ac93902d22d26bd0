package dev.assay.core.checks;

import dev.assay.core.chart.BarChart;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.Aggregation;
import dev.assay.core.fairness.Disparity;
import dev.assay.core.fairness.FairnessAssessment;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.FairnessTables;
import dev.assay.core.fairness.GroupCounts;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.MultipleTesting;
import dev.assay.core.fairness.ProtectedAttribute;
import dev.assay.core.fairness.Rate;
import dev.assay.core.fairness.RateKind;
import dev.assay.core.metrics.BinaryOutcomes;
import dev.assay.core.metrics.Evaluation;
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
 * Measures the disparities of a binary model's predictions across protected groups
 * ({@link FairnessAssessment}) as {@code disparate_impact} (one grouping) or {@code disparate_impact[sex]}
 * (several), each group's rates as members such as {@code selection_rate[sex=female]}, and the p-value of
 * the chi-square test that the selection rates are equal as {@code selection_rate_p_value}. Shows the
 * groups, disparities and tests in tables and the rates with their intervals as bars. Built by
 * {@link FairnessCheckKind}.
 */
final class FairnessCheck extends MeasuringCheck {
    static final String KIND = "fairness";
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
     */
    record Settings(List<String> columns, boolean intersections, Map<String, double[]> edges, Map<String, Integer> bins,
            Map<String, String> privileged, Aggregation aggregation, FairnessSettings fairness, MultipleTesting adjustment,
            double alpha, boolean intervals, String favorable) {
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
        out.putAll(setup().evaluation().describe());
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        Evaluation e = RunEvaluations.of(context, data, setup().evaluation());
        BinaryOutcomes outcomes = e.binaryOutcomes().orElseThrow(() -> new InvalidInputException(
                "The fairness check compares predicted classes of a binary task, but the data was evaluated as a " + e.task().id()
                        + " task" + (e.task().id().equals("binary") ? " without predicted classes" : "")
                        + ". Set evaluation.task to binary and name the prediction or score column."));
        List<String> columns = settings.columns().isEmpty() ? data.schema().protectedAttributes() : settings.columns();
        if (columns.isEmpty()) {
            throw new InvalidInputException("The fairness check has no protected columns: name them with groups: [sex, age], or"
                    + " declare them in the suite's columns section (protected: [sex, age]).");
        }
        String favorable = favorable(data, outcomes.positiveClass());
        boolean flip = !favorable.equals(outcomes.positiveClass());
        boolean[] truth = new boolean[outcomes.rows()];
        boolean[] predicted = new boolean[outcomes.rows()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = outcomes.truth(i) != flip;
            predicted[i] = outcomes.predicted(i) != flip;
        }
        FairnessSettings f = settings.fairness();
        List<FairnessAssessment.Grouping> groupings = FairnessAssessment.assess(data.frame(), truth, predicted,
                new FairnessAssessment.Plan(attributes(columns), settings.intersections(), settings.privileged(),
                        settings.aggregation(), f, settings.adjustment()));
        Observations obs = new Observations();
        for (FairnessAssessment.Grouping g : groupings) {
            disparities(obs, g, truth.length);
            rates(obs, g);
            obs.measurement(new Measurement("selection_rate_p_value", g.key(), g.overallTest().pValue(), null, null, truth.length,
                    g.overallTest().undefinedReason(), List.of()));
            obs.table(FairnessTables.groups(g, f));
            obs.table(FairnessTables.disparities(g, f));
            obs.table(FairnessTables.tests(g, settings.adjustment(), settings.alpha()));
            obs.chart(chart(g));
            g.groups().notes().forEach(obs::note);
            excluded(g).ifPresent(obs::note);
        }
        obs.note((flip ? "Favourable outcome '" + favorable + "' (the other class than the positive class '"
                + outcomes.positiveClass() + "')" : "Positive class '" + favorable + "'") + ": the selection rate is the share of a "
                + "group predicted '" + favorable + "', the true positive rate the share of its '" + favorable + "' rows predicted so.");
        if (groupings.size() > 1) {
            obs.note("Disparities are measured per grouping: conditions name it, e.g. demographic_parity_ratio["
                    + groupings.get(0).key() + "] or min(demographic_parity_ratio[*]).");
        }
        if (settings.privileged().isEmpty()) {
            obs.note("No privileged group is named, so disparate_impact is not measured; demographic_parity_ratio >= 0.8 is the "
                    + "four-fifths rule against the group with the highest selection rate.");
        }
        obs.summary(summary(groupings));
        return obs;
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
        dev.assay.core.data.Column column = data.frame().column(label, "label");
        Set<String> values = new java.util.TreeSet<>();
        for (int i = 0; i < column.size() && values.size() <= 20; i++) {
            if (!column.isMissing(i)) {
                values.add(column.format(i));
            }
        }
        if (!values.contains(wanted)) {
            throw new InvalidInputException("favorable: '" + dev.assay.core.error.Excerpt.of(wanted) + "' is not a value of the label"
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

    private static void disparities(Observations obs, FairnessAssessment.Grouping g, long rows) {
        for (Map.Entry<String, Disparity> e : g.disparities().entrySet()) {
            Disparity d = e.getValue();
            obs.measurement(new Measurement(e.getKey(), g.key(), d.value(), d.interval().interval(), null, rows,
                    d.defined() ? FairnessTables.leftOut(d.excluded()) : d.undefinedReason(), List.of()));
        }
    }

    /** Every rate of every group taking part, with its Wilson interval when intervals are on. */
    private void rates(Observations obs, FairnessAssessment.Grouping g) {
        GroupCounts counts = g.counts();
        Groups groups = counts.groups();
        FairnessSettings f = settings.fairness();
        for (int group = 0; group < groups.groupCount(); group++) {
            if (!FairnessAssessment.takesPart(counts, group, f)) {
                continue;
            }
            String key = FairnessAssessment.memberKey(groups, group);
            for (RateKind kind : MEMBERS) {
                Rate r = counts.rate(kind, group);
                Interval interval = settings.intervals() ? counts.interval(kind, group, f.level()).interval() : null;
                obs.measurement(new Measurement(kind.id(), key, r.value(f.convention()), interval, null, r.denominator(),
                        r.undefinedReason(), List.of()));
            }
        }
    }

    private BarChart chart(FairnessAssessment.Grouping g) {
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
        String by = String.join(" & ", groups.columns());
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
    private static String summary(List<FairnessAssessment.Grouping> groupings) {
        List<String> parts = new ArrayList<>();
        for (FairnessAssessment.Grouping g : groupings) {
            Disparity d = g.disparities().containsKey("disparate_impact") ? g.disparities().get("disparate_impact")
                    : g.disparities().get("demographic_parity_ratio");
            parts.add(d.id() + " " + (d.defined() ? String.format(Locale.ROOT, "%.4g", d.value()) : "undefined") + " by "
                    + String.join(" & ", g.groups().columns()));
        }
        return String.join("; ", parts);
    }
}
