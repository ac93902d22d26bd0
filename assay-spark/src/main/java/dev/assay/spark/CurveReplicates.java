package dev.assay.spark;

import dev.assay.core.data.Schema;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The Poisson bootstrap replicates of every curve of a Spark data set ({@link GroupCoder}: each group or slice):
 * the rows are condensed to their distinct contents {@code (label, prediction, score, weight, key columns)} with
 * counts {@code c}; in replicate {@code b} a content weighs {@code K ~ Poisson(c)} from a stream seeded by the seed,
 * the content and its keys ({@link PoissonReplicates}), so the replicates do not depend on the partitioning; one
 * scan folds {@code B} confusion and loss accumulators per curve and partition ({@link GroupedFolder}). A replicate
 * of a curve is evaluated with {@link Evaluator#fromStatistics} after each class's weights are scaled; a curve's
 * own interval scales each class to its total in the curve (given its total, a Poisson sample is a multinomial
 * one), as {@link dev.assay.core.uncertainty.MetricIntervals} resamples each class to its size. ROC AUC and
 * average precision are not evaluated per replicate here.
 */
final class CurveReplicates {
    /** Why the ranking metrics get no interval. */
    static final String NO_RANKING = "bootstrap intervals of roc_auc and average_precision per group or slice are not computed"
            + " on Spark; the other metrics have theirs. Run locally for these intervals.";
    static final List<String> RANKING = List.of("roc_auc", "average_precision");

    private final Map<Integer, GroupedFolder.Curve<PoissonReplicates.Partial>> curves;
    private final Schema schema;
    private final EvaluationSettings settings;
    private final String source;

    private CurveReplicates(Map<Integer, GroupedFolder.Curve<PoissonReplicates.Partial>> curves, Schema schema,
            EvaluationSettings settings, String source) {
        this.curves = curves;
        this.schema = schema;
        this.settings = settings;
        this.source = source;
    }

    /**
     * Folds {@code resamples} replicates of every curve of {@code coder} (whose key columns are {@code keys}) over
     * {@code data}, with {@code settings}' positive class and threshold.
     */
    static CurveReplicates fold(Dataset<Row> data, Schema schema, List<String> keys, GroupCoder coder, EvaluationSettings settings,
            int resamples, long seed, String source) {
        List<Column> columns = new ArrayList<>(List.of(SparkColumns.col(schema.label()).as("l"),
                SparkColumns.col(schema.prediction()).as("p"), SparkColumns.col(schema.score()).as("s"),
                SparkColumns.col(schema.weight()).as("w")));
        List<Column> ordered = new ArrayList<>(List.of(functions.col("l"), functions.col("p"), functions.col("s"),
                functions.col("w"), functions.col("count")));
        for (int i = 0; i < keys.size(); i++) {
            columns.add(SparkColumns.col(keys.get(i)).as("k" + i));
            ordered.add(functions.col("k" + i));
        }
        Dataset<Row> selected = data.select(columns.toArray(Column[]::new));
        String[] names = selected.columns();
        Dataset<Row> contents = selected.groupBy(names[0], Arrays.copyOfRange(names, 1, names.length)).count()
                .select(ordered.toArray(Column[]::new));
        PoissonReplicates draws = new PoissonReplicates(settings.positiveClass(), schema.prediction() != null,
                schema.score() != null, schema.weight() != null, settings.threshold(), resamples, seed, keys.size());
        GroupCoder shifted = new GroupCoder(coder.codes(), coder.numeric(), coder.groupings(), coder.widths(), 5);
        return new CurveReplicates(PartitionFold.fold(contents, new GroupedFolder<>(draws, shifted, false)), schema, settings,
                source);
    }

    /** The replicates of {@code curve}; null when it holds no rows. */
    PoissonReplicates.Partial of(int curve) {
        GroupedFolder.Curve<PoissonReplicates.Partial> c = curves.get(curve);
        return c == null ? null : c.stats();
    }

    /**
     * The percentile interval of each of {@code ids} on {@code curve}'s rows, each class rescaled to its total in
     * the curve; {@code estimate} is the curve's evaluation.
     */
    Map<String, IntervalEstimate> intervals(int curve, Evaluation estimate, SparkEvaluator.BinaryEncoding encoding,
            List<String> ids, int resamples, double level) {
        PoissonReplicates.Partial p = of(curve);
        double[][] values = new double[ids.size()][resamples];
        for (int b = 0; b < resamples; b++) {
            ConfusionMatrix m = p.confusion[b].result();
            double[] scale = new double[2];
            for (int t = 0; t < 2; t++) {
                scale[t] = m.trueTotal(t) > 0 ? classWeight(estimate, t) / m.trueTotal(t) : 0;
            }
            Evaluation replicate = evaluate(p, b, scale, encoding, estimate);
            for (int i = 0; i < ids.size(); i++) {
                values[i][b] = replicate.metric(ids.get(i)).value();
            }
        }
        Map<String, IntervalEstimate> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            out.put(id, RANKING.contains(id) ? IntervalEstimate.undefined(NO_RANKING)
                    : !estimate.metric(id).defined() ? IntervalEstimate.undefined("the value itself is undefined.")
                    : BootstrapIntervals.percentile(values[i], level));
        }
        return out;
    }

    /** The (weighted) rows of class {@code t} (0 negative, 1 positive) of the rows evaluated as {@code estimate}. */
    static double classWeight(Evaluation estimate, int t) {
        ConfusionCounts counts = estimate.confusionMatrix().orElseThrow();
        return counts.count(t, 0) + counts.count(t, 1);
    }

    /** Adds replicate {@code b} of {@code p}, each class scaled, into {@code whole} and the loss sums {@code [n, log, brier]}. */
    static void add(ConfusionAccumulator whole, double[] losses, PoissonReplicates.Partial p, int b, double[] scale) {
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

    /** Replicate {@code b} of the rows of {@code p} with class {@code t}'s weights scaled by {@code scale[t]}. */
    Evaluation evaluate(PoissonReplicates.Partial p, int b, double[] scale, SparkEvaluator.BinaryEncoding encoding,
            Evaluation estimate) {
        ConfusionAccumulator confusion = new ConfusionAccumulator(2);
        double[] losses = new double[3];
        add(confusion, losses, p, b, scale);
        return evaluate(encoding, estimate, confusion, losses);
    }

    /**
     * The evaluation of replicate statistics of the rows evaluated as {@code estimate}: the confusion counts and
     * loss sums {@code [n, log, brier]} (the losses only where the estimate's are defined).
     */
    Evaluation evaluate(SparkEvaluator.BinaryEncoding encoding, Evaluation estimate, ConfusionAccumulator confusion,
            double[] losses) {
        boolean lossesDefined = schema.score() != null && estimate.metricIds().contains("log_loss")
                && estimate.metric("log_loss").defined();
        BinaryStatistics stats = new BinaryStatistics(encoding.positive(), encoding.negative(), estimate.rows(),
                encoding.positives(), confusion.result(), schema.prediction() == null, null,
                lossesDefined ? new ProbabilityLosses(losses[0], losses[1], losses[2]) : null, null, schema.weight() != null);
        return Evaluator.fromStatistics(stats, settings, schema, source, List.of());
    }
}
