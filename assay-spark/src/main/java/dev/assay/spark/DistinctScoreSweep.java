package dev.assay.spark;

import dev.assay.core.metrics.BinaryRanking;
import dev.assay.core.stats.RankingCurve;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Exact ROC AUC and average precision of binary scores on Spark, with driver memory proportional to
 * the number of partitions, not of rows or distinct scores. The rows are reduced to their distinct
 * scores with the positive and negative weight of each ({@code reduceByKey}, so tied rows share one
 * point, as in scikit-learn's {@code _binary_clf_curve}), range-partitioned and sorted by score
 * descending ({@code sortByKey}). A first pass brings each partition's totals to the driver; their
 * prefix sums are the cumulative counts above each partition. A second pass sweeps each partition
 * from those offsets and returns its share of the sums
 * {@code AUC = Σ (FP_i - FP_{i-1}) (TP_i + TP_{i-1}) / (2 P N)} and
 * {@code AP = Σ (TP_i - TP_{i-1}) TP_i / (TP_i + FP_i) / P}, the same terms as
 * {@link RankingCurve#rocAuc()} and {@link RankingCurve#averagePrecision()}, summed in another order
 * (equal to 1e-12). The chart curve keeps about {@value #CHART_POINTS} evenly spaced points.
 */
final class DistinctScoreSweep {
    /** About how many points of the curve the charts receive. */
    static final int CHART_POINTS = 2000;

    private DistinctScoreSweep() {
    }

    /** What one partition contributes: its totals, or its share of the sums and its chart points. */
    private record Share(int partition, long distinct, double positives, double negatives, double area, double precisionSum,
            double[] thresholds, double[] truePositives, double[] falsePositives) implements Serializable {
    }

    /**
     * The ranking metrics of {@code scores}: each distinct score with {@code [positive weight, negative
     * weight]}, one entry per row or already reduced.
     */
    static BinaryRanking of(JavaPairRDD<Double, double[]> scores, int partitions) {
        JavaPairRDD<Double, double[]> sorted = scores
                .reduceByKey((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]}, partitions)
                .sortByKey(false, partitions)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Share> totals = sorted.mapPartitionsWithIndex((index, it) -> List.of(totals(index, it)).iterator(), true)
                    .collect();
            int parts = totals.size();
            double[] tpBefore = new double[parts + 1];
            double[] fpBefore = new double[parts + 1];
            long distinct = 0;
            for (Share s : totals) {
                tpBefore[s.partition() + 1] = s.positives();
                fpBefore[s.partition() + 1] = s.negatives();
                distinct += s.distinct();
            }
            for (int i = 1; i <= parts; i++) {
                tpBefore[i] += tpBefore[i - 1];
                fpBefore[i] += fpBefore[i - 1];
            }
            long stride = Math.max(1, distinct / CHART_POINTS);
            JavaRDD<Share> swept = sorted.mapPartitionsWithIndex((index, it) -> List.of(sweep(index, it, tpBefore[index],
                    fpBefore[index], stride)).iterator(), true);
            List<Share> shares = new ArrayList<>(swept.collect());
            shares.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            double p = tpBefore[parts];
            double n = fpBefore[parts];
            double area = 0;
            double precision = 0;
            List<double[]> points = new ArrayList<>();
            for (Share s : shares) {
                area += s.area();
                precision += s.precisionSum();
                for (int i = 0; i < s.thresholds().length; i++) {
                    points.add(new double[] {s.thresholds()[i], s.truePositives()[i], s.falsePositives()[i]});
                }
            }
            double[] th = new double[points.size()];
            double[] tp = new double[points.size()];
            double[] fp = new double[points.size()];
            for (int i = 0; i < th.length; i++) {
                th[i] = points.get(i)[0];
                tp[i] = points.get(i)[1];
                fp[i] = points.get(i)[2];
            }
            String note = "roc_auc and average_precision: exact, from the " + distinct + " distinct scores swept in order across "
                    + parts + " Spark partitions" + (stride > 1 ? "; the ROC and precision-recall charts show every " + stride
                    + "th of them (" + th.length + " points)." : ".");
            return BinaryRanking.computed(p, n, area / (2 * p * n), precision / p, RankingCurve.of(th, tp, fp), note);
        } finally {
            sorted.unpersist(false);
        }
    }

    private static Share totals(int index, Iterator<Tuple2<Double, double[]>> it) {
        double p = 0;
        double n = 0;
        long distinct = 0;
        while (it.hasNext()) {
            double[] w = it.next()._2();
            p += w[0];
            n += w[1];
            distinct++;
        }
        return new Share(index, distinct, p, n, 0, 0, null, null, null);
    }

    private static Share sweep(int index, Iterator<Tuple2<Double, double[]>> it, double tpStart, double fpStart, long stride) {
        double tp = tpStart;
        double fp = fpStart;
        double area = 0;
        double precision = 0;
        List<double[]> points = new ArrayList<>();
        long k = 0;
        double[] last = null;
        while (it.hasNext()) {
            Tuple2<Double, double[]> e = it.next();
            double prevTp = tp;
            double prevFp = fp;
            tp += e._2()[0];
            fp += e._2()[1];
            area += (fp - prevFp) * (tp + prevTp);
            if (tp != prevTp) {
                precision += (tp - prevTp) * (tp / (tp + fp));
            }
            last = new double[] {e._1(), tp, fp};
            if (k++ % stride == 0) {
                points.add(last);
            }
        }
        if (last != null && points.get(points.size() - 1) != last) {
            points.add(last);
        }
        double[] th = new double[points.size()];
        double[] tps = new double[points.size()];
        double[] fps = new double[points.size()];
        for (int i = 0; i < th.length; i++) {
            th[i] = points.get(i)[0];
            tps[i] = points.get(i)[1];
            fps[i] = points.get(i)[2];
        }
        return new Share(index, k, 0, 0, area, precision, th, tps, fps);
    }
}
