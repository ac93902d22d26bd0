package dev.assay.spark;

import dev.assay.core.metrics.BinaryRanking;
import dev.assay.core.stats.RankingCurve;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Exact ROC AUC and average precision of binary scores on Spark, for one ranking or many at once (one
 * per group, per class against the rest, per bootstrap resample: each a <em>curve</em>), with driver
 * memory proportional to partitions times curves, not to rows or distinct scores. The rows are reduced
 * to their distinct (curve, score) keys with the positive and negative weight of each ({@code
 * reduceByKey}, so tied rows share one point, as in scikit-learn's {@code _binary_clf_curve}),
 * range-partitioned and sorted by curve, then score descending ({@code sortByKey}). A first pass brings
 * each partition's totals per curve to the driver; their prefix sums in partition order are the
 * cumulative counts of each curve above each partition. A second pass sweeps each partition from those
 * offsets and returns each curve's share of the sums
 * {@code AUC = Σ (FP_i - FP_{i-1}) (TP_i + TP_{i-1}) / (2 P N)} and
 * {@code AP = Σ (TP_i - TP_{i-1}) TP_i / (TP_i + FP_i) / P}, the same terms as
 * {@link RankingCurve#rocAuc()} and {@link RankingCurve#averagePrecision()}, summed in another order
 * (equal to 1e-12). Each curve's chart keeps about {@code chartPoints} evenly spaced points.
 */
final class DistinctScoreSweep {
    /** About how many points of the curve a chart receives. */
    static final int CHART_POINTS = 2000;

    private DistinctScoreSweep() {
    }

    /**
     * The sort key: curve ascending, then score descending; {@code -0.0} is taken as {@code 0.0} so that
     * both fall on one point.
     */
    record CurveScore(int curve, double score) implements Comparable<CurveScore>, Serializable {
        CurveScore {
            score = score + 0.0;
        }

        @Override
        public int compareTo(CurveScore o) {
            int c = Integer.compare(curve, o.curve);
            return c != 0 ? c : Double.compare(o.score, score);
        }
    }

    /** One curve's totals in one partition, or its share of the sums and its chart points. */
    private record Share(int partition, int curve, long distinct, double positives, double negatives, double area,
            double precisionSum, double[] thresholds, double[] truePositives, double[] falsePositives) implements Serializable {
    }

    /**
     * The ranking metrics of {@code scores}: each distinct score with {@code [positive weight, negative
     * weight]}, one entry per row or already reduced, with a chart of about {@link #CHART_POINTS} points.
     */
    static BinaryRanking of(JavaPairRDD<Double, double[]> scores, int partitions) {
        Map<Integer, BinaryRanking> one = of(scores.mapToPair(e -> new Tuple2<>(new CurveScore(0, e._1()), e._2())), partitions,
                CHART_POINTS);
        return one.getOrDefault(0, BinaryRanking.computed(0, 0, Double.NaN, Double.NaN, RankingCurve.of(new double[0],
                new double[0], new double[0]), null));
    }

    /**
     * The ranking metrics of every curve of {@code scores}: each (curve, distinct score) with {@code
     * [positive weight, negative weight]}, one entry per row or already reduced. A curve without entries
     * is absent from the result.
     *
     * @param chartPoints about how many points each curve's chart keeps; 0 for none (e.g. resamples)
     */
    static Map<Integer, BinaryRanking> of(JavaPairRDD<CurveScore, double[]> scores, int partitions, int chartPoints) {
        JavaPairRDD<CurveScore, double[]> sorted = scores
                .reduceByKey((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]}, partitions)
                .sortByKey(true, partitions)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Share> totals = sorted.mapPartitionsWithIndex((index, it) -> totals(index, it).iterator(), true).collect();
            // per curve: the cumulative [positives, negatives] above each partition, and the curve's totals
            Map<Integer, TreeMap<Integer, double[]>> byCurve = new TreeMap<>();
            Map<Integer, long[]> distinct = new HashMap<>();
            for (Share s : totals) {
                byCurve.computeIfAbsent(s.curve(), c -> new TreeMap<>()).put(s.partition(), new double[] {s.positives(), s.negatives()});
                distinct.computeIfAbsent(s.curve(), c -> new long[1])[0] += s.distinct();
            }
            Map<Integer, Map<Integer, double[]>> before = new HashMap<>();
            Map<Integer, double[]> sums = new HashMap<>();
            byCurve.forEach((curve, parts) -> {
                double tp = 0;
                double fp = 0;
                for (Map.Entry<Integer, double[]> e : parts.entrySet()) {
                    before.computeIfAbsent(e.getKey(), p -> new HashMap<>()).put(curve, new double[] {tp, fp});
                    tp += e.getValue()[0];
                    fp += e.getValue()[1];
                }
                sums.put(curve, new double[] {tp, fp});
            });
            Map<Integer, Long> strides = new HashMap<>();
            distinct.forEach((curve, d) -> strides.put(curve, chartPoints <= 0 ? 0L : Math.max(1, d[0] / chartPoints)));
            List<Share> shares = new ArrayList<>(sorted.mapPartitionsWithIndex((index, it) -> sweep(index, it,
                    before.getOrDefault(index, Map.of()), strides).iterator(), true).collect());
            shares.sort((a, b) -> a.curve() != b.curve() ? Integer.compare(a.curve(), b.curve())
                    : Integer.compare(a.partition(), b.partition()));
            Map<Integer, BinaryRanking> out = new LinkedHashMap<>();
            int i = 0;
            while (i < shares.size()) {
                int curve = shares.get(i).curve();
                int j = i;
                while (j < shares.size() && shares.get(j).curve() == curve) {
                    j++;
                }
                out.put(curve, ranking(shares.subList(i, j), sums.get(curve), distinct.get(curve)[0], byCurve.get(curve).size(),
                        strides.get(curve)));
                i = j;
            }
            return out;
        } finally {
            sorted.unpersist(false);
        }
    }

    /** One curve's ranking from its shares, in partition order. */
    private static BinaryRanking ranking(List<Share> shares, double[] sums, long distinct, int parts, long stride) {
        double area = 0;
        double precision = 0;
        int points = 0;
        for (Share s : shares) {
            area += s.area();
            precision += s.precisionSum();
            points += s.thresholds().length;
        }
        double[] th = new double[points];
        double[] tp = new double[points];
        double[] fp = new double[points];
        int k = 0;
        for (Share s : shares) {
            System.arraycopy(s.thresholds(), 0, th, k, s.thresholds().length);
            System.arraycopy(s.truePositives(), 0, tp, k, s.thresholds().length);
            System.arraycopy(s.falsePositives(), 0, fp, k, s.thresholds().length);
            k += s.thresholds().length;
        }
        String note = "roc_auc and average_precision: exact, from the " + distinct + " distinct scores swept in order across "
                + parts + " Spark partitions" + (stride > 1 ? "; the ROC and precision-recall charts show every " + stride
                + "th of them (" + points + " points)." : ".");
        double p = sums[0];
        double n = sums[1];
        return BinaryRanking.computed(p, n, area / (2 * p * n), precision / p, RankingCurve.of(th, tp, fp), note);
    }

    private static List<Share> totals(int index, Iterator<Tuple2<CurveScore, double[]>> it) {
        List<Share> out = new ArrayList<>();
        int curve = 0;
        double p = 0;
        double n = 0;
        long distinct = 0;
        while (it.hasNext()) {
            Tuple2<CurveScore, double[]> e = it.next();
            if (distinct > 0 && e._1().curve() != curve) {
                out.add(new Share(index, curve, distinct, p, n, 0, 0, null, null, null));
                p = 0;
                n = 0;
                distinct = 0;
            }
            curve = e._1().curve();
            p += e._2()[0];
            n += e._2()[1];
            distinct++;
        }
        if (distinct > 0) {
            out.add(new Share(index, curve, distinct, p, n, 0, 0, null, null, null));
        }
        return out;
    }

    /** Sweeps one partition, each curve from its cumulative counts above the partition ({@code start}). */
    private static List<Share> sweep(int index, Iterator<Tuple2<CurveScore, double[]>> it, Map<Integer, double[]> start,
            Map<Integer, Long> strides) {
        List<Share> out = new ArrayList<>();
        Sweep current = null;
        while (it.hasNext()) {
            Tuple2<CurveScore, double[]> e = it.next();
            int curve = e._1().curve();
            if (current == null || current.curve != curve) {
                if (current != null) {
                    out.add(current.share(index));
                }
                current = new Sweep(curve, start.get(curve), strides.get(curve));
            }
            current.add(e._1().score(), e._2());
        }
        if (current != null) {
            out.add(current.share(index));
        }
        return out;
    }

    /** The running sums of one curve within one partition. */
    private static final class Sweep {
        private final int curve;
        private final long stride;
        private double tp;
        private double fp;
        private double area;
        private double precision;
        private long k;
        private double[] last;
        private final List<double[]> points = new ArrayList<>();

        Sweep(int curve, double[] start, long stride) {
            this.curve = curve;
            this.tp = start[0];
            this.fp = start[1];
            this.stride = stride;
        }

        void add(double score, double[] w) {
            double prevTp = tp;
            double prevFp = fp;
            tp += w[0];
            fp += w[1];
            area += (fp - prevFp) * (tp + prevTp);
            if (tp != prevTp) {
                precision += (tp - prevTp) * (tp / (tp + fp));
            }
            if (stride > 0) {
                last = new double[] {score, tp, fp};
                if (k % stride == 0) {
                    points.add(last);
                }
            }
            k++;
        }

        Share share(int index) {
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
            return new Share(index, curve, k, 0, 0, area, precision, th, tps, fps);
        }
    }
}
