package dev.assay.core.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The measures that compare each unprivileged group with one privileged group, as AIF360 does
 * ({@code aif360/metrics/classification_metric.py}, {@code binary_label_dataset_metric.py}), where
 * {@code u} is an unprivileged and {@code p} the privileged group:
 *
 * <pre>
 *   disparate_impact              = selection_rate(u) / selection_rate(p)     (worst: the minimum)
 *   statistical_parity_difference = selection_rate(u) − selection_rate(p)     (worst: largest |·|)
 *   average_odds_difference       = ½ [(FPR(u) − FPR(p)) + (TPR(u) − TPR(p))]  (worst: largest |·|)
 * </pre>
 *
 * With two groups each is exactly AIF360's value; with more, the worst unprivileged group is reported
 * and {@link Disparity#detail()} gives every group's value. Division follows numpy under
 * {@link Convention#AIF360} ({@code x / 0 = inf}, {@code 0 / 0 = NaN}); under {@link Convention#EXPLICIT}
 * a privileged selection rate of 0 leaves the disparate impact undefined.
 */
final class PrivilegedComparison {
    private PrivilegedComparison() {
    }

    static Outcome disparateImpact(GroupCounts counts, int privileged, FairnessSettings settings) {
        return compare(counts, privileged, settings, true, (c, g, p, conv) -> {
            double u = c.rate(RateKind.SELECTION_RATE, g).value(conv);
            double q = c.rate(RateKind.SELECTION_RATE, p).value(conv);
            return q == 0 && conv == Convention.EXPLICIT ? Double.NaN : u / q;
        }, RateKind.SELECTION_RATE);
    }

    static Outcome statisticalParityDifference(GroupCounts counts, int privileged, FairnessSettings settings) {
        return compare(counts, privileged, settings, false, (c, g, p, conv) ->
                c.rate(RateKind.SELECTION_RATE, g).value(conv) - c.rate(RateKind.SELECTION_RATE, p).value(conv),
                RateKind.SELECTION_RATE);
    }

    static Outcome averageOddsDifference(GroupCounts counts, int privileged, FairnessSettings settings) {
        return compare(counts, privileged, settings, false, (c, g, p, conv) ->
                0.5 * ((c.rate(RateKind.FPR, g).value(conv) - c.rate(RateKind.FPR, p).value(conv))
                        + (c.rate(RateKind.TPR, g).value(conv) - c.rate(RateKind.TPR, p).value(conv))),
                RateKind.TPR, RateKind.FPR);
    }

    private interface PairValue {
        double of(GroupCounts counts, int group, int privileged, Convention convention);
    }

    private static Outcome compare(GroupCounts counts, int privileged, FairnessSettings settings, boolean ratio,
            PairValue pair, RateKind... rates) {
        List<String> excluded = new ArrayList<>();
        List<Integer> groups = null;
        for (RateKind kind : rates) {
            List<Integer> ok = RateAggregation.eligible(counts, kind, settings, excluded);
            groups = groups == null ? ok : groups.stream().filter(ok::contains).toList();
        }
        excluded = excluded.stream().distinct().toList();
        Groups g = counts.groups();
        if (!groups.contains(privileged)) {
            return Outcome.undefined("the privileged group " + g.label(privileged) + " is left out ("
                    + excluded.stream().filter(e -> e.startsWith(g.label(privileged) + ":")).findFirst().orElse("") + ")", excluded);
        }
        Convention conv = settings.convention();
        double worst = Double.NaN;
        int at = -1;
        StringBuilder detail = new StringBuilder();
        for (int group : groups) {
            if (group == privileged) {
                continue;
            }
            double v = pair.of(counts, group, privileged, conv);
            detail.append(detail.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %.6g", g.label(group), v));
            if (Double.isNaN(v)) {
                if (conv == Convention.AIF360) {
                    return new Outcome(Double.NaN, null, detail.toString(), excluded);
                }
                continue;
            }
            if (at < 0 || (ratio ? v < worst : Math.abs(v) > Math.abs(worst))) {
                worst = v;
                at = group;
            }
        }
        if (at < 0) {
            return Outcome.undefined(detail.length() == 0 ? "no unprivileged group is left to compare with " + g.label(privileged)
                    : "undefined for every unprivileged group (the privileged group's rate is 0)", excluded);
        }
        return new Outcome(worst, null, "vs " + g.label(privileged) + ": " + detail, excluded);
    }
}
