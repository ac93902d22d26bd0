package dev.assay.spark;

import dev.assay.core.metrics.BinaryRanking;
import dev.assay.core.stats.RankingCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * ROC AUC and average precision of every Poisson bootstrap resample of {@link PoissonBootstrap}, each
 * exact for its weights, from one sort of the distinct row contents. In resample {@code b} a content
 * weighs {@code K_b w s_tb}: its count {@code K_b} drawn from the same stream as
 * {@link PoissonReplicates} (so the resample is the one the other metrics are computed on), its
 * sample weight {@code w}, and the factor {@code s_tb} that rescales its class {@code t} to the
 * class's total (the stratification). The contents are range-partitioned and sorted by score,
 * descending; a first pass returns each partition's positive and negative weight per resample, whose
 * prefix sums in partition order start each partition's sweep; a second pass sweeps each partition
 * for all resamples at once, the contents of one score forming one point of every resample's curve
 * (ties as in scikit-learn's {@code _binary_clf_curve}), and returns each resample's share of
 * {@code AUC = Σ (FP_i - FP_{i-1}) (TP_i + TP_{i-1}) / (2 P N)} and
 * {@code AP = Σ (TP_i - TP_{i-1}) TP_i / (TP_i + FP_i) / P}, as {@link DistinctScoreSweep} does for one
 * curve. The shuffle carries the distinct contents once, whatever the number of resamples; the
 * executors' work grows with rows × resamples; the driver holds a few sums per resample and partition
 * (two totals, two offsets, two shares), and the partitions are capped so that resamples × partitions
 * stays within {@value #MAX_CELLS}.
 */
final class ResampledRankings {
    /** The most resamples × partitions of the sort; each keeps about six doubles on the driver (under 100 MB). */
    static final long MAX_CELLS = 2_000_000L;

    private ResampledRankings() {
    }

    /**
     * The ranking of each resample {@code b} (undefined, with the reason, when a class has no weight in it).
     *
     * @param contents the distinct contents with counts, columns {@code (l, p, s, w, count)} as
     *     {@link PoissonReplicates} folds them
     * @param draws the folder whose draws define the resamples
     * @param scale {@code scale[t][b]}: the factor of class {@code t}'s weights in resample {@code b}
     */
    static BinaryRanking[] of(Dataset<Row> contents, PoissonReplicates draws, double[][] scale) {
        int resamples = draws.replicates();
        int partitions = (int) Math.max(1, Math.min(contents.rdd().getNumPartitions(), MAX_CELLS / resamples));
        Column descending = contents.col("s").desc();
        JavaRDD<Row> sorted = contents.repartitionByRange(partitions, descending).sortWithinPartitions(descending).javaRDD()
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Tuple2<Integer, double[][]>> totals = sorted.mapPartitionsWithIndex((index, it) ->
                    List.of(new Tuple2<>(index, totals(it, draws, scale))).iterator(), true).collect();
            double[][][] start = new double[sorted.getNumPartitions()][][];
            double[] tp = new double[resamples];
            double[] fp = new double[resamples];
            List<Tuple2<Integer, double[][]>> ordered = new ArrayList<>(totals);
            ordered.sort((a, b) -> Integer.compare(a._1(), b._1()));
            for (Tuple2<Integer, double[][]> t : ordered) {
                start[t._1()] = new double[][] {tp.clone(), fp.clone()};
                for (int b = 0; b < resamples; b++) {
                    tp[b] += t._2()[0][b];
                    fp[b] += t._2()[1][b];
                }
            }
            Broadcast<double[][][]> offsets = JavaSparkContext.fromSparkContext(contents.sparkSession().sparkContext()).broadcast(start);
            List<Tuple2<Integer, double[][]>> shares = new ArrayList<>(sorted.mapPartitionsWithIndex((index, it) ->
                    List.of(new Tuple2<>(index, sweep(it, draws, scale, offsets.value()[index]))).iterator(), true).collect());
            offsets.destroy();
            shares.sort((a, b) -> Integer.compare(a._1(), b._1()));
            double[] area = new double[resamples];
            double[] precision = new double[resamples];
            for (Tuple2<Integer, double[][]> s : shares) {
                for (int b = 0; b < resamples; b++) {
                    area[b] += s._2()[0][b];
                    precision[b] += s._2()[1][b];
                }
            }
            RankingCurve none = RankingCurve.of(new double[0], new double[0], new double[0]);
            BinaryRanking[] out = new BinaryRanking[resamples];
            for (int b = 0; b < resamples; b++) {
                out[b] = BinaryRanking.computed(tp[b], fp[b], area[b] / (2 * tp[b] * fp[b]), precision[b] / tp[b], none, null);
            }
            return out;
        } finally {
            sorted.unpersist(false);
        }
    }

    /** One partition's positive ({@code [0][b]}) and negative ({@code [1][b]}) weight in each resample. */
    private static double[][] totals(Iterator<Row> it, PoissonReplicates draws, double[][] scale) {
        double[][] out = new double[2][draws.replicates()];
        while (it.hasNext()) {
            add(draws, draws.content(it.next()), scale, out[0], out[1]);
        }
        return out;
    }

    /**
     * Sweeps one partition for every resample from the cumulative weights above it ({@code start}) and
     * returns each resample's share of the trapezoid sum ({@code [0][b]}) and the precision sum ({@code [1][b]}).
     */
    private static double[][] sweep(Iterator<Row> it, PoissonReplicates draws, double[][] scale, double[][] start) {
        int resamples = draws.replicates();
        double[] tp = start[0].clone();
        double[] fp = start[1].clone();
        double[] dtp = new double[resamples];
        double[] dfp = new double[resamples];
        double[][] out = new double[2][resamples];
        PoissonReplicates.Content c = it.hasNext() ? draws.content(it.next()) : null;
        while (c != null) {
            double score = c.score();
            Arrays.fill(dtp, 0);
            Arrays.fill(dfp, 0);
            while (c != null && Double.compare(c.score(), score) == 0) {
                add(draws, c, scale, dtp, dfp);
                c = it.hasNext() ? draws.content(it.next()) : null;
            }
            for (int b = 0; b < resamples; b++) {
                if (dtp[b] == 0 && dfp[b] == 0) {
                    continue;
                }
                double prevTp = tp[b];
                double prevFp = fp[b];
                tp[b] += dtp[b];
                fp[b] += dfp[b];
                out[0][b] += (fp[b] - prevFp) * (tp[b] + prevTp);
                if (tp[b] != prevTp) {
                    out[1][b] += (tp[b] - prevTp) * (tp[b] / (tp[b] + fp[b]));
                }
            }
        }
        return out;
    }

    /** Adds {@code c}'s weight in each resample to {@code positives} or {@code negatives}. */
    private static void add(PoissonReplicates draws, PoissonReplicates.Content c, double[][] scale, double[] positives,
            double[] negatives) {
        int t = draws.positive(c) ? 1 : 0;
        double[] to = t == 1 ? positives : negatives;
        SplittableRandom random = draws.stream(c);
        for (int b = 0; b < to.length; b++) {
            long k = PoissonReplicates.poisson(c.count(), random);
            if (k > 0) {
                to[b] += k * c.weight() * scale[t][b];
            }
        }
    }
}
