package dev.assay.core.fairness;

import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricValue;
import java.util.List;
import java.util.Objects;

/**
 * Any evaluation metric per group, like Fairlearn's {@code MetricFrame}: the data is evaluated as a
 * whole ({@link #overall}) and group by group ({@link #byGroup}) with {@link Evaluator}, and every
 * metric can be aggregated into a {@link #difference} or {@link #ratio} across groups. An empty group,
 * or one whose rows the evaluator refuses (a single class where two are needed), has its metrics
 * undefined with the reason rather than stopping the whole analysis.
 *
 * <p>Set the positive class in the {@link EvaluationSettings} of a binary task, so that every group
 * is evaluated with the same one. Regression disparities are the differences of
 * {@code mean_absolute_error} and {@code mean_prediction}-style metrics of the regression evaluation.
 *
 * <p>Reference: Fairlearn 0.13 {@code MetricFrame(metrics, y_true, y_pred, sensitive_features)},
 * {@code .overall}, {@code .by_group}, {@code .difference(method)}, {@code .ratio(method)}.
 */
public final class GroupMetrics {
    private final Groups groups;
    private final Evaluation overall;
    private final Evaluation[] byGroup;
    private final String[] refused;
    private final long[] sizes;

    private GroupMetrics(Groups groups, Evaluation overall, Evaluation[] byGroup, String[] refused, long[] sizes) {
        this.groups = groups;
        this.overall = overall;
        this.byGroup = byGroup;
        this.refused = refused;
        this.sizes = sizes;
    }

    /**
     * Evaluates {@code frame} as a whole and per group of {@code groups}.
     *
     * @throws InvalidInputException if the frame as a whole cannot be evaluated (the evaluator's message)
     */
    public static GroupMetrics evaluate(Frame frame, Schema schema, EvaluationSettings settings, Groups groups) {
        Objects.requireNonNull(groups, "groups");
        if (groups.rowCount() != frame.rowCount()) {
            throw new IllegalArgumentException("groups of " + groups.rowCount() + " rows for a frame of " + frame.rowCount());
        }
        Evaluation overall = Evaluator.evaluate(frame, schema, settings);
        int[][] rows = groups.rows();
        Evaluation[] byGroup = new Evaluation[rows.length];
        String[] refused = new String[rows.length];
        long[] sizes = new long[rows.length];
        for (int g = 0; g < rows.length; g++) {
            sizes[g] = rows[g].length;
            if (rows[g].length == 0) {
                refused[g] = "the group has no rows";
                continue;
            }
            try {
                byGroup[g] = Evaluator.evaluate(frame.slice(rows[g]), schema, settings);
            } catch (InvalidInputException e) {
                refused[g] = "the group's rows cannot be evaluated: " + e.getMessage();
            }
        }
        return new GroupMetrics(groups, overall, byGroup, refused, sizes);
    }

    /** The groups. */
    public Groups groups() {
        return groups;
    }

    /** The ids of the metrics, those of the overall evaluation. */
    public List<String> metricIds() {
        return overall.metricIds();
    }

    /** The number of rows of {@code group}. */
    public long size(int group) {
        return sizes[group];
    }

    /** Metric {@code id} over all rows. */
    public MetricValue overall(String id) {
        return overall.metric(id);
    }

    /** Metric {@code id} of {@code group}; undefined with the reason for an empty or refused group. */
    public MetricValue byGroup(String id, int group) {
        overall.metric(id);
        return byGroup[group] == null ? MetricValue.undefined(id, refused[group]) : byGroup[group].metric(id);
    }

    /** The largest difference of metric {@code id} between groups or to overall, without an interval. */
    public Disparity difference(String id, Aggregation aggregation, FairnessSettings settings) {
        return disparity(id + "_difference", RateAggregation.aggregate(values(id), aggregation, settings, true));
    }

    /** The smallest ratio of metric {@code id} between groups or to overall, without an interval. */
    public Disparity ratio(String id, Aggregation aggregation, FairnessSettings settings) {
        return disparity(id + "_ratio", RateAggregation.aggregate(values(id), aggregation, settings, false));
    }

    private static Disparity disparity(String id, Outcome o) {
        return new Disparity(id, o.value(), o.reason(), o.detail(),
                dev.assay.core.uncertainty.IntervalEstimate.undefined("intervals of evaluation metrics per group are not computed;"
                        + " rate disparities (Disparities) have bootstrap intervals."), o.excluded());
    }

    private GroupValues values(String id) {
        MetricValue all = overall(id);
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
                return sizes[group];
            }

            @Override
            public double value(int group, Convention convention) {
                return byGroup(id, group).value();
            }

            @Override
            public String undefinedReason(int group) {
                return byGroup(id, group).undefinedReason();
            }

            @Override
            public double overall(Convention convention) {
                return all.value();
            }

            @Override
            public String overallUndefinedReason() {
                return all.undefinedReason();
            }
        };
    }
}
