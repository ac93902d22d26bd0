package dev.assay.core.uncertainty;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import dev.assay.core.stats.ScoreRanking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Stratified bootstrap of metrics: each resample draws, with replacement, as many rows from each
 * stratum as it holds (one stratum per class of the label for classification, so every resample keeps
 * every class and its share; all rows for regression), evaluates the resample with the same settings
 * and task as the full data, and {@link BootstrapIntervals} turns the replicates into intervals.
 *
 * <p>Resample b draws from the b-th of {@code resamples} generators split in turn from
 * {@code new SplittableRandom(seed)}, so the result depends on the seed only, never on how many
 * threads evaluate the resamples (they run in parallel on the common fork-join pool). BCa also
 * evaluates the n leave-one-out subsets (the jackknife), so its cost grows with n² rather than n.
 *
 * <p>Percentile intervals of roc_auc and average_precision of a binary task with scores do not
 * re-evaluate: {@link RankingBootstrap} turns the same draws into counts per row over scores sorted
 * once, which gives the same replicates (see there) at a fraction of the cost. From
 * {@value PoissonRankingBootstrap#MIN_ROWS} rows on they take the Poisson bootstrap instead, one
 * sequential pass over the ranked rows per resample ({@link PoissonRankingBootstrap}).
 *
 * <p>Edge cases: fewer than {@value #MIN_ROWS} rows, a class with a single row, BCa on more than
 * {@value #BCA_MAX_ROWS} rows (about a minute of jackknife evaluations on two cores), or a value that is
 * undefined on the full data leave the interval undefined with the reason.
 */
final class MetricBootstrap {
    /** The fewest rows a bootstrap interval is computed on. */
    static final int MIN_ROWS = 10;
    /** The most rows a BCa interval is computed on: its jackknife evaluates one subset per row. */
    static final int BCA_MAX_ROWS = 20_000;

    private MetricBootstrap() {
    }

    static Map<String, IntervalEstimate> intervals(Frame frame, Schema schema, EvaluationSettings settings,
            Evaluation evaluation, List<String> ids, IntervalSettings ci, long seed) {
        EvaluationSettings fixed = settings.withTask(evaluation.task());
        int[][] strata = evaluation.task() == Task.REGRESSION ? new int[][] {IntStream.range(0, frame.rowCount()).toArray()}
                : strata(frame.column(schema.label(), "label"));
        String problem = problem(frame.rowCount(), strata, frame.column(schema.label(), "label"), ci.method());
        Map<String, IntervalEstimate> out = new LinkedHashMap<>();
        if (problem != null) {
            ids.forEach(id -> out.put(id, IntervalEstimate.undefined(problem)));
            return out;
        }
        double[][] replicates = new double[ids.size()][];
        List<String> ranked = fastRanking(frame, evaluation, ids, ci);
        if (!ranked.isEmpty()) {
            ScoreRanking ranking = evaluation.binaryScores().orElseThrow().ranking();
            double[][] values = frame.rowCount() >= PoissonRankingBootstrap.MIN_ROWS
                    ? PoissonRankingBootstrap.replicates(ranking, ranked, streams(seed, ci.resamples()))
                    : RankingBootstrap.replicates(ranking, ranked, strata, streams(seed, ci.resamples()));
            for (int m = 0; m < ids.size(); m++) {
                int k = ranked.indexOf(ids.get(m));
                replicates[m] = k >= 0 ? values[k] : replicates[m];
            }
        }
        List<String> others = ids.stream().filter(id -> !ranked.contains(id)).distinct().toList();
        if (!others.isEmpty()) {
            SplittableRandom[] streams = streams(seed, ci.resamples());
            double[][] values = replicates(frame, schema, fixed, others, streams.length, b -> draw(strata, streams[b]));
            for (int m = 0; m < ids.size(); m++) {
                int k = others.indexOf(ids.get(m));
                replicates[m] = k >= 0 ? values[k] : replicates[m];
            }
        }
        double[][][] jackknife = ci.method() == IntervalMethod.BCA ? jackknife(frame, schema, fixed, ids, strata) : null;
        for (int m = 0; m < ids.size(); m++) {
            double estimate = evaluation.metric(ids.get(m)).value();
            if (Double.isNaN(estimate)) {
                out.put(ids.get(m), IntervalEstimate.undefined("the value itself is undefined."));
            } else if (jackknife == null) {
                out.put(ids.get(m), BootstrapIntervals.percentile(replicates[m], ci.level()));
            } else {
                out.put(ids.get(m), BootstrapIntervals.bca(replicates[m], estimate, jackknife[m], ci.level()));
            }
        }
        return out;
    }

    /** Generator b of {@code count} for resample b: the b-th split of {@code new SplittableRandom(seed)}. */
    static SplittableRandom[] streams(long seed, int count) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[count];
        for (int b = 0; b < streams.length; b++) {
            streams[b] = root.split();
        }
        return streams;
    }

    /**
     * The ids whose percentile replicates {@link RankingBootstrap} computes from the ranked scores
     * instead of re-evaluating each resample: roc_auc and average_precision of a binary task with
     * scores. BCa re-evaluates, like every other metric.
     */
    static List<String> fastRanking(Frame frame, Evaluation evaluation, List<String> ids, IntervalSettings ci) {
        if (ci.method() != IntervalMethod.PERCENTILE || evaluation.task() != Task.BINARY
                || evaluation.binaryScores().map(s -> s.rows() != frame.rowCount()).orElse(true)) {
            return List.of();
        }
        return ids.stream().filter(RankingBootstrap.METRICS::contains).distinct().toList();
    }

    /**
     * The value of each metric on each resample: {@code [metric][resample]}; resample b holds the rows
     * {@code rows.apply(b)} (0-based, repeats allowed).
     */
    static double[][] replicates(Frame frame, Schema schema, EvaluationSettings settings, List<String> ids, int count,
            IntFunction<int[]> rows) {
        double[][] out = new double[ids.size()][count];
        IntStream.range(0, count).parallel().forEach(b -> {
            Evaluation e = Evaluator.evaluate(frame.slice(rows.apply(b)), schema, settings);
            for (int m = 0; m < ids.size(); m++) {
                out[m][b] = e.metric(ids.get(m)).value();
            }
        });
        return out;
    }

    /** The value of each metric without each row of each stratum: {@code [metric][stratum][row of the stratum]}. */
    static double[][][] jackknife(Frame frame, Schema schema, EvaluationSettings settings, List<String> ids, int[][] strata) {
        double[][][] out = new double[ids.size()][strata.length][];
        int all = 0;
        for (int[] s : strata) {
            all += s.length;
        }
        for (int j = 0; j < strata.length; j++) {
            int stratum = j;
            int size = all;
            double[][] values = replicates(frame, schema, settings, ids, strata[j].length, i -> without(strata, stratum, i, size));
            for (int m = 0; m < ids.size(); m++) {
                out[m][j] = values[m];
            }
        }
        return out;
    }

    /** The rows of each class of {@code label}, classes in sorted order of their text, rows in order. */
    static int[][] strata(Column label) {
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < label.size(); i++) {
            byClass.computeIfAbsent(label.format(i), k -> new ArrayList<>()).add(i);
        }
        return byClass.values().stream().map(rows -> rows.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** Why BCa is not computed on {@code rows} rows, more than {@link #BCA_MAX_ROWS}. */
    static String bcaRefusal(long rows) {
        return "a BCa interval evaluates the metrics once without each row (the jackknife), " + rows + " times here, which"
                + " takes too long above " + BCA_MAX_ROWS + " rows; use method percentile.";
    }

    private static String problem(int rows, int[][] strata, Column label, IntervalMethod method) {
        if (rows < MIN_ROWS) {
            return "a bootstrap interval needs at least " + MIN_ROWS + " rows, got " + rows + "; evaluate more rows"
                    + " or a wider slice.";
        }
        if (method == IntervalMethod.BCA && rows > BCA_MAX_ROWS) {
            return bcaRefusal(rows);
        }
        for (int[] s : strata) {
            if (s.length < 2) {
                return "class '" + Excerpt.of(label.format(s[0])) + "' has a single row, and the bootstrap resamples each"
                        + " class separately, which needs at least 2 rows per class; evaluate more rows or a wider slice.";
            }
        }
        return null;
    }

    static int[] draw(int[][] strata, SplittableRandom random) {
        int size = 0;
        for (int[] s : strata) {
            size += s.length;
        }
        int[] rows = new int[size];
        int k = 0;
        for (int[] s : strata) {
            for (int i = 0; i < s.length; i++) {
                rows[k++] = s[random.nextInt(s.length)];
            }
        }
        return rows;
    }

    static int[] without(int[][] strata, int stratum, int left, int size) {
        int[] rows = new int[size - 1];
        int k = 0;
        for (int j = 0; j < strata.length; j++) {
            for (int i = 0; i < strata[j].length; i++) {
                if (j != stratum || i != left) {
                    rows[k++] = strata[j][i];
                }
            }
        }
        return rows;
    }
}
