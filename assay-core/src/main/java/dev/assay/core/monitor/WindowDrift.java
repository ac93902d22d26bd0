package dev.assay.core.monitor;

import dev.assay.core.drift.ChiSquareHomogeneity;
import dev.assay.core.drift.HistogramDistances;
import dev.assay.core.drift.KolmogorovSmirnov;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.profile.CategoryProfile;
import dev.assay.core.profile.ColumnProfile;
import dev.assay.core.profile.NumericProfile;
import dev.assay.core.profile.SketchGap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllSketch;

/**
 * Drift of every feature, of the predicted class and of the score of a window against a reference
 * aggregate, from the sketches alone. Numeric columns: two-sample KS {@code D} and Wasserstein distance
 * from the two KLL sketches ({@link SketchGap#between}; {@code D} within the sum of the sketches' rank
 * errors, 0.0165 each at 99% once a sketch is in estimation mode), the p-value of the sketched {@code D}
 * ({@link KolmogorovSmirnov#test(int, int, double)}, SciPy's {@code ks_2samp} convention), the PSI over
 * the reference deciles (reference shares from the reference sketch, window shares from the window
 * sketch's CDF at the same edges). Categories: Pearson's chi-square and the Jensen-Shannon distance and
 * PSI over the union of categories ({@link ChiSquareHomogeneity}, {@link HistogramDistances}); the
 * predicted class is a category column of two values.
 */
public final class WindowDrift {
    /** The number of reference quantile bins for the PSI of a numeric column. */
    public static final int PSI_BINS = 10;

    private WindowDrift() {
    }

    /**
     * @throws InvalidInputException when the window has a feature the reference lacks, or of another type
     */
    public static List<FeatureDrift> compare(WindowAggregate reference, WindowAggregate window) {
        List<FeatureDrift> out = new ArrayList<>();
        if (window.features() == null || reference.features() == null) {
            return out;
        }
        for (ColumnProfile cur : window.features().columns()) {
            ColumnProfile ref = reference.features().column(cur.name());
            if (ref == null || !ref.type().equals(cur.type())) {
                throw new InvalidInputException("Feature '" + Excerpt.of(cur.name()) + "' of model version " + window.version() + " is "
                        + (ref == null ? "not in the reference" : cur.type() + " but " + ref.type() + " in the reference")
                        + "; send the reference's features, or set a new reference.");
            }
            out.add(column(ref, cur));
        }
        out.add(categories("prediction", predictedClasses(reference), predictedClasses(window), 0, 0, 0, 0));
        out.add(numeric("score", reference.score(), window.score()));
        return out;
    }

    static FeatureDrift column(ColumnProfile ref, ColumnProfile cur) {
        if (ref instanceof NumericProfile) {
            return numeric(ref.name(), (NumericProfile) ref, (NumericProfile) cur);
        }
        CategoryProfile r = (CategoryProfile) ref;
        CategoryProfile c = (CategoryProfile) cur;
        return categories(ref.name(), r.counts(), c.counts(), Math.max(r.maximumError(), c.maximumError()), c.missing(),
                share(c.missing(), c.rows()), share(r.missing(), r.rows()));
    }

    private static FeatureDrift numeric(String name, NumericProfile ref, NumericProfile cur) {
        double missingShare = share(cur.missing(), cur.rows());
        double refMissing = share(ref.missing(), ref.rows());
        if (ref.count() == 0 || cur.count() == 0) {
            return new FeatureDrift(name, "ks", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, cur.rows(), cur.missing(),
                    missingShare, refMissing, 0);
        }
        SketchGap gap = SketchGap.between(ref.sortedView(), cur.sortedView());
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(clamp(ref.count()), clamp(cur.count()), gap.ks());
        double eps = KllSketch.getNormalizedRankError(NumericProfile.K, true);
        double bound = (ref.exact() ? 0 : eps) + (cur.exact() ? 0 : eps);
        double std = ref.std();
        double wasserstein = gap.wasserstein() / (std > 0 ? std : 1);
        return new FeatureDrift(name, "ks", ks.statistic(), ks.pValue(), psi(ref, cur), wasserstein, bound, cur.rows(), cur.missing(),
                missingShare, refMissing, 0);
    }

    /** PSI over the reference deciles (repeated edges merged), bins closed on the right. */
    private static double psi(NumericProfile ref, NumericProfile cur) {
        List<Double> edges = new ArrayList<>();
        for (int i = 1; i < PSI_BINS; i++) {
            double e = ref.quantile((double) i / PSI_BINS);
            if (edges.isEmpty() || e > edges.get(edges.size() - 1)) {
                edges.add(e);
            }
        }
        double[] r = new double[edges.size() + 1];
        double[] c = new double[edges.size() + 1];
        double rBelow = 0;
        double cBelow = 0;
        for (int i = 0; i < edges.size(); i++) {
            double rUp = ref.cdf(edges.get(i));
            double cUp = cur.cdf(edges.get(i));
            r[i] = rUp - rBelow;
            c[i] = cUp - cBelow;
            rBelow = rUp;
            cBelow = cUp;
        }
        r[edges.size()] = 1 - rBelow;
        c[edges.size()] = 1 - cBelow;
        return HistogramDistances.psi(r, c);
    }

    private static FeatureDrift categories(String name, Map<String, Long> ref, Map<String, Long> cur, long error, long missing,
            double missingShare, double refMissing) {
        Map<String, Integer> index = new LinkedHashMap<>();
        ref.keySet().forEach(k -> index.putIfAbsent(k, index.size()));
        cur.keySet().forEach(k -> index.putIfAbsent(k, index.size()));
        long[] r = new long[index.size()];
        long[] c = new long[index.size()];
        ref.forEach((k, v) -> r[index.get(k)] += v);
        cur.forEach((k, v) -> c[index.get(k)] += v);
        long rows = sum(c) + missing;
        long unseen = error == 0 ? cur.keySet().stream().filter(k -> !ref.containsKey(k)).count() : 0;
        if (sum(r) == 0 || sum(c) == 0) {
            return new FeatureDrift(name, "chi_square", Double.NaN, Double.NaN, Double.NaN, Double.NaN, error, rows, missing,
                    missingShare, refMissing, unseen);
        }
        ChiSquareHomogeneity.Result chi = ChiSquareHomogeneity.test(r, c);
        double[] rs = shares(r);
        double[] cs = shares(c);
        return new FeatureDrift(name, "chi_square", chi.statistic(), chi.pValue(), HistogramDistances.psi(rs, cs),
                HistogramDistances.jensenShannon(rs, cs), error, rows, missing, missingShare, refMissing, unseen);
    }

    private static Map<String, Long> predictedClasses(WindowAggregate a) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("0", a.predicted().total(0));
        out.put("1", a.predicted().total(1));
        return out;
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }

    private static double[] shares(long[] v) {
        double n = sum(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / n;
        }
        return out;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    private static int clamp(long n) {
        return (int) Math.min(Integer.MAX_VALUE - 8, n);
    }
}
