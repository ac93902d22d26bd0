package dev.assay.core.profile;

import dev.assay.core.stats.Moments;
import dev.assay.core.stats.MomentsAccumulator;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * The profile of a numeric column: exact counts, minimum, maximum, mean and variance
 * ({@link MomentsAccumulator}, population variance as {@code pandas.Series.var(ddof=0)}), a KLL quantile
 * sketch and an HLL distinct count. {@code -0.0} is counted as {@code 0.0}; NaN is missing.
 *
 * <p>Quantiles: {@link #quantile(double)} returns a value whose rank is within
 * {@link #rankError()} of {@code p} with 99% confidence (KLL with {@code k = }{@link #K}; DataSketches'
 * {@code getNormalizedRankError(k, true)}, the bound for the whole CDF); the sketch is exact while it
 * holds every value ({@link #exact()}).
 */
public final class NumericProfile implements ColumnProfile {
    /** KLL accuracy parameter: normalised rank error 1.65% over the whole CDF, 99% confidence. */
    public static final int K = 200;
    /** The rank error of a sketch with {@link #K} once it no longer holds every value: 0.0165 (99% confidence). */
    public static final double RANK_ERROR = KllSketch.getNormalizedRankError(K, true);

    private final String name;
    private long rows;
    private long missing;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final MomentsAccumulator moments;
    private final KllDoublesSketch quantiles;
    private HllSketch distinct;

    /** An empty profile of column {@code name}. */
    public NumericProfile(String name) {
        this(name, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, new Moments(0, Double.NaN, 0),
                KllDoublesSketch.newHeapInstance(K), Hll.empty());
    }

    NumericProfile(String name, long rows, long missing, double min, double max, Moments moments, KllDoublesSketch quantiles,
            HllSketch distinct) {
        this.name = name;
        this.rows = rows;
        this.missing = missing;
        this.min = Double.isNaN(min) ? Double.POSITIVE_INFINITY : min;
        this.max = Double.isNaN(max) ? Double.NEGATIVE_INFINITY : max;
        this.moments = MomentsAccumulator.of(moments);
        this.quantiles = quantiles;
        this.distinct = distinct;
    }

    /** Adds {@code values} (NaN = missing). */
    public void add(double[] values) {
        double lo = min;
        double hi = max;
        long nan = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                nan++;
                continue;
            }
            double x = v == 0 ? 0.0 : v;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            moments.add(x, 1);
            quantiles.update(x);
            distinct.update(x);
        }
        rows += values.length;
        missing += nan;
        min = lo;
        max = hi;
    }

    /** Adds everything {@code other} has seen; {@code other} is left unchanged. */
    public void merge(NumericProfile other) {
        rows += other.rows;
        missing += other.missing;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        moments.merge(MomentsAccumulator.of(other.moments()));
        quantiles.merge(other.quantiles);
        distinct = Hll.union(distinct, other.distinct);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "numeric";
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long missing() {
        return missing;
    }

    /** The non-missing values seen. */
    public long count() {
        return rows - missing;
    }

    /** The smallest value; NaN when there is none. */
    public double min() {
        return count() == 0 ? Double.NaN : min;
    }

    /** The largest value; NaN when there is none. */
    public double max() {
        return count() == 0 ? Double.NaN : max;
    }

    /** Mean and sum of squared deviations of the non-missing values. */
    public Moments moments() {
        return moments.result();
    }

    /** The population standard deviation ({@code ddof = 0}); NaN when there are no values. */
    public double std() {
        Moments m = moments();
        return m.weight() == 0 ? Double.NaN : Math.sqrt(m.variance());
    }

    @Override
    public double distinct() {
        return distinct.getEstimate();
    }

    /** The {@code p}-quantile (inclusive ranks, as {@code numpy.quantile(method="inverted_cdf")}); NaN when empty. */
    public double quantile(double p) {
        return quantiles.isEmpty() ? Double.NaN : quantiles.getQuantile(p, QuantileSearchCriteria.INCLUSIVE);
    }

    /** The estimated share of values {@code <= x}; NaN when empty. */
    public double cdf(double x) {
        return quantiles.isEmpty() ? Double.NaN : quantiles.getRank(x, QuantileSearchCriteria.INCLUSIVE);
    }

    /** The bound on any rank the sketch returns, 99% confidence; 0 while the sketch is exact. */
    public double rankError() {
        return exact() ? 0 : RANK_ERROR;
    }

    /** Whether the sketch still holds every value, so that ranks and quantiles are exact. */
    public boolean exact() {
        return !quantiles.isEstimationMode();
    }

    /** The sketch's retained values with their cumulative weights, ascending (for sketch-to-sketch distances). */
    public DoublesSortedView sortedView() {
        return quantiles.getSortedView();
    }

    /** The quantile sketch (read only by callers). */
    KllDoublesSketch sketch() {
        return quantiles;
    }

    /** The distinct-count sketch (read only by callers). */
    HllSketch hll() {
        return distinct;
    }
}
