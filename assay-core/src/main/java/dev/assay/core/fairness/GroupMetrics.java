package dev.assay.core.fairness;

import dev.assay.core.chart.Chart;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.metrics.MulticlassMetrics;
import dev.assay.core.metrics.Task;
import dev.assay.core.result.ConfusionCounts;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.uncertainty.BootstrapIntervals;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

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
 * <p>Intervals ({@link #disparities}): a stratified bootstrap by group: each resample draws, with
 * replacement, as many rows from each group as it holds (so every group keeps its size and takes part
 * as in the data), evaluates every group and, for {@link Aggregation#TO_OVERALL}, all drawn rows together;
 * percentile intervals of the replicates. Resample b uses the b-th generator split from
 * {@code new SplittableRandom(seed)}: the same seed gives the same intervals. A group whose resample the
 * evaluator refuses is left out of that resample. Each resample evaluates every group, so the cost is
 * {@code resamples} evaluations of the data.
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
    private final Evaluated data;

    private GroupMetrics(Groups groups, Evaluation overall, Evaluation[] byGroup, String[] refused, long[] sizes, Evaluated data) {
        this.groups = groups;
        this.overall = overall;
        this.byGroup = byGroup;
        this.refused = refused;
        this.sizes = sizes;
        this.data = data;
    }

    /** What was evaluated, to evaluate resamples of it the same way; {@code noInterval} says why not when the rows are elsewhere. */
    private record Evaluated(Frame frame, Schema schema, EvaluationSettings settings, int[][] rows, String noInterval,
            GroupResamples resamples) {
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
        return new GroupMetrics(groups, overall, byGroup, refused, sizes,
                new Evaluated(frame, schema, settings.withTask(overall.task()), rows, null, null));
    }

    /**
     * Group metrics from evaluations made elsewhere (e.g. merged per group by a distributed engine), the same
     * as {@link #evaluate} gives for the rows: {@code byGroup[g]} null with {@code refused[g]} the reason when a
     * group has no rows or cannot be evaluated. Without the rows there is no bootstrap: {@link #disparities}
     * gives its intervals as undefined with {@code noInterval} as the reason.
     */
    public static GroupMetrics of(Groups groups, Evaluation overall, Evaluation[] byGroup, String[] refused, long[] sizes,
            String noInterval) {
        if (byGroup.length != groups.groupCount() || refused.length != byGroup.length || sizes.length != byGroup.length) {
            throw new IllegalArgumentException(byGroup.length + " evaluations for " + groups.groupCount() + " groups");
        }
        return new GroupMetrics(groups, overall, byGroup.clone(), refused.clone(), sizes.clone(),
                new Evaluated(null, null, null, null, Objects.requireNonNull(noInterval, "noInterval"), null));
    }

    /**
     * Group metrics from evaluations made elsewhere, as {@link #of(Groups, Evaluation, Evaluation[], String[], long[], String)},
     * whose bootstrap replicates {@code resamples} draws where the rows are; {@link #disparities} takes its
     * percentile intervals from those replicates.
     */
    public static GroupMetrics of(Groups groups, Evaluation overall, Evaluation[] byGroup, String[] refused, long[] sizes,
            GroupResamples resamples) {
        GroupMetrics m = of(groups, overall, byGroup, refused, sizes, "");
        return new GroupMetrics(groups, overall, m.byGroup, m.refused, m.sizes,
                new Evaluated(null, null, null, null, null, Objects.requireNonNull(resamples, "resamples")));
    }

    /** The bootstrap drawn where the rows are; null when the rows are here or there is none. */
    GroupResamples resamples() {
        return data.resamples();
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

    /**
     * The difference ({@code <id>_difference}) and ratio ({@code <id>_ratio}) of each metric of {@code ids},
     * each with its bootstrap interval when {@link FairnessSettings#resamples()} is positive.
     *
     * @throws InvalidInputException if an id is not a metric of the evaluation (the evaluator's message)
     */
    public Map<String, Disparity> disparities(List<String> ids, Aggregation aggregation, FairnessSettings settings) {
        ids.forEach(overall::metric);
        GroupMetrics[] replicates = resample(settings, aggregation);
        Map<String, Disparity> out = new LinkedHashMap<>();
        for (String id : ids) {
            for (boolean difference : new boolean[] {true, false}) {
                Outcome o = RateAggregation.aggregate(values(id), aggregation, settings, difference);
                IntervalEstimate interval;
                String noInterval = data.resamples() != null ? data.resamples().noInterval(id) : data.noInterval();
                if (settings.resamples() > 0 && noInterval != null) {
                    interval = IntervalEstimate.undefined(noInterval);
                } else if (replicates.length == 0) {
                    interval = IntervalEstimate.undefined("no interval was asked for (resamples = 0).");
                } else if (o.reason() != null) {
                    interval = IntervalEstimate.undefined("the measure is undefined: " + o.reason());
                } else {
                    double[] values = new double[replicates.length];
                    for (int b = 0; b < values.length; b++) {
                        values[b] = RateAggregation.aggregate(replicates[b].values(id), aggregation, settings, difference).value();
                    }
                    interval = BootstrapIntervals.percentile(values, settings.level());
                }
                String name = id + (difference ? "_difference" : "_ratio");
                out.put(name, new Disparity(name, o.value(), o.reason(), o.detail(), interval, o.excluded()));
            }
        }
        return out;
    }

    /** The group metrics of each bootstrap resample, rows drawn within each group. */
    private GroupMetrics[] resample(FairnessSettings settings, Aggregation aggregation) {
        if (data.resamples() != null) {
            return settings.resamples() == 0 ? new GroupMetrics[0] : data.resamples().replicates(settings);
        }
        GroupMetrics[] out = new GroupMetrics[data.noInterval() != null ? 0 : settings.resamples()];
        SplittableRandom root = new SplittableRandom(settings.seed());
        int[][] rows = data.rows();
        for (int b = 0; b < out.length; b++) {
            SplittableRandom rng = root.split();
            Evaluation[] evaluations = new Evaluation[rows.length];
            String[] reasons = refused.clone();
            int[] all = new int[groups.rowCount()];
            int filled = 0;
            for (int g = 0; g < rows.length; g++) {
                int[] drawn = new int[rows[g].length];
                for (int i = 0; i < drawn.length; i++) {
                    drawn[i] = rows[g][rng.nextInt(drawn.length)];
                }
                System.arraycopy(drawn, 0, all, filled, drawn.length);
                filled += drawn.length;
                if (drawn.length > 0 && refused[g] == null) {
                    try {
                        evaluations[g] = valuesOf(Evaluator.evaluate(data.frame().slice(drawn), data.schema(), data.settings()));
                    } catch (InvalidInputException e) {
                        reasons[g] = "the group's resampled rows cannot be evaluated: " + e.getMessage();
                    }
                }
            }
            Evaluation whole = aggregation == Aggregation.TO_OVERALL
                    ? valuesOf(Evaluator.evaluate(data.frame().slice(all), data.schema(), data.settings())) : overall;
            out[b] = new GroupMetrics(groups, whole, evaluations, reasons, sizes, data);
        }
        return out;
    }

    /** The metric values of {@code e} alone: a resample keeps these, not the rows its evaluation holds. */
    private static Evaluation valuesOf(Evaluation e) {
        Map<String, MetricValue> values = new LinkedHashMap<>();
        e.metricIds().forEach(id -> values.put(id, e.metric(id)));
        return new MetricValues(e.task(), e.rows(), values);
    }

    /** An evaluation reduced to its metric values. */
    private record MetricValues(Task task, long rows, Map<String, MetricValue> values) implements Evaluation {
        @Override
        public List<String> metricIds() {
            return List.copyOf(values.keySet());
        }

        @Override
        public MetricValue metric(String id) {
            return Objects.requireNonNull(values.get(id), id);
        }

        @Override
        public List<String> notes() {
            return List.of();
        }

        @Override
        public List<String> problems() {
            return List.of();
        }

        @Override
        public Optional<ConfusionCounts> confusionMatrix() {
            return Optional.empty();
        }

        @Override
        public List<MulticlassMetrics.ClassReport> perClass() {
            return List.of();
        }

        @Override
        public List<EvidenceTable> tables() {
            return List.of();
        }

        @Override
        public List<Chart> charts() {
            return List.of();
        }
    }

    private static Disparity disparity(String id, Outcome o) {
        return new Disparity(id, o.value(), o.reason(), o.detail(),
                IntervalEstimate.undefined("no interval: see disparities(ids, aggregation, settings) for bootstrap intervals."), o.excluded());
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
