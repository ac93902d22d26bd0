package dev.assay.spark;

import dev.assay.core.data.Schema;
import dev.assay.core.metrics.BinaryRanking;
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
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Percentile bootstrap intervals of binary metrics on Spark by Poisson resampling (Hanley and
 * MacGibbon 2006; Chamandy et al. 2012): each row weighs an independent Poisson(1) count in each of
 * the {@code B} replicates, which approximates drawing n rows with replacement without knowing n on
 * any one machine. The rows are first condensed to their distinct contents with counts (a shuffle of
 * the contents, not a collection of rows); {@link PoissonReplicates} folds them into {@code B}
 * confusion and loss accumulators per partition; each replicate's metrics come from
 * {@link Evaluator#fromStatistics}, the function the estimate comes from; the interval is the
 * percentile interval of {@link BootstrapIntervals}. Like the local bootstrap, which resamples each
 * class to its own size, the resamples are stratified by the true class: each class's Poisson weights
 * are rescaled to the class's total weight in the data (a Poisson sample given its total is a
 * multinomial one, so this differs from drawing each class's rows with replacement only by the
 * O(1/√n) spread of that total). The two agree within Monte Carlo error, not draw for draw.
 * ROC AUC and average precision of each replicate are exact for the same rescaled weights
 * ({@link ResampledRankings}: one sort of the distinct contents, all replicates swept at once).
 */
final class PoissonBootstrap {
    private static final List<String> RANKING = List.of("roc_auc", "average_precision");

    private PoissonBootstrap() {
    }

    /**
     * The interval of each of {@code ids}.
     *
     * @param estimate the evaluation of the same rows, whose values the intervals surround
     */
    static Map<String, IntervalEstimate> intervals(Dataset<Row> data, Schema schema, EvaluationSettings settings, String source,
            Evaluation estimate, List<String> ids, IntervalSettings ci, long seed) {
        SparkEvaluator.BinaryEncoding classes = SparkEvaluator.encoding(data, schema, settings, source);
        Column[] columns = {SparkColumns.col(schema.label()).as("l"), SparkColumns.col(schema.prediction()).as("p"),
            SparkColumns.col(schema.score()).as("s"), SparkColumns.col(schema.weight()).as("w")};
        Dataset<Row> contents = data.select(columns).groupBy("l", "p", "s", "w").count().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return intervals(contents, schema, settings, source, classes, estimate, ids, ci, seed);
        } finally {
            contents.unpersist(false);
        }
    }

    private static Map<String, IntervalEstimate> intervals(Dataset<Row> contents, Schema schema, EvaluationSettings settings,
            String source, SparkEvaluator.BinaryEncoding classes, Evaluation estimate, List<String> ids, IntervalSettings ci,
            long seed) {
        int resamples = ci.resamples();
        PoissonReplicates draws = new PoissonReplicates(classes.positive(), schema.prediction() != null, schema.score() != null,
                schema.weight() != null, settings.threshold(), resamples, seed);
        PoissonReplicates.Partial r = PartitionFold.fold(contents, draws);
        boolean lossesDefined = estimate.metricIds().contains("log_loss") && estimate.metric("log_loss").defined();
        ConfusionCounts sizes = estimate.confusionMatrix().orElseThrow();
        double[] classWeight = {sizes.count(0, 0) + sizes.count(0, 1), sizes.count(1, 0) + sizes.count(1, 1)};
        double[][] scale = new double[2][resamples];
        double[][] values = new double[ids.size()][resamples];
        for (int b = 0; b < resamples; b++) {
            ConfusionMatrix drawn = r.confusion[b].result();
            ConfusionAccumulator stratified = new ConfusionAccumulator(2);
            double logLoss = 0;
            double brier = 0;
            for (int t = 0; t < 2; t++) {
                double total = drawn.trueTotal(t);
                scale[t][b] = total > 0 ? classWeight[t] / total : 0;
                for (int p = 0; p < 2; p++) {
                    stratified.add(t, p, drawn.count(t, p) * scale[t][b]);
                }
                ProbabilityLosses l = r.losses[2 * b + t].result();
                logLoss += l.logLoss() * scale[t][b];
                brier += l.brier() * scale[t][b];
            }
            ProbabilityLosses losses = new ProbabilityLosses(classWeight[0] + classWeight[1], logLoss, brier);
            BinaryStatistics stats = new BinaryStatistics(classes.positive(), classes.negative(), estimate.rows(), classes.positives(),
                    stratified.result(), schema.prediction() == null, null,
                    schema.score() != null && lossesDefined ? losses : null, null, schema.weight() != null);
            Evaluation replicate = Evaluator.fromStatistics(stats, settings, schema, source, List.of());
            for (int m = 0; m < ids.size(); m++) {
                values[m][b] = RANKING.contains(ids.get(m)) ? Double.NaN : replicate.metric(ids.get(m)).value();
            }
        }
        if (ids.stream().anyMatch(id -> RANKING.contains(id) && estimate.metric(id).defined())) {
            BinaryRanking[] rankings = ResampledRankings.of(contents, draws, scale);
            for (int m = 0; m < ids.size(); m++) {
                for (int b = 0; RANKING.contains(ids.get(m)) && b < resamples; b++) {
                    values[m][b] = (ids.get(m).equals("roc_auc") ? rankings[b].rocAuc() : rankings[b].averagePrecision()).value();
                }
            }
        }
        Map<String, IntervalEstimate> out = new LinkedHashMap<>();
        for (int m = 0; m < ids.size(); m++) {
            String id = ids.get(m);
            if (!estimate.metric(id).defined()) {
                out.put(id, IntervalEstimate.undefined("the value itself is undefined."));
            } else {
                out.put(id, BootstrapIntervals.percentile(values[m], ci.level()));
            }
        }
        return out;
    }
}
