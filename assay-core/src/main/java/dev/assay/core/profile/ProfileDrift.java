package dev.assay.core.profile;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.drift.Binned;
import dev.assay.core.drift.CategorySample;
import dev.assay.core.drift.ColumnDrift;
import dev.assay.core.drift.DriftAnalysis;
import dev.assay.core.drift.DriftMethod;
import dev.assay.core.drift.DriftReport;
import dev.assay.core.drift.DriftSettings;
import dev.assay.core.drift.HistogramDistances;
import dev.assay.core.drift.KolmogorovSmirnov;
import dev.assay.core.drift.NumericSample;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.datasketches.kll.KllSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * Drift of current data against a stored {@link DatasetProfile}. Where the profile's sketch still holds
 * every reference value (small data; every category of a column with fewer than 768) the reference is
 * rebuilt exactly and {@link DriftAnalysis} measures as on raw data. Otherwise a numeric column is
 * measured from its KLL sketch against the exact current values: Kolmogorov-Smirnov {@code D} and the
 * Wasserstein distance from {@link SketchGap} ({@code D} within the rank error
 * {@code KllSketch.getNormalizedRankError(200, true) = 0.0165} of the exact statistic, 99% confidence;
 * the p-value is that of the sketched {@code D}), PSI, Jensen-Shannon and Hellinger over bins at the
 * sketch's quantiles; tests other than KS (chi-square, Cramér-von Mises) fall back to KS. A categorical
 * column with more categories is measured on the frequent-item counts, each within the sketch's
 * maximum error. Every result names its basis ({@code ks from profile}) and error bound.
 */
public final class ProfileDrift {
    private ProfileDrift() {
    }

    /**
     * @param profileName the profile file, for messages
     * @throws InvalidInputException when a compared column is absent from the profile or the data, or
     *     its type differs (naming file and column), or the current data has no rows
     */
    public static DriftReport compare(DatasetProfile profile, String profileName, Frame current, String currentName,
            List<String> columns, DriftSettings settings) {
        if (current.rowCount() == 0) {
            throw new InvalidInputException("The current data " + currentName + " has no rows; drift needs rows on both sides.");
        }
        checkSchema(profile, profileName, current, currentName, columns);
        ColumnDrift[] raw = new ColumnDrift[columns.size()];
        String[] problem = new String[columns.size()];
        IntStream.range(0, columns.size()).parallel().forEach(i -> {
            ColumnProfile ref = profile.column(columns.get(i));
            Column cur = current.column(columns.get(i));
            long curCount = cur.size() - missing(cur);
            if (ref.rows() == ref.missing() || curCount == 0) {
                problem[i] = "Column '" + Excerpt.of(ref.name()) + "' has no values in " + (ref.rows() == ref.missing()
                        ? "the profile " + profileName : currentName) + " (every value is missing); nothing to compare.";
            } else if (ref instanceof NumericProfile) {
                raw[i] = numeric((NumericProfile) ref, NumericSample.of(ref.name(), ((NumericColumn) cur).toArray()), settings);
            } else {
                raw[i] = categories((CategoryProfile) ref, CategorySample.of(cur), settings);
            }
        });
        List<ColumnDrift> measured = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != null) {
                measured.add(raw[i]);
            } else {
                problems.put(columns.get(i), problem[i]);
            }
        }
        return DriftAnalysis.report(measured, problems, settings);
    }

    private static void checkSchema(DatasetProfile profile, String profileName, Frame current, String currentName,
            List<String> columns) {
        List<String> wrong = new ArrayList<>();
        for (String name : columns) {
            String quoted = "'" + Excerpt.of(name) + "'";
            ColumnProfile ref = profile.column(name);
            if (ref == null || !current.has(name)) {
                wrong.add("column " + quoted + " is in " + (ref == null ? currentName + " but not in the profile " + profileName
                        : "the profile " + profileName + " but not in " + currentName));
            } else if ((ref instanceof NumericProfile) != (current.column(name) instanceof NumericColumn)) {
                wrong.add("column " + quoted + " is " + ref.type() + " in the profile " + profileName + " but "
                        + (current.column(name) instanceof NumericColumn ? "numeric" : "text") + " in " + currentName);
            }
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException("The profile " + profileName + " was built with a different schema: "
                    + String.join("; ", wrong) + ". Rebuild the profile from data with these columns, or leave them out with --columns.");
        }
    }

    static ColumnDrift numeric(NumericProfile ref, NumericSample cur, DriftSettings settings) {
        if (ref.exact()) {
            NumericSample rebuilt = rebuild(ref);
            ColumnDrift d = DriftAnalysis.measure(rebuilt, cur, settings);
            if (d.bins() == null) {
                d = d.withBins(Binned.quantiles(rebuilt, cur, settings.bins()));
            }
            return d.withBasis("from profile, exact (the sketch holds every reference value)", 0);
        }
        DriftMethod method = method(ref, settings);
        double eps = KllSketch.getNormalizedRankError(NumericProfile.K, true);
        DoublesSortedView view = ref.sketch().getSortedView();
        SketchGap gap = SketchGap.of(view, cur.sorted());
        double std = ref.std();
        double effect = gap.wasserstein() / Math.max(std, 0.001);
        double range = Math.max(ref.max(), cur.sorted()[cur.sorted().length - 1]) - Math.min(ref.min(), cur.sorted()[0]);
        Binned bins = bins(ref, cur, settings.bins());
        double threshold = settings.thresholdFor(ref.name(), method);
        double statistic;
        double p = Double.NaN;
        double bound;
        switch (method) {
            case KS: {
                KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(clamp(ref.count()), cur.sorted().length, gap.ks());
                statistic = ks.statistic();
                p = ks.pValue();
                bound = eps;
                break;
            }
            case WASSERSTEIN:
                statistic = effect;
                bound = eps * range / Math.max(std, 0.001);
                break;
            case PSI:
                statistic = HistogramDistances.psi(bins.referenceShares(), bins.currentShares());
                bound = Double.NaN;
                break;
            case HELLINGER:
                statistic = HistogramDistances.hellinger(bins.referenceShares(), bins.currentShares());
                bound = Double.NaN;
                break;
            default:
                statistic = HistogramDistances.jensenShannon(bins.referenceShares(), bins.currentShares());
                bound = Double.NaN;
        }
        String basis = String.format(java.util.Locale.ROOT, "from profile: KLL sketch k=%d, reference ranks within +-%.4f (99%%)",
                NumericProfile.K, eps);
        return new ColumnDrift(ref.name(), method, statistic, p, p, false, "wasserstein_std", effect, threshold, false,
                ref.count(), cur.count(), bins).withBasis(basis, bound);
    }

    /** The method for a sketched numeric column: tests become KS, {@code auto} as for raw data. */
    static DriftMethod method(NumericProfile ref, DriftSettings settings) {
        DriftMethod asked = settings.method();
        if (asked == null) {
            if (ref.rows() <= DriftSettings.AUTO_ROWS) {
                return DriftMethod.KS;
            }
            return ref.distinct() > DriftSettings.AUTO_MAX_LEVELS ? DriftMethod.WASSERSTEIN : DriftMethod.JENSEN_SHANNON;
        }
        return asked.hasPValue() ? DriftMethod.KS : asked;
    }

    /** Bins at the sketch's quantiles {@code 1/q .. (q-1)/q}, reference counts from the sketch's CDF. */
    private static Binned bins(NumericProfile ref, NumericSample cur, int q) {
        double[] at = edges(ref, q);
        return Binned.atEdges(at, estimatedCounts(ref, at), cur);
    }

    /** The distinct ascending sketched quantiles {@code 1/q .. (q-1)/q} of {@code ref}. */
    static double[] edges(NumericProfile ref, int q) {
        List<Double> edges = new ArrayList<>();
        for (int i = 1; i < q; i++) {
            double e = ref.quantile((double) i / q);
            if (edges.isEmpty() || e > edges.get(edges.size() - 1)) {
                edges.add(e);
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The counts of {@code ref}'s values in the right-closed bins at {@code at}, estimated from its sketch's CDF. */
    static long[] estimatedCounts(NumericProfile ref, double[] at) {
        long[] counts = new long[at.length + 1];
        long below = 0;
        for (int i = 0; i < at.length; i++) {
            long upTo = Math.round(ref.cdf(at[i]) * ref.count());
            counts[i] = upTo - below;
            below = upTo;
        }
        counts[at.length] = ref.count() - below;
        return counts;
    }

    /** The reference values of an exact sketch, ascending. */
    static NumericSample rebuild(NumericProfile ref) {
        DoublesSortedView view = ref.sketch().getSortedView();
        double[] q = view.getQuantiles();
        long[] cw = view.getCumulativeWeights();
        double[] values = new double[clamp(ref.count())];
        int k = 0;
        long previous = 0;
        for (int i = 0; i < q.length; i++) {
            for (long w = previous; w < cw[i]; w++) {
                values[k++] = q[i];
            }
            previous = cw[i];
        }
        return new NumericSample(ref.name(), values, ref.missing());
    }

    private static ColumnDrift categories(CategoryProfile ref, CategorySample cur, DriftSettings settings) {
        long error = ref.maximumError();
        Map<String, Long> counts = new LinkedHashMap<>(ref.counts());
        if (error > 0) {
            long rest = ref.count() - counts.values().stream().mapToLong(Long::longValue).sum();
            if (rest > 0) {
                counts.put("(other categories)", rest);
            }
        }
        ColumnDrift d = DriftAnalysis.measure(new CategorySample(ref.name(), counts, ref.missing()), cur, settings);
        return error == 0 ? d.withBasis("from profile, exact category counts", 0)
                : d.withBasis("from profile: frequent items, reference counts within +-" + error, Double.NaN);
    }

    private static long missing(Column column) {
        long n = 0;
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                n++;
            }
        }
        return n;
    }

    static int clamp(long n) {
        return (int) Math.min(Integer.MAX_VALUE - 8, n);
    }
}
