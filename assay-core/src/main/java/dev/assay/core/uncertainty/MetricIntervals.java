package dev.assay.core.uncertainty;

import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.ConfusionCounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confidence intervals for metrics of an {@link Evaluation}: Wilson intervals from its confusion
 * counts, or stratified bootstrap intervals ({@link MetricBootstrap}).
 */
public final class MetricIntervals {
    /** The metrics that are proportions of counts, and so have a Wilson interval. */
    public static final List<String> PROPORTIONS = List.of("accuracy", "precision", "recall", "specificity", "npv", "fpr", "fnr");

    private MetricIntervals() {
    }

    /**
     * The interval of each metric in {@code ids}, in that order.
     *
     * @param frame the rows that were evaluated
     * @param schema their roles
     * @param settings the evaluation settings used
     * @param evaluation the evaluation of {@code frame} (its values are the estimates)
     * @param ids metric ids of the evaluation's task
     * @param ci method, resamples, level
     * @param seed the seed of the bootstrap
     */
    public static Map<String, IntervalEstimate> of(Frame frame, Schema schema, EvaluationSettings settings,
            Evaluation evaluation, List<String> ids, IntervalSettings ci, long seed) {
        if (ci.method().resamples()) {
            return MetricBootstrap.intervals(frame, schema, settings, evaluation, ids, ci, seed);
        }
        Map<String, IntervalEstimate> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, wilson(evaluation, id, ci.level()));
        }
        return out;
    }

    /**
     * The Wilson interval of each metric in {@code ids}, from the counts of {@code evaluation} alone (no rows
     * needed), as {@link #of} gives them for a method without resamples.
     *
     * @throws IllegalArgumentException if {@code ci} asks for a bootstrap, which needs the rows
     */
    public static Map<String, IntervalEstimate> fromCounts(Evaluation evaluation, List<String> ids, IntervalSettings ci) {
        if (ci.method().resamples()) {
            throw new IllegalArgumentException("a " + ci.method().id() + " interval needs the rows");
        }
        Map<String, IntervalEstimate> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, wilson(evaluation, id, ci.level()));
        }
        return out;
    }

    /**
     * Why {@link #of} gives no BCa interval for an evaluation of {@code rows} rows (its jackknife evaluates the
     * metrics once per row, refused above {@value MetricBootstrap#BCA_MAX_ROWS} rows), or null when it computes one:
     * an engine without the rows in memory (Spark) states the same reason, or brings at most that many rows.
     */
    public static String bcaRefusal(long rows) {
        return rows > MetricBootstrap.BCA_MAX_ROWS ? MetricBootstrap.bcaRefusal(rows) : null;
    }

    /** The most rows a BCa interval is computed on. */
    public static int bcaMaxRows() {
        return MetricBootstrap.BCA_MAX_ROWS;
    }

    /** The ids among {@code ids} that {@code method} gives intervals for: all for the bootstrap, the proportions for Wilson. */
    public static List<String> applicable(List<String> ids, IntervalMethod method) {
        return ids.stream().filter(id -> method.resamples() || PROPORTIONS.contains(id)).toList();
    }

    private static IntervalEstimate wilson(Evaluation evaluation, String id, double level) {
        if (!PROPORTIONS.contains(id)) {
            return IntervalEstimate.undefined("a Wilson interval is for proportions of counts (" + String.join(", ", PROPORTIONS)
                    + "), not " + id + "; use method bca or percentile.");
        }
        Optional<ConfusionCounts> matrix = evaluation.confusionMatrix();
        if (matrix.isEmpty()) {
            return IntervalEstimate.undefined("no predicted classes were evaluated, so there are no counts for a Wilson interval.");
        }
        ConfusionCounts c = matrix.get();
        if (c.weighted()) {
            return IntervalEstimate.undefined("the rows are weighted, and a Wilson interval needs plain counts; use method bca"
                    + " or percentile.");
        }
        if (!id.equals("accuracy") && c.labels().size() != 2) {
            return IntervalEstimate.undefined("a Wilson interval for " + id + " needs a binary task; use method bca or percentile.");
        }
        long[] kn = id.equals("accuracy") ? correct(c) : binaryCounts(c, id);
        return WilsonInterval.of(kn[0], kn[1], level);
    }

    private static long[] correct(ConfusionCounts c) {
        double k = 0;
        double n = 0;
        for (int t = 0; t < c.labels().size(); t++) {
            for (int p = 0; p < c.labels().size(); p++) {
                n += c.count(t, p);
                k += t == p ? c.count(t, p) : 0;
            }
        }
        return new long[] {Math.round(k), Math.round(n)};
    }

    /** Successes and trials of a binary proportion; rows and columns are ordered negative, positive. */
    private static long[] binaryCounts(ConfusionCounts c, String id) {
        long tn = Math.round(c.count(0, 0));
        long fp = Math.round(c.count(0, 1));
        long fn = Math.round(c.count(1, 0));
        long tp = Math.round(c.count(1, 1));
        return switch (id) {
            case "precision" -> new long[] {tp, tp + fp};
            case "recall" -> new long[] {tp, tp + fn};
            case "specificity" -> new long[] {tn, tn + fp};
            case "npv" -> new long[] {tn, tn + fn};
            case "fpr" -> new long[] {fp, fp + tn};
            default -> new long[] {fn, fn + tp};
        };
    }
}
