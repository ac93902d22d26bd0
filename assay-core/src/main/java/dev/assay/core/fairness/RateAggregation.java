package dev.assay.core.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Differences and ratios of one value (a rate or any evaluation metric) across groups, under a {@link Convention}. Which groups take
 * part: under {@link Convention#EXPLICIT} non-empty groups of at least the minimum size whose rate is
 * defined; under the compatibility conventions every non-empty group.
 *
 * <p>Reference: Fairlearn 0.13 {@code MetricFrame.difference} and {@code MetricFrame.ratio}
 * ({@code fairlearn/metrics/_disaggregated_result.py}): {@code (v - min).abs().max()} and
 * {@code min / max} between groups, {@code (v - overall).abs().max()} and the minimum of
 * {@code x if x <= 1 else 1 / x} for {@code x = v / overall} to overall, pandas skipping NaN.
 */
final class RateAggregation {
    private RateAggregation() {
    }

    /** The difference of {@code kind} across groups. */
    static Outcome difference(GroupCounts counts, RateKind kind, Aggregation aggregation, FairnessSettings settings) {
        return aggregate(GroupValues.of(counts, kind), aggregation, settings, true);
    }

    /** The ratio of {@code kind} across groups. */
    static Outcome ratio(GroupCounts counts, RateKind kind, Aggregation aggregation, FairnessSettings settings) {
        return aggregate(GroupValues.of(counts, kind), aggregation, settings, false);
    }

    /** The groups taking part, and the reason each other group is left out (added to {@code excluded}). */
    static List<Integer> eligible(GroupCounts counts, RateKind kind, FairnessSettings settings, List<String> excluded) {
        return eligible(GroupValues.of(counts, kind), settings, excluded);
    }

    static List<Integer> eligible(GroupValues values, FairnessSettings settings, List<String> excluded) {
        Groups groups = values.groups();
        List<Integer> out = new ArrayList<>();
        int min = settings.effectiveMinGroupSize();
        for (int g = 0; g < groups.groupCount(); g++) {
            long n = values.sizeForEligibility(g);
            if (n == 0) {
                excluded.add(groups.label(g) + ": no rows");
            } else if (n < min) {
                excluded.add(groups.label(g) + ": " + n + " rows, below the minimum group size " + min);
            } else if (settings.convention() == Convention.EXPLICIT && values.undefinedReason(g) != null) {
                excluded.add(groups.label(g) + ": " + values.id() + " undefined, " + values.undefinedReason(g));
            } else {
                out.add(g);
            }
        }
        return out;
    }

    /** The difference ({@code difference} true) or ratio of {@code values} across groups. */
    static Outcome aggregate(GroupValues values, Aggregation aggregation, FairnessSettings settings, boolean difference) {
        String kindId = values.id();
        List<String> excluded = new ArrayList<>();
        List<Integer> groups = eligible(values, settings, excluded);
        Convention convention = settings.convention();
        if (convention == Convention.EXPLICIT && groups.size() < 2) {
            return Outcome.undefined("fewer than two groups have a defined " + kindId + " and at least "
                    + settings.effectiveMinGroupSize() + " rows", excluded);
        }
        double[] v = new double[groups.size()];
        int lo = -1;
        int hi = -1;
        boolean nan = false;
        for (int i = 0; i < v.length; i++) {
            v[i] = values.value(groups.get(i), convention);
            if (Double.isNaN(v[i])) {
                nan = true;
                continue;
            }
            lo = lo < 0 || v[i] < v[lo] ? i : lo;
            hi = hi < 0 || v[i] > v[hi] ? i : hi;
        }
        if (nan && convention == Convention.AIF360 || lo < 0) {
            return Outcome.undefined(kindId + " is NaN in some group (a zero denominator)", excluded);
        }
        Groups g = values.groups();
        if (aggregation == Aggregation.BETWEEN_GROUPS) {
            String detail = String.format(Locale.ROOT, "min %s %.6g at %s; max %.6g at %s", kindId, v[lo],
                    g.label(groups.get(lo)), v[hi], g.label(groups.get(hi)));
            if (difference) {
                return new Outcome(v[hi] - v[lo], null, detail, excluded);
            }
            if (v[hi] == 0 && convention == Convention.EXPLICIT) {
                return Outcome.undefined("every group's " + kindId + " is 0, so their ratio is 0/0", excluded);
            }
            return new Outcome(v[lo] / v[hi], null, detail, excluded);
        }
        double overall = values.overall(convention);
        if (Double.isNaN(overall)) {
            return Outcome.undefined("the overall " + kindId + " is undefined: " + values.overallUndefinedReason(), excluded);
        }
        if (!difference && overall == 0 && convention == Convention.EXPLICIT) {
            return Outcome.undefined("the overall " + kindId + " is 0, so no ratio to it exists", excluded);
        }
        double worst = Double.NaN;
        int at = -1;
        for (int i = 0; i < v.length; i++) {
            double x;
            if (difference) {
                x = Math.abs(v[i] - overall);
            } else {
                double r = v[i] / overall;
                x = r > 1 ? 1 / r : r;
            }
            if (Double.isNaN(x)) {
                continue;
            }
            if (at < 0 || (difference ? x > worst : x < worst)) {
                worst = x;
                at = i;
            }
        }
        if (at < 0) {
            return Outcome.undefined("every group's " + kindId + " ratio to overall is 0/0", excluded);
        }
        return new Outcome(worst, null, String.format(Locale.ROOT, "overall %s %.6g; farthest %.6g at %s", kindId, overall,
                v[at], g.label(groups.get(at))), excluded);
    }
}
