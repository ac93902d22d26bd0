package dev.assay.core.drift;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference and current counts over the same bins, the input of the chi-square test and the histogram
 * distances. Numeric columns get bins from the reference quantiles at {@code 1/q, ..., (q-1)/q}
 * (linear interpolation as {@code numpy.quantile}, repeated edges merged, intervals closed on the
 * right as {@code pandas.qcut}, the outer ones open-ended so every current value has a bin); category
 * columns get one bin per category seen in either sample.
 *
 * @param labels the bins' names
 * @param reference reference counts per bin
 * @param current current counts per bin
 */
public record Binned(List<String> labels, long[] reference, long[] current) {

    /** Quantile bins of the reference. */
    public static Binned quantiles(NumericSample ref, NumericSample cur, int q) {
        double[] edges = edges(ref.sorted(), q);
        return new Binned(labels(edges), counts(ref.sorted(), edges), counts(cur.sorted(), edges));
    }

    /**
     * Right-closed bins at ascending {@code edges} whose reference counts are known (e.g. estimated from
     * a quantile sketch), the current sample counted into them.
     */
    public static Binned atEdges(double[] edges, long[] reference, NumericSample cur) {
        return new Binned(labels(edges), reference, counts(cur.sorted(), edges));
    }

    /** Right-closed bins at ascending {@code edges} whose reference and current counts are both known (counted elsewhere). */
    public static Binned atEdges(double[] edges, long[] reference, long[] current) {
        return new Binned(labels(edges), reference, current);
    }

    private static List<String> labels(double[] edges) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= edges.length; i++) {
            String lo = i == 0 ? "-inf" : edge(edges[i - 1]);
            String hi = i == edges.length ? "inf" : edge(edges[i]);
            labels.add("(" + lo + ", " + hi + (i == edges.length ? ")" : "]"));
        }
        return labels;
    }

    /** One bin per category. */
    public static Binned categories(CategorySample ref, CategorySample cur) {
        Map<String, Integer> index = new LinkedHashMap<>();
        ref.counts().keySet().forEach(k -> index.putIfAbsent(k, index.size()));
        cur.counts().keySet().forEach(k -> index.putIfAbsent(k, index.size()));
        long[] r = new long[index.size()];
        long[] c = new long[index.size()];
        ref.counts().forEach((k, v) -> r[index.get(k)] += v);
        cur.counts().forEach((k, v) -> c[index.get(k)] += v);
        return new Binned(new ArrayList<>(index.keySet()), r, c);
    }

    /** One bin per distinct value of a numeric column (few distinct values). */
    public static Binned values(NumericSample ref, NumericSample cur) {
        return categories(asCategories(ref), asCategories(cur));
    }

    /** The reference proportions per bin. */
    public double[] referenceShares() {
        return shares(reference);
    }

    /** The current proportions per bin. */
    public double[] currentShares() {
        return shares(current);
    }

    static CategorySample asCategories(NumericSample sample) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (double v : sample.sorted()) {
            counts.merge(value(v), 1L, Long::sum);
        }
        return new CategorySample(sample.column(), counts, sample.missing());
    }

    private static double[] edges(double[] sorted, int q) {
        List<Double> out = new ArrayList<>();
        int n = sorted.length;
        for (int i = 1; i < q; i++) {
            double pos = (double) i / q * (n - 1);
            int lo = (int) Math.floor(pos);
            double e = lo + 1 < n ? sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (pos - lo) : sorted[lo];
            if (out.isEmpty() || e > out.get(out.size() - 1)) {
                out.add(e);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Counts per right-closed bin: a value goes to the number of edges below it. */
    private static long[] counts(double[] sorted, double[] edges) {
        long[] out = new long[edges.length + 1];
        int bin = 0;
        for (double v : sorted) {
            while (bin < edges.length && v > edges[bin]) {
                bin++;
            }
            out[bin]++;
        }
        return out;
    }

    private static double[] shares(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = n == 0 ? 0 : (double) counts[i] / n;
        }
        return out;
    }

    /** A value as a category: exact, whole numbers without a decimal point. */
    private static String value(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A bin edge for people: four significant digits, no trailing zeros. */
    private static String edge(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
