package dev.assay.spark;

import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.GroupMetrics;
import dev.assay.core.fairness.GroupResamples;
import dev.assay.core.fairness.Groups;
import dev.assay.core.metrics.BinaryStatistics;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.result.ConfusionCounts;
import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ConfusionMatrix;
import dev.assay.core.stats.ProbabilityLosses;
import dev.assay.core.uncertainty.BootstrapIntervals;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Poisson bootstrap of per-group binary metrics on Spark ({@link GroupResamples}). The rows are condensed
 * to their distinct contents {@code (label, prediction, score, weight, group keys)} with counts {@code c}; in
 * resample {@code b} a content weighs {@code K ~ Poisson(c)} from a stream seeded by the fairness seed, the
 * content and its keys ({@link PoissonReplicates}), so the draws do not depend on the partitioning. One scan
 * folds {@code B} confusion and loss accumulators per group and partition ({@link GroupedFolder}). As the
 * local bootstrap ({@link GroupMetrics#evaluate}) draws each group's rows to the group's size, each group's
 * weights are rescaled to the group's total (given its total, a Poisson sample is a multinomial one);
 * all drawn groups together make the resample's overall evaluation. Each group's own interval rescales each
 * class within the group instead, as {@link dev.assay.core.uncertainty.MetricIntervals} resamples by class.
 * Every replicate is evaluated with {@link Evaluator#fromStatistics}; the percentile intervals, the
 * disparities of each replicate and the tables are core's. ROC AUC and average precision get no interval here.
 */
final class SparkGroupResamples implements GroupResamples {
    /** Why the ranking metrics get no interval. */
    static final String NO_RANKING = "bootstrap intervals of roc_auc and average_precision per group are not computed on Spark;"
            + " the other metrics have theirs. Run locally for these intervals.";
    private static final List<String> RANKING = List.of("roc_auc", "average_precision");

    private final Dataset<Row> data;
    private final Schema schema;
    private final List<String> keys;
    private final GroupCoder coder;
    private final Groups groups;
    private final BinaryCurves curves;
    private final Evaluation overall;
    private final Evaluation[] byGroup;
    private final String[] refused;
    private final long[] sizes;
    private final EvaluationSettings settings;
    private final String source;
    private final Map<String, HashMap<Integer, GroupedFolder.Curve<PoissonReplicates.Partial>>> folded = new HashMap<>();

    SparkGroupResamples(Dataset<Row> data, Schema schema, List<String> keys, GroupCoder coder, Groups groups, BinaryCurves curves,
            Evaluation overall, Evaluation[] byGroup, String[] refused, long[] sizes, EvaluationSettings settings, String source) {
        this.data = data;
        this.schema = schema;
        this.keys = keys;
        this.coder = new GroupCoder(coder.codes(), coder.numeric(), coder.groupings(), coder.widths(), 5);
        this.groups = groups;
        this.curves = curves;
        this.overall = overall;
        this.byGroup = byGroup;
        this.refused = refused;
        this.sizes = sizes;
        this.settings = settings;
        this.source = source;
    }

    @Override
    public String noInterval(String id) {
        return RANKING.contains(id) ? NO_RANKING : null;
    }

    @Override
    public GroupMetrics[] replicates(FairnessSettings fairness) {
        Map<Integer, GroupedFolder.Curve<PoissonReplicates.Partial>> drawn = fold(fairness);
        SparkEvaluator.BinaryEncoding all = curves.encoding(0, settings);
        int k = groups.groupCount();
        GroupMetrics[] out = new GroupMetrics[fairness.resamples()];
        for (int b = 0; b < out.length; b++) {
            Evaluation[] evaluations = new Evaluation[k];
            String[] reasons = refused.clone();
            ConfusionAccumulator whole = new ConfusionAccumulator(2);
            double[] losses = new double[3];
            for (int g = 0; g < k; g++) {
                GroupedFolder.Curve<PoissonReplicates.Partial> c = drawn.get(1 + g);
                if (c == null || byGroup[g] == null) {
                    continue;
                }
                ConfusionMatrix m = c.stats().confusion[b].result();
                double total = m.trueTotal(0) + m.trueTotal(1);
                double s = total > 0 ? (weight(g, 0) + weight(g, 1)) / total : 0;
                double[] scale = {s, s};
                add(whole, losses, c.stats(), b, scale);
                try {
                    evaluations[g] = evaluate(c.stats(), b, scale, curves.encoding(1 + g, settings), byGroup[g]);
                } catch (InvalidInputException e) {
                    reasons[g] = "the group's resampled rows cannot be evaluated: " + e.getMessage();
                }
            }
            Evaluation drawnOverall = Evaluator.fromStatistics(statistics(all, overall, whole, losses), settings, schema, source,
                    List.of());
            out[b] = GroupMetrics.of(groups, drawnOverall, evaluations, reasons, sizes, "");
        }
        return out;
    }

    @Override
    public Map<String, IntervalEstimate> intervals(int group, List<String> ids, FairnessSettings fairness) {
        Map<String, IntervalEstimate> out = new LinkedHashMap<>();
        Evaluation estimate = byGroup[group];
        GroupedFolder.Curve<PoissonReplicates.Partial> c = fold(fairness).get(1 + group);
        if (estimate == null || c == null) {
            ids.forEach(id -> out.put(id, IntervalEstimate.undefined("the group's rows cannot be evaluated: " + refused[group])));
            return out;
        }
        SparkEvaluator.BinaryEncoding encoding = curves.encoding(1 + group, settings);
        double[][] values = new double[ids.size()][fairness.resamples()];
        for (int b = 0; b < fairness.resamples(); b++) {
            ConfusionMatrix m = c.stats().confusion[b].result();
            double[] scale = new double[2];
            for (int t = 0; t < 2; t++) {
                scale[t] = m.trueTotal(t) > 0 ? weight(group, t) / m.trueTotal(t) : 0;
            }
            Evaluation replicate = evaluate(c.stats(), b, scale, encoding, estimate);
            for (int i = 0; i < ids.size(); i++) {
                values[i][b] = replicate.metric(ids.get(i)).value();
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            out.put(id, RANKING.contains(id) ? IntervalEstimate.undefined(NO_RANKING)
                    : !estimate.metric(id).defined() ? IntervalEstimate.undefined("the value itself is undefined.")
                    : BootstrapIntervals.percentile(values[i], fairness.level()));
        }
        return out;
    }

    /** The (weighted) rows of class {@code t} (0 negative, 1 positive) in group {@code g}. */
    private double weight(int g, int t) {
        ConfusionCounts counts = byGroup[g].confusionMatrix().orElseThrow();
        return counts.count(t, 0) + counts.count(t, 1);
    }

    /** Each group's {@code B} replicate accumulators, drawn once per number of resamples and seed. */
    private Map<Integer, GroupedFolder.Curve<PoissonReplicates.Partial>> fold(FairnessSettings fairness) {
        return folded.computeIfAbsent(fairness.resamples() + "/" + fairness.seed(), k -> {
            List<Column> columns = new ArrayList<>(List.of(SparkColumns.col(schema.label()), SparkColumns.col(schema.prediction()),
                    SparkColumns.col(schema.score()), SparkColumns.col(schema.weight())));
            keys.forEach(c -> columns.add(SparkColumns.col(c)));
            List<String> names = new ArrayList<>(List.of("l", "p", "s", "w"));
            for (int i = 0; i < keys.size(); i++) {
                names.add("k" + i);
            }
            List<Column> ordered = new ArrayList<>(List.of(col("l"), col("p"), col("s"), col("w"),
                    col("count")));
            for (int i = 0; i < keys.size(); i++) {
                ordered.add(col("k" + i));
            }
            Dataset<Row> contents = data.select(columns.toArray(Column[]::new)).toDF(names.toArray(String[]::new))
                    .groupBy(names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).count()
                    .select(ordered.toArray(Column[]::new));
            PoissonReplicates draws = new PoissonReplicates(settings.positiveClass(), schema.prediction() != null,
                    schema.score() != null, schema.weight() != null, settings.threshold(), fairness.resamples(), fairness.seed(),
                    keys.size());
            return PartitionFold.fold(contents, new GroupedFolder<>(draws, coder, false));
        });
    }

    private static Column col(String name) {
        return org.apache.spark.sql.functions.col(name);
    }

    /** Adds replicate {@code b} of {@code p}, each class scaled, into {@code whole} and the loss sums {@code [n, log, brier]}. */
    private static void add(ConfusionAccumulator whole, double[] losses, PoissonReplicates.Partial p, int b, double[] scale) {
        ConfusionMatrix m = p.confusion[b].result();
        for (int t = 0; t < 2; t++) {
            for (int d = 0; d < 2; d++) {
                whole.add(t, d, m.count(t, d) * scale[t]);
            }
            ProbabilityLosses l = p.losses[2 * b + t].result();
            losses[0] += m.trueTotal(t) * scale[t];
            losses[1] += l.logLoss() * scale[t];
            losses[2] += l.brier() * scale[t];
        }
    }

    /** Replicate {@code b} of one group with class {@code t}'s weights scaled by {@code scale[t]}. */
    private Evaluation evaluate(PoissonReplicates.Partial p, int b, double[] scale, SparkEvaluator.BinaryEncoding encoding,
            Evaluation estimate) {
        ConfusionAccumulator confusion = new ConfusionAccumulator(2);
        double[] losses = new double[3];
        add(confusion, losses, p, b, scale);
        BinaryStatistics stats = statistics(encoding, estimate, confusion, losses);
        return Evaluator.fromStatistics(stats, settings, schema, source, List.of());
    }

    /** The statistics of a replicate of the rows evaluated as {@code estimate}; its losses only where the estimate's are defined. */
    private BinaryStatistics statistics(SparkEvaluator.BinaryEncoding encoding, Evaluation estimate, ConfusionAccumulator confusion,
            double[] losses) {
        boolean lossesDefined = schema.score() != null && estimate.metricIds().contains("log_loss")
                && estimate.metric("log_loss").defined();
        return new BinaryStatistics(encoding.positive(), encoding.negative(), estimate.rows(), encoding.positives(), confusion.result(),
                schema.prediction() == null, null, lossesDefined ? new ProbabilityLosses(losses[0], losses[1], losses[2]) : null,
                null, schema.weight() != null);
    }
}
