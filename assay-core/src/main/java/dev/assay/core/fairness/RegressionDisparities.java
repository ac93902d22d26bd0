package dev.assay.core.fairness;

import dev.assay.core.uncertainty.BootstrapIntervals;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * Differences and ratios of a regression model's error and output across groups: the mean absolute error
 * {@code MAE_g = Σ_{i∈g} |y_i − ŷ_i| / n_g} and the mean prediction {@code m_g = Σ_{i∈g} ŷ_i / n_g}
 * of each group, aggregated as {@link Aggregation} says.
 *
 * <p>Intervals: Poisson bootstrap percentile intervals, each row weighted by an independent Poisson(1)
 * count in every resample (so a group's weighted MAE and mean prediction are redrawn together), seeded by
 * {@link FairnessSettings#seed()}; the groups taking part are judged by their size in the data, and a
 * compared group that draws no row in a resample is left out of that resample (as {@link Disparities} does).
 *
 * <p>Edge cases: an empty group has neither value (undefined, "no rows"); a ratio whose larger value is
 * 0 is undefined under {@link Convention#EXPLICIT}.
 *
 * <p>Reference: scikit-learn 1.2 {@code mean_absolute_error} and the mean of the predictions per group
 * in a Fairlearn 0.13 {@code MetricFrame}, with {@code difference(method)} and {@code ratio(method)};
 * matched to 1e-12 on {@code golden/fairness/fairness_golden.json}.
 */
public final class RegressionDisparities {
    /** The ids of the measures, in the order of {@link #all}. */
    public static final List<String> IDS = List.of("mean_absolute_error_difference", "mean_absolute_error_ratio",
            "mean_prediction_difference", "mean_prediction_ratio");

    private final Groups groups;
    private final double[] error;
    private final double[] predicted;
    private final Sums sums;
    private final String noInterval;

    private RegressionDisparities(Groups groups, double[] error, double[] predicted) {
        this.groups = groups;
        this.error = error;
        this.predicted = predicted;
        this.sums = Sums.of(groups, error, predicted, null, null);
        this.noInterval = null;
    }

    private RegressionDisparities(Groups groups, Sums sums, String noInterval) {
        this.groups = groups;
        this.error = null;
        this.predicted = null;
        this.sums = sums;
        this.noInterval = noInterval;
    }

    /**
     * The disparities of sums made elsewhere (e.g. merged per group by a distributed engine): per group its
     * rows, {@code Σ |y − ŷ|} and {@code Σ ŷ}; the totals over all rows are the sums of the groups', added
     * in group order as {@link #of} adds them. Without the rows there is no bootstrap: the intervals of
     * {@link #all} are undefined with {@code noInterval} as the reason.
     */
    public static RegressionDisparities ofSums(Groups groups, long[] rows, double[] absoluteErrors, double[] predictions,
            String noInterval) {
        int k = groups.groupCount();
        if (rows.length != k || absoluteErrors.length != k || predictions.length != k) {
            throw new IllegalArgumentException("sums of " + rows.length + " groups for " + k + " groups");
        }
        double[] n = new double[k + 1];
        double[] e = new double[k + 1];
        double[] p = new double[k + 1];
        for (int g = 0; g < k; g++) {
            n[g] = rows[g];
            e[g] = absoluteErrors[g];
            p[g] = predictions[g];
            n[k] += n[g];
            e[k] += e[g];
            p[k] += p[g];
        }
        return new RegressionDisparities(groups, new Sums(groups, n, e, p), java.util.Objects.requireNonNull(noInterval));
    }

    /**
     * Sums the errors and predictions of each group.
     *
     * @throws IllegalArgumentException if the arrays and the groups differ in length
     */
    public static RegressionDisparities of(Groups groups, double[] truth, double[] predicted) {
        if (truth.length != groups.rowCount() || predicted.length != groups.rowCount()) {
            throw new IllegalArgumentException("groups of " + groups.rowCount() + " rows, " + truth.length + " labels and "
                    + predicted.length + " predictions");
        }
        double[] error = new double[truth.length];
        for (int i = 0; i < error.length; i++) {
            error[i] = Math.abs(truth[i] - predicted[i]);
        }
        return new RegressionDisparities(groups, error, predicted.clone());
    }

    /** The groups compared. */
    public Groups groups() {
        return groups;
    }

    /** The number of rows of {@code group}. */
    public long size(int group) {
        return (long) sums.weight[group];
    }

    /** The mean absolute error of {@code group}; NaN when it is empty. */
    public double meanAbsoluteError(int group) {
        return sums.mean(sums.error, group);
    }

    /** The mean prediction of {@code group}; NaN when it is empty. */
    public double meanPrediction(int group) {
        return sums.mean(sums.predicted, group);
    }

    /** The mean absolute error over all rows. */
    public double overallMeanAbsoluteError() {
        return sums.mean(sums.error, groups.groupCount());
    }

    /** The mean prediction over all rows. */
    public double overallMeanPrediction() {
        return sums.mean(sums.predicted, groups.groupCount());
    }

    /** {@code mean_absolute_error_difference}: the difference of MAE across groups, without an interval. */
    public Disparity meanAbsoluteErrorDifference(Aggregation aggregation, FairnessSettings settings) {
        return all(aggregation, settings.withResamples(0)).get("mean_absolute_error_difference");
    }

    /** {@code mean_prediction_difference}: the difference of the mean prediction across groups, without an interval. */
    public Disparity meanPredictionDifference(Aggregation aggregation, FairnessSettings settings) {
        return all(aggregation, settings.withResamples(0)).get("mean_prediction_difference");
    }

    /** Every measure of {@link #IDS}, each with its bootstrap interval when {@link FairnessSettings#resamples()} is positive. */
    public Map<String, Disparity> all(Aggregation aggregation, FairnessSettings settings) {
        Sums[] replicates = resample(settings);
        Map<String, Disparity> out = new LinkedHashMap<>();
        for (String id : IDS) {
            boolean mae = id.startsWith("mean_absolute_error");
            boolean difference = id.endsWith("_difference");
            Outcome o = outcome(sums, mae, aggregation, settings, difference);
            IntervalEstimate interval;
            if (settings.resamples() > 0 && noInterval != null) {
                interval = IntervalEstimate.undefined(noInterval);
            } else if (replicates.length == 0) {
                interval = IntervalEstimate.undefined("no interval was asked for (resamples = 0).");
            } else if (o.reason() != null) {
                interval = IntervalEstimate.undefined("the measure is undefined: " + o.reason());
            } else {
                double[] values = new double[replicates.length];
                for (int b = 0; b < values.length; b++) {
                    values[b] = outcome(replicates[b], mae, aggregation, settings, difference).value();
                }
                interval = BootstrapIntervals.percentile(values, settings.level());
            }
            out.put(id, new Disparity(id, o.value(), o.reason(), o.detail(), interval, o.excluded()));
        }
        return out;
    }

    private Outcome outcome(Sums s, boolean mae, Aggregation aggregation, FairnessSettings settings, boolean difference) {
        return RateAggregation.aggregate(s.values(mae ? "mean_absolute_error" : "mean_prediction", mae ? s.error : s.predicted,
                sums.weight), aggregation, settings, difference);
    }

    private Sums[] resample(FairnessSettings settings) {
        if (error == null) {
            return new Sums[0];
        }
        Sums[] out = new Sums[settings.resamples()];
        SplittableRandom root = new SplittableRandom(settings.seed());
        double[] w = new double[error.length];
        for (int b = 0; b < out.length; b++) {
            SplittableRandom split = root.split();
            UniformRandomProvider rng = split::nextLong;
            var poisson = PoissonSampler.of(rng, 1.0);
            for (int i = 0; i < w.length; i++) {
                w[i] = poisson.sample();
            }
            out[b] = Sums.of(groups, error, predicted, w, sums.weight);
        }
        return out;
    }

    /** The (weighted) number of rows, absolute errors and predictions of each group, the last entry over all rows. */
    private record Sums(Groups groups, double[] weight, double[] error, double[] predicted) {

        static Sums of(Groups groups, double[] error, double[] predicted, double[] w, double[] original) {
            int k = groups.groupCount();
            double[] n = new double[k + 1];
            double[] e = new double[k + 1];
            double[] p = new double[k + 1];
            for (int i = 0; i < error.length; i++) {
                double wi = w == null ? 1 : w[i];
                int g = groups.group(i);
                n[g] += wi;
                e[g] += wi * error[i];
                p[g] += wi * predicted[i];
            }
            for (int g = 0; g < k; g++) {
                n[k] += n[g];
                e[k] += e[g];
                p[k] += p[g];
            }
            return new Sums(groups, n, e, p);
        }

        double mean(double[] sum, int group) {
            return weight[group] == 0 ? Double.NaN : sum[group] / weight[group];
        }

        /** The means of {@code sum} as {@link GroupValues}, groups taking part judged by their {@code original} sizes. */
        GroupValues values(String id, double[] sum, double[] original) {
            int k = groups.groupCount();
            return new GroupValues() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public Groups groups() {
                    return groups;
                }

                @Override
                public long sizeForEligibility(int group) {
                    return (long) original[group];
                }

                @Override
                public double value(int group, Convention convention) {
                    return mean(sum, group);
                }

                @Override
                public String undefinedReason(int group) {
                    return weight[group] == 0 ? "the group has no rows" : null;
                }

                @Override
                public double overall(Convention convention) {
                    return mean(sum, k);
                }

                @Override
                public String overallUndefinedReason() {
                    return weight[k] == 0 ? "there are no rows" : null;
                }
            };
        }
    }
}
