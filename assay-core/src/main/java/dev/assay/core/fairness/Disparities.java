package dev.assay.core.fairness;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.uncertainty.BootstrapIntervals;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * The disparity measures of binary predictions across groups, each with a bootstrap interval.
 *
 * <table>
 *   <caption>measures</caption>
 *   <tr><td>{@code demographic_parity_difference}, {@code _ratio}</td><td>selection rate</td></tr>
 *   <tr><td>{@code equalized_odds_difference}</td><td>max(TPR difference, FPR difference)</td></tr>
 *   <tr><td>{@code equalized_odds_ratio}</td><td>min(TPR ratio, FPR ratio)</td></tr>
 *   <tr><td>{@code equal_opportunity_difference}, {@code _ratio}</td><td>TPR</td></tr>
 *   <tr><td>{@code predictive_parity_difference}</td><td>PPV</td></tr>
 *   <tr><td>{@code false_negative_rate_difference}, {@code false_positive_rate_difference}, {@code accuracy_difference}</td><td></td></tr>
 *   <tr><td>{@code disparate_impact}, {@code statistical_parity_difference}, {@code average_odds_difference}</td>
 *       <td>against a privileged group, see {@link PrivilegedComparison}</td></tr>
 * </table>
 *
 * Differences and ratios aggregate as {@link Aggregation} says (Fairlearn's {@code method}).
 *
 * <p>Intervals: Poisson bootstrap percentile intervals (each row weighted by an independent Poisson(1)
 * count, so each confusion cell of each group is redrawn as Poisson(its count)), seeded by
 * {@link FairnessSettings#seed()}; a measure undefined on some resample has no interval, with the reason.
 *
 * <p>Reference: Fairlearn 0.13 {@code demographic_parity_difference}, {@code demographic_parity_ratio},
 * {@code equalized_odds_difference}, {@code equalized_odds_ratio}, {@code equal_opportunity_difference},
 * {@code equal_opportunity_ratio} ({@code fairlearn/metrics/_fairness_metrics.py}) and AIF360's
 * {@code disparate_impact}, {@code statistical_parity_difference}, {@code average_odds_difference};
 * matched to 1e-12 on {@code golden/fairness/fairness_golden.json}.
 */
public final class Disparities {
    /** The four-fifths rule: a disparate impact of at least 0.8 passes (US EEOC Uniform Guidelines, 29 CFR 1607.4 D). */
    public static final double FOUR_FIFTHS = 0.8;

    private final GroupCounts counts;
    private final FairnessSettings settings;
    private final Map<String, Function<GroupCounts, Outcome>> measures = new LinkedHashMap<>();

    private Disparities(GroupCounts counts, FairnessSettings settings, Aggregation aggregation, Integer privileged) {
        this.counts = counts;
        this.settings = settings;
        rate("demographic_parity", RateKind.SELECTION_RATE, aggregation, true);
        measures.put("equalized_odds_difference", c -> worst(RateAggregation.difference(c, RateKind.TPR, aggregation, settings),
                RateAggregation.difference(c, RateKind.FPR, aggregation, settings), true));
        measures.put("equalized_odds_ratio", c -> worst(RateAggregation.ratio(c, RateKind.TPR, aggregation, settings),
                RateAggregation.ratio(c, RateKind.FPR, aggregation, settings), false));
        rate("equal_opportunity", RateKind.TPR, aggregation, true);
        rate("predictive_parity", RateKind.PPV, aggregation, false);
        rate("false_negative_rate", RateKind.FNR, aggregation, false);
        rate("false_positive_rate", RateKind.FPR, aggregation, false);
        rate("accuracy", RateKind.ACCURACY, aggregation, false);
        if (privileged != null) {
            int p = privileged;
            measures.put("disparate_impact", c -> PrivilegedComparison.disparateImpact(c, p, settings));
            measures.put("statistical_parity_difference", c -> PrivilegedComparison.statisticalParityDifference(c, p, settings));
            measures.put("average_odds_difference", c -> PrivilegedComparison.averageOddsDifference(c, p, settings));
        }
    }

    /**
     * The measures of {@code counts} aggregated as {@code aggregation}; with a {@code privileged} group
     * (its values, one per protected column, or its label), also those against it.
     *
     * @throws InvalidInputException if the privileged group does not occur; the message lists the groups
     */
    public static Disparities of(GroupCounts counts, Aggregation aggregation, FairnessSettings settings, String... privileged) {
        Integer p = privileged.length == 0 ? null : counts.groups().findAs("privileged group", privileged);
        return new Disparities(counts, settings, aggregation, p);
    }

    /** The ids of the measures, in a fixed order. */
    public List<String> ids() {
        return List.copyOf(measures.keySet());
    }

    /**
     * The measure {@code id} without an interval.
     *
     * @throws InvalidInputException if {@code id} is not one of {@link #ids()}
     */
    public Disparity get(String id) {
        return toDisparity(id, measure(id).apply(counts),
                IntervalEstimate.undefined("no interval was asked for (resamples = 0)."));
    }

    /** Every measure, each with its bootstrap interval when {@link FairnessSettings#resamples()} is positive. */
    public Map<String, Disparity> all() {
        Map<String, Disparity> out = new LinkedHashMap<>();
        GroupCounts[] replicates = resample();
        for (String id : measures.keySet()) {
            Function<GroupCounts, Outcome> m = measures.get(id);
            Outcome estimate = m.apply(counts);
            IntervalEstimate interval;
            if (replicates.length == 0) {
                interval = IntervalEstimate.undefined("no interval was asked for (resamples = 0).");
            } else if (estimate.reason() != null) {
                interval = IntervalEstimate.undefined("the measure is undefined: " + estimate.reason());
            } else {
                double[] values = new double[replicates.length];
                for (int b = 0; b < values.length; b++) {
                    values[b] = m.apply(replicates[b]).value();
                }
                interval = BootstrapIntervals.percentile(values, settings.level());
            }
            out.put(id, toDisparity(id, estimate, interval));
        }
        return out;
    }

    /** Whether a disparate impact passes the four-fifths rule (at least 0.8); false when it is undefined. */
    public static boolean passesFourFifths(Disparity disparateImpact) {
        return disparateImpact.defined() && disparateImpact.value() >= FOUR_FIFTHS;
    }

    private void rate(String name, RateKind kind, Aggregation aggregation, boolean withRatio) {
        measures.put(name + "_difference", c -> RateAggregation.difference(c, kind, aggregation, settings));
        if (withRatio) {
            measures.put(name + "_ratio", c -> RateAggregation.ratio(c, kind, aggregation, settings));
        }
    }

    private Function<GroupCounts, Outcome> measure(String id) {
        Function<GroupCounts, Outcome> m = measures.get(id);
        if (m == null) {
            throw new InvalidInputException("unknown disparity measure '" + id + "'; the measures are " + ids() + ".");
        }
        return m;
    }

    private static Outcome worst(Outcome tpr, Outcome fpr, boolean max) {
        if (tpr.reason() != null || fpr.reason() != null) {
            Outcome bad = tpr.reason() != null ? tpr : fpr;
            return Outcome.undefined(bad.reason(), bad.excluded());
        }
        boolean tprWorse = max ? tpr.value() >= fpr.value() : tpr.value() <= fpr.value();
        double value = max ? Math.max(tpr.value(), fpr.value()) : Math.min(tpr.value(), fpr.value());
        Outcome from = tprWorse ? tpr : fpr;
        return new Outcome(value, null, from.detail(), java.util.stream.Stream.concat(tpr.excluded().stream(),
                fpr.excluded().stream()).distinct().toList());
    }

    private Disparity toDisparity(String id, Outcome o, IntervalEstimate interval) {
        return new Disparity(id, o.value(), o.reason(), o.detail(), interval, o.excluded());
    }

    private GroupCounts[] resample() {
        long[] cells = counts.cells();
        GroupCounts[] out = new GroupCounts[settings.resamples()];
        java.util.SplittableRandom root = new java.util.SplittableRandom(settings.seed());
        for (int b = 0; b < out.length; b++) {
            java.util.SplittableRandom split = root.split();
            UniformRandomProvider rng = split::nextLong;
            long[] drawn = new long[cells.length];
            for (int c = 0; c < cells.length; c++) {
                drawn[c] = cells[c] == 0 ? 0 : PoissonSampler.of(rng, cells[c]).sample();
            }
            out[b] = counts.withCells(drawn);
        }
        return out;
    }
}
