package dev.assay.spark;

import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.GroupMetrics;
import dev.assay.core.fairness.GroupResamples;
import dev.assay.core.fairness.Groups;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ConfusionMatrix;
import dev.assay.core.uncertainty.IntervalEstimate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Poisson bootstrap of per-group binary metrics on Spark ({@link GroupResamples}) from each group's
 * replicates ({@link CurveReplicates}). As the local bootstrap ({@link GroupMetrics#evaluate}) draws each
 * group's rows to the group's size, each group's Poisson weights are rescaled to the group's total (given its
 * total, a Poisson sample is a multinomial one); all drawn groups together make the replicate's overall
 * evaluation. Each group's own interval rescales each class within the group instead, as core's per-group
 * intervals resample by class. The percentile intervals, the disparities of each replicate and the tables
 * are core's. ROC AUC and average precision get no interval here.
 */
final class SparkGroupResamples implements GroupResamples {
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
    private final Map<String, CurveReplicates> folded = new HashMap<>();

    SparkGroupResamples(Dataset<Row> data, Schema schema, List<String> keys, GroupCoder coder, Groups groups, BinaryCurves curves,
            Evaluation overall, Evaluation[] byGroup, String[] refused, long[] sizes, EvaluationSettings settings, String source) {
        this.data = data;
        this.schema = schema;
        this.keys = keys;
        this.coder = coder;
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
        return CurveReplicates.RANKING.contains(id) ? CurveReplicates.NO_RANKING : null;
    }

    @Override
    public GroupMetrics[] replicates(FairnessSettings fairness) {
        CurveReplicates drawn = fold(fairness);
        SparkEvaluator.BinaryEncoding all = curves.encoding(0, settings);
        int k = groups.groupCount();
        GroupMetrics[] out = new GroupMetrics[fairness.resamples()];
        for (int b = 0; b < out.length; b++) {
            Evaluation[] evaluations = new Evaluation[k];
            String[] reasons = refused.clone();
            ConfusionAccumulator whole = new ConfusionAccumulator(2);
            double[] losses = new double[3];
            for (int g = 0; g < k; g++) {
                PoissonReplicates.Partial p = drawn.of(1 + g);
                if (p == null || byGroup[g] == null) {
                    continue;
                }
                ConfusionMatrix m = p.confusion[b].result();
                double total = m.trueTotal(0) + m.trueTotal(1);
                double s = total > 0 ? (CurveReplicates.classWeight(byGroup[g], 0) + CurveReplicates.classWeight(byGroup[g], 1)) / total
                        : 0;
                double[] scale = {s, s};
                CurveReplicates.add(whole, losses, p, b, scale);
                try {
                    evaluations[g] = drawn.evaluate(p, b, scale, curves.encoding(1 + g, settings), byGroup[g]);
                } catch (InvalidInputException e) {
                    reasons[g] = "the group's resampled rows cannot be evaluated: " + e.getMessage();
                }
            }
            out[b] = GroupMetrics.of(groups, drawn.evaluate(all, overall, whole, losses), evaluations, reasons, sizes, "");
        }
        return out;
    }

    @Override
    public Map<String, IntervalEstimate> intervals(int group, List<String> ids, FairnessSettings fairness) {
        CurveReplicates drawn = fold(fairness);
        if (byGroup[group] == null || drawn.of(1 + group) == null) {
            Map<String, IntervalEstimate> out = new LinkedHashMap<>();
            ids.forEach(id -> out.put(id, IntervalEstimate.undefined("the group's rows cannot be evaluated: " + refused[group])));
            return out;
        }
        return drawn.intervals(1 + group, byGroup[group], curves.encoding(1 + group, settings), ids, fairness.resamples(),
                fairness.level());
    }

    /** Each group's replicates, drawn once per number of resamples and seed. */
    private CurveReplicates fold(FairnessSettings fairness) {
        return folded.computeIfAbsent(fairness.resamples() + "/" + fairness.seed(),
                k -> CurveReplicates.fold(data, schema, keys, coder, settings, fairness.resamples(), fairness.seed(), source));
    }
}
