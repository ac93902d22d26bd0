package dev.assay.core.fairness;

/**
 * Differences of a regression model's error and output across groups: the mean absolute error
 * {@code MAE_g = Σ_{i∈g} |y_i − ŷ_i| / n_g} and the mean prediction {@code m_g = Σ_{i∈g} ŷ_i / n_g}
 * of each group, aggregated as {@link Aggregation} says.
 *
 * <p>Edge cases: an empty group has neither value (undefined, "no rows").
 *
 * <p>Reference: scikit-learn 1.2 {@code mean_absolute_error} and Fairlearn 0.13 {@code mean_prediction}
 * in a {@code MetricFrame}, with {@code difference(method)} and {@code ratio(method)}; matched to 1e-12 on
 * {@code golden/fairness/fairness_golden.json}.
 */
public final class RegressionDisparities {
    private final Groups groups;
    private final long[] n;
    private final double[] absoluteError;
    private final double[] prediction;

    private RegressionDisparities(Groups groups, long[] n, double[] absoluteError, double[] prediction) {
        this.groups = groups;
        this.n = n;
        this.absoluteError = absoluteError;
        this.prediction = prediction;
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
        int k = groups.groupCount();
        long[] n = new long[k + 1];
        double[] err = new double[k + 1];
        double[] pred = new double[k + 1];
        for (int i = 0; i < truth.length; i++) {
            int g = groups.group(i);
            n[g]++;
            err[g] += Math.abs(truth[i] - predicted[i]);
            pred[g] += predicted[i];
        }
        for (int i = 0; i < truth.length; i++) {
            err[k] += Math.abs(truth[i] - predicted[i]);
            pred[k] += predicted[i];
        }
        n[k] = truth.length;
        return new RegressionDisparities(groups, n, err, pred);
    }

    /** The mean absolute error of {@code group}; NaN when it is empty. */
    public double meanAbsoluteError(int group) {
        return n[group] == 0 ? Double.NaN : absoluteError[group] / n[group];
    }

    /** The mean prediction of {@code group}; NaN when it is empty. */
    public double meanPrediction(int group) {
        return n[group] == 0 ? Double.NaN : prediction[group] / n[group];
    }

    /** {@code mean_absolute_error_difference}: the difference of MAE across groups. */
    public Disparity meanAbsoluteErrorDifference(Aggregation aggregation, FairnessSettings settings) {
        return disparity("mean_absolute_error", absoluteError, aggregation, settings);
    }

    /** {@code mean_prediction_difference}: the difference of the mean prediction across groups. */
    public Disparity meanPredictionDifference(Aggregation aggregation, FairnessSettings settings) {
        return disparity("mean_prediction", prediction, aggregation, settings);
    }

    private Disparity disparity(String id, double[] sums, Aggregation aggregation, FairnessSettings settings) {
        int k = groups.groupCount();
        Outcome o = RateAggregation.aggregate(new GroupValues() {
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
                return n[group];
            }

            @Override
            public double value(int group, Convention convention) {
                return n[group] == 0 ? Double.NaN : sums[group] / n[group];
            }

            @Override
            public String undefinedReason(int group) {
                return n[group] == 0 ? "the group has no rows" : null;
            }

            @Override
            public double overall(Convention convention) {
                return sums[k] / n[k];
            }

            @Override
            public String overallUndefinedReason() {
                return n[k] == 0 ? "there are no rows" : null;
            }
        }, aggregation, settings, true);
        return new Disparity(id + "_difference", o.value(), o.reason(), o.detail(),
                dev.assay.core.uncertainty.IntervalEstimate.undefined("no interval is computed for regression disparities."),
                o.excluded());
    }
}
