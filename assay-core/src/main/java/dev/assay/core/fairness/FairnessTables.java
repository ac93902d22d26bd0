package dev.assay.core.fairness;

import dev.assay.core.result.EvidenceTable;
import dev.assay.core.slicing.SliceTables;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evidence of one {@link FairnessAssessment.Grouping} as tables, for reports and the command line:
 * the groups with their counts and rates, the disparities, and the selection-rate tests.
 */
public final class FairnessTables {
    private FairnessTables() {
    }

    /** One row per group: rows, predicted positive, selection rate and its Wilson interval, positives, TPR, FPR, PPV, accuracy, and whether it takes part. */
    public static EvidenceTable groups(FairnessAssessment.Grouping grouping, FairnessSettings settings) {
        GroupCounts counts = grouping.counts();
        Groups groups = counts.groups();
        String ci = percent(settings.level()) + " CI";
        List<List<Object>> rows = new ArrayList<>();
        for (int g = 0; g < groups.groupCount(); g++) {
            long[] c = counts.confusion(g);
            long n = counts.size(g);
            List<Object> row = new ArrayList<>(List.of(FairnessAssessment.memberKey(groups, g), n, c[0] + c[1]));
            row.add(counts.rate(RateKind.SELECTION_RATE, g).value());
            row.add(SliceTables.interval(counts.interval(RateKind.SELECTION_RATE, g, settings.level())));
            row.add(c[0] + c[2]);
            for (RateKind kind : List.of(RateKind.TPR, RateKind.FPR, RateKind.PPV, RateKind.ACCURACY)) {
                row.add(counts.rate(kind, g).value());
            }
            row.add(n == 0 ? "no: no rows" : FairnessAssessment.takesPart(counts, g, settings) ? "yes"
                    : "no: below the minimum group size " + settings.minGroupSize());
            rows.add(row);
        }
        return new EvidenceTable("Groups by " + String.join(" & ", groups.columns()) + " (rates: undefined where the "
                + "denominator is 0)", List.of("group", "rows", "predicted positive", "selection_rate", "selection_rate " + ci,
                "positives", "true_positive_rate", "false_positive_rate", "positive_predictive_value", "accuracy", "compared"),
                rows);
    }

    /** One row per disparity: value, interval, the groups behind it or why it is undefined, and the groups left out. */
    public static EvidenceTable disparities(FairnessAssessment.Grouping grouping, FairnessSettings settings) {
        return disparities("Disparities by " + String.join(" & ", grouping.groups().columns())
                + (grouping.privileged() == null ? "" : " (privileged group " + grouping.privileged() + ")"),
                grouping.disparities(), settings);
    }

    /** One row per disparity of {@code disparities}, as {@link #disparities(FairnessAssessment.Grouping, FairnessSettings)}. */
    public static EvidenceTable disparities(String title, Map<String, Disparity> disparities, FairnessSettings settings) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Disparity> e : disparities.entrySet()) {
            Disparity d = e.getValue();
            rows.add(List.of(e.getKey(), d.value(), SliceTables.interval(d.interval()),
                    d.defined() ? (d.detail() == null ? "" : d.detail()) : "undefined: " + d.undefinedReason(),
                    d.excluded().isEmpty() ? "" : java.util.Objects.toString(leftOut(d.excluded()), "")));
        }
        return new EvidenceTable(title, List.of("measure", "value", percent(settings.level()) + " CI", "groups behind it",
                "left out"), rows);
    }

    /** The chi-square test over all groups, then each group against the rest with its adjusted p-value. */
    public static EvidenceTable tests(FairnessAssessment.Grouping grouping, MultipleTesting adjustment, double alpha) {
        List<List<Object>> rows = new ArrayList<>();
        List<SelectionRateTest.Result> all = new ArrayList<>();
        all.add(grouping.overallTest());
        all.addAll(grouping.groupTests());
        for (SelectionRateTest.Result r : all) {
            boolean tested = r.undefinedReason() == null;
            rows.add(List.of(r.group(), r.method(), r.statistic(), r.pValue(), r.adjustedPValue(),
                    tested ? (r.adjustedPValue() < alpha ? "yes" : "no") : "untested: " + r.undefinedReason()));
        }
        return new EvidenceTable("Do selection rates differ by " + String.join(" & ", grouping.groups().columns())
                + "? (each group against the rest, p-values adjusted by " + adjustment + ")",
                List.of("group", "test", "statistic (X² or odds ratio)", "p-value", "adjusted p-value", "differs at alpha " + alpha), rows);
    }

    /**
     * The groups a disparity left out, in short: how many were below the minimum size (the check's
     * notes name them) and, in full, those whose rate is undefined; empty groups are not repeated.
     *
     * @return e.g. {@code "2 groups below the minimum size left out"}; null when nothing but empty groups was left out
     */
    public static String leftOut(List<String> excluded) {
        long small = excluded.stream().filter(x -> x.contains("below the minimum group size")).count();
        List<String> other = excluded.stream().filter(x -> !x.endsWith(": no rows") && !x.contains("below the minimum group size"))
                .toList();
        List<String> parts = new ArrayList<>();
        if (small > 0) {
            parts.add(small + " group" + (small == 1 ? "" : "s") + " below the minimum size left out");
        }
        if (!other.isEmpty()) {
            parts.add("left out: " + String.join("; ", other));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String percent(double level) {
        return new BigDecimal(level * 100).round(new MathContext(4)).stripTrailingZeros().toPlainString() + "%";
    }
}
