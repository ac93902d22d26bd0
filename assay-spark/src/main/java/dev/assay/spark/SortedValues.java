package dev.assay.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The values of a Spark column sorted where they are, for exact order statistics with driver memory
 * proportional to the number of partitions: the values are reduced to their distinct values with the
 * rows and total weight of each ({@code reduceByKey}; {@code -0.0} and {@code 0.0} stay apart and NaN
 * sorts last, as {@code Arrays.sort} orders them), range-partitioned and sorted ascending
 * ({@code sortByKey}); one pass brings each partition's rows and weight to the driver, whose prefix
 * sums place every partition in the whole order. A second pass, from those offsets, finds the values
 * at given ranks ({@link #atRanks}) or the weighted median ({@link #weightedMedian}). The same sort and
 * offset pattern as {@link DistinctScoreSweep}. Close it to release the sorted values.
 */
final class SortedValues implements AutoCloseable {
    private final JavaPairRDD<Double, double[]> sorted;
    private final long[] rowsBefore;
    private final double[] weightBefore;

    private SortedValues(JavaPairRDD<Double, double[]> sorted, long[] rowsBefore, double[] weightBefore) {
        this.sorted = sorted;
        this.rowsBefore = rowsBefore;
        this.weightBefore = weightBefore;
    }

    /** One partition's totals. */
    private record Totals(int partition, long rows, double weight) implements Serializable {
    }

    /**
     * Sorts {@code values}: each value with its weight, one entry per row.
     *
     * @param partitions the partitions of the sorted values
     */
    static SortedValues of(JavaPairRDD<Double, Double> values, int partitions) {
        JavaPairRDD<Double, double[]> sorted = values.mapValues(w -> new double[] {1, w})
                .reduceByKey((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]}, partitions)
                .sortByKey(true, partitions)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Totals> totals = sorted.mapPartitionsWithIndex((index, it) -> List.of(totals(index, it)).iterator(), true)
                .collect();
        int parts = totals.size();
        long[] rows = new long[parts + 1];
        double[] weight = new double[parts + 1];
        for (Totals t : totals) {
            rows[t.partition() + 1] = t.rows();
            weight[t.partition() + 1] = t.weight();
        }
        for (int i = 1; i <= parts; i++) {
            rows[i] += rows[i - 1];
            weight[i] += weight[i - 1];
        }
        return new SortedValues(sorted, rows, weight);
    }

    /** The number of values. */
    long rows() {
        return rowsBefore[rowsBefore.length - 1];
    }

    /**
     * The values at the 0-based {@code ranks} (ascending, each below {@link #rows()}) of the sorted
     * values, one per rank.
     */
    double[] atRanks(long[] ranks) {
        long[] before = rowsBefore;
        List<double[]> found = sorted.mapPartitionsWithIndex((index, it) -> ranksIn(it, before[index], ranks).iterator(), true)
                .collect();
        double[] out = new double[ranks.length];
        Arrays.fill(out, Double.NaN);
        for (double[] f : found) {
            out[(int) f[0]] = f[1];
        }
        return out;
    }

    /**
     * The weighted median as assay-core's {@code ValueDistribution.median()} takes it (scikit-learn's
     * {@code _weighted_percentile(x, w, 50)}): the smallest value whose cumulative weight reaches half
     * the total weight (the next double above 0 when the total is 0), else the largest value; NaN when
     * there are no values. The cumulative weight before each partition is the sum of the partitions'
     * totals, so sums of non-integer weights may differ from a sequential sum in the last bits.
     */
    double weightedMedian() {
        if (rows() == 0) {
            return Double.NaN;
        }
        double half = 0.5 * weightBefore[weightBefore.length - 1];
        double threshold = half == 0 ? Math.nextUp(half) : half;
        double[] before = weightBefore;
        List<double[]> found = sorted.mapPartitionsWithIndex((index, it) -> List.of(reaching(index, it, before[index], threshold))
                .iterator(), true).collect();
        double[] first = null;
        double[] last = null;
        for (double[] f : found) {
            if (f[1] == 1 && (first == null || f[0] < first[0])) {
                first = f;
            }
            if (f[3] == 1 && (last == null || f[0] > last[0])) {
                last = f;
            }
        }
        return first != null ? first[2] : last[4];
    }

    @Override
    public void close() {
        sorted.unpersist(false);
    }

    private static Totals totals(int index, Iterator<Tuple2<Double, double[]>> it) {
        long rows = 0;
        double weight = 0;
        while (it.hasNext()) {
            double[] w = it.next()._2();
            rows += (long) w[0];
            weight += w[1];
        }
        return new Totals(index, rows, weight);
    }

    /** {@code [index of the rank, value]} for each rank that falls in this partition, which starts at rank {@code start}. */
    private static List<double[]> ranksIn(Iterator<Tuple2<Double, double[]>> it, long start, long[] ranks) {
        List<double[]> out = new ArrayList<>();
        int r = 0;
        while (r < ranks.length && ranks[r] < start) {
            r++;
        }
        long at = start;
        while (it.hasNext() && r < ranks.length) {
            Tuple2<Double, double[]> e = it.next();
            long end = at + (long) e._2()[0];
            while (r < ranks.length && ranks[r] < end) {
                out.add(new double[] {r, e._1()});
                r++;
            }
            at = end;
        }
        return out;
    }

    /**
     * {@code [partition, whether a value reached the threshold, that value, whether the partition holds
     * values, its largest value]}.
     */
    private static double[] reaching(int index, Iterator<Tuple2<Double, double[]>> it, double start, double threshold) {
        double cumulative = start;
        double lastValue = Double.NaN;
        boolean any = false;
        while (it.hasNext()) {
            Tuple2<Double, double[]> e = it.next();
            any = true;
            lastValue = e._1();
            cumulative += e._2()[1];
            if (cumulative >= threshold) {
                return new double[] {index, 1, lastValue, 1, lastValue};
            }
        }
        return new double[] {index, 0, Double.NaN, any ? 1 : 0, lastValue};
    }
}
