package dev.assay.core.profile;

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
import java.util.Locale;
import java.util.Map;

/**
 * Drift between two profiles ({@link ProfilePair}), with neither data set in memory.
 *
 * <ul>
 * <li>Category columns: from the exact category counts, as on raw data (chi-square, PSI, Jensen-Shannon,
 * Hellinger, Cramér's V), while both profiles hold every category ({@link CategoryProfile#maximumError()}
 * 0, fewer than 768 categories); beyond, from the frequent-item counts, each within the stated error.
 * <li>Numeric columns whose two sketches still hold every value: rebuilt and measured as on raw data.
 * <li>Other numeric columns, from the two KLL sketches: Kolmogorov-Smirnov {@code D} and the Wasserstein
 * distance ({@link SketchGap#between}). Each sketch's CDF is within its rank error {@code e} of the exact
 * one (99% confidence), so {@code |D^ - D| <= e_ref + e_cur} and {@code |W1^ - W1| <= (e_ref + e_cur) (max - min)};
 * the p-value is that of {@code D^}, and the result states the p-values of {@code D^ -+ bound}, between
 * which the exact one lies. PSI, Jensen-Shannon and Hellinger use bins at the reference sketch's quantiles
 * {@code 1/q .. (q-1)/q} with both data sets counted into them exactly ({@link ProfilePair.BinCounter}):
 * the distances are exact for these bins, whose edges are the sketched quantiles (rank within {@code e_ref}
 * of {@code i/q}) rather than the interpolated exact ones. Tests other than KS fall back to KS.
 * </ul>
 */
public final class ProfilesDrift {
    private ProfilesDrift() {
    }

    /**
     * @throws InvalidInputException when either profile has no rows or no column is given
     */
    public static DriftReport compare(ProfilePair pair, List<String> columns, DriftSettings settings) {
        DatasetProfile reference = pair.reference();
        DatasetProfile current = pair.current();
        if (reference.rows() == 0 || current.rows() == 0) {
            boolean ref = reference.rows() == 0;
            throw new InvalidInputException("The " + (ref ? "reference" : "current") + " data "
                    + (ref ? pair.referenceName() : pair.currentName()) + " has no rows; drift needs rows on both sides.");
        }
        if (columns.isEmpty()) {
            throw new InvalidInputException("No column to compare: " + pair.referenceName() + " and " + pair.currentName()
                    + " have no feature column in common; name the columns to compare.");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, double[]> edges = new LinkedHashMap<>();
        for (String name : columns) {
            String problem = problem(pair, name);
            if (problem != null) {
                problems.put(name, problem);
            } else if (sketched(reference.column(name), current.column(name))) {
                edges.put(name, ProfileDrift.edges((NumericProfile) reference.column(name), settings.bins()));
            }
        }
        Map<String, long[][]> counts = pair.counter() == null || edges.isEmpty() ? estimated(pair, edges)
                : pair.counter().count(edges);
        List<ColumnDrift> measured = new ArrayList<>();
        for (String name : columns) {
            if (problems.containsKey(name)) {
                continue;
            }
            ColumnProfile ref = reference.column(name);
            ColumnProfile cur = current.column(name);
            if (ref instanceof CategoryProfile) {
                measured.add(categories((CategoryProfile) ref, (CategoryProfile) cur, settings));
            } else if (edges.containsKey(name)) {
                long[][] c = counts.get(name);
                Binned bins = Binned.atEdges(edges.get(name), c[0], c[1]);
                measured.add(sketched((NumericProfile) ref, (NumericProfile) cur, bins, pair.counter() != null, settings));
            } else {
                NumericSample r = ProfileDrift.rebuild((NumericProfile) ref);
                NumericSample c = ProfileDrift.rebuild((NumericProfile) cur);
                ColumnDrift d = DriftAnalysis.measure(r, c, settings);
                measured.add(d.withBins(d.bins() == null ? Binned.quantiles(r, c, settings.bins()) : d.bins())
                        .withBasis("from profiles, exact (the sketches hold every value)", 0));
            }
        }
        DriftReport judged = DriftAnalysis.report(measured, problems, settings);
        List<ColumnDrift> shown = new ArrayList<>();
        for (ColumnDrift c : judged.columns()) {
            shown.add(c.drift() || !c.method().numericOnly() ? c : c.withBins(null));
        }
        return new DriftReport(shown, judged.problems(), settings);
    }

    /** Why column {@code name} cannot be compared, or null. */
    private static String problem(ProfilePair pair, String name) {
        String quoted = "'" + Excerpt.of(name) + "'";
        ColumnProfile ref = pair.reference().column(name);
        ColumnProfile cur = pair.current().column(name);
        if (ref == null || cur == null) {
            String where = ref == null && cur == null ? "neither " + pair.referenceName() + " nor " + pair.currentName()
                    : ref != null ? pair.referenceName() + " but not in " + pair.currentName()
                    : pair.currentName() + " but not in " + pair.referenceName();
            return "Column " + quoted + " is in " + where + "; check the spelling or the --columns list.";
        }
        boolean rEmpty = ref.rows() == ref.missing();
        boolean cEmpty = cur.rows() == cur.missing();
        if (rEmpty || cEmpty) {
            String which = rEmpty && cEmpty ? pair.referenceName() + " and " + pair.currentName()
                    : rEmpty ? pair.referenceName() : pair.currentName();
            return "Column " + quoted + " has no values in " + which + " (every value is missing); nothing to compare.";
        }
        if (!ref.type().equals(cur.type())) {
            boolean refNumbers = ref instanceof NumericProfile;
            return "Column " + quoted + " holds numbers in " + (refNumbers ? pair.referenceName() : pair.currentName())
                    + " but text in " + (refNumbers ? pair.currentName() : pair.referenceName())
                    + "; clean the values that are not numbers so both data sets agree.";
        }
        if (ref instanceof CategoryProfile) {
            CategoryProfile r = (CategoryProfile) ref;
            if (r.maximumError() == 0 && r.counts().size() == r.count() && r.count() > 50) {
                return "Column " + quoted + " has a different value in every row of " + pair.referenceName()
                        + " (an id or a date?), so its categories cannot drift; leave it out of the columns compared.";
            }
        }
        return null;
    }

    private static boolean sketched(ColumnProfile ref, ColumnProfile cur) {
        return ref instanceof NumericProfile && !(((NumericProfile) ref).exact() && ((NumericProfile) cur).exact());
    }

    private static ColumnDrift sketched(NumericProfile ref, NumericProfile cur, Binned bins, boolean counted,
            DriftSettings settings) {
        DriftMethod method = ProfileDrift.method(ref, settings);
        double eps = ref.rankError() + cur.rankError();
        SketchGap gap = SketchGap.between(ref.sortedView(), cur.sortedView());
        double scale = Math.max(ref.std(), 0.001);
        double effect = gap.wasserstein() / scale;
        double range = Math.max(ref.max(), cur.max()) - Math.min(ref.min(), cur.min());
        int n1 = ProfileDrift.clamp(ref.count());
        int n2 = ProfileDrift.clamp(cur.count());
        String basis = String.format(Locale.ROOT, "from profiles: KLL sketches k=%d, each CDF within +-%.4f (99%%)",
                NumericProfile.K, NumericProfile.RANK_ERROR);
        double threshold = settings.thresholdFor(ref.name(), method);
        double statistic;
        double p = Double.NaN;
        boolean exactP = false;
        double bound;
        boolean undecided;
        switch (method) {
            case KS: {
                KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(n1, n2, gap.ks());
                statistic = ks.statistic();
                p = ks.pValue();
                exactP = ks.exact();
                bound = eps;
                double high = KolmogorovSmirnov.test(n1, n2, Math.max(0, statistic - eps)).pValue();
                double low = KolmogorovSmirnov.test(n1, n2, Math.min(1, statistic + eps)).pValue();
                basis += String.format(Locale.ROOT, "; column '%s': the exact D lies in [%.4g, %.4g], so its p-value lies"
                        + " in [%.3g, %.3g]", Excerpt.of(ref.name()), Math.max(0, statistic - eps), Math.min(1, statistic + eps),
                        low, high);
                undecided = low < threshold && threshold <= high;
                break;
            }
            case WASSERSTEIN:
                statistic = effect;
                bound = eps * range / scale;
                undecided = Math.abs(statistic - threshold) <= bound;
                break;
            default:
                statistic = distance(method, bins);
                bound = Double.NaN;
                undecided = false;
                basis += counted ? "; bins at the reference sketch's quantiles, both data sets counted into them exactly"
                        : "; bins at the reference sketch's quantiles, counts estimated from the sketches";
        }
        if (undecided) {
            basis += String.format(Locale.ROOT, "; column '%s' is within this error of its threshold %s, so on the raw data its"
                    + " verdict could be the other one", Excerpt.of(ref.name()), threshold);
        }
        return new ColumnDrift(ref.name(), method, statistic, p, p, exactP, "wasserstein_std", effect, threshold, false,
                ref.count(), cur.count(), bins).withBasis(basis, bound);
    }

    private static double distance(DriftMethod method, Binned bins) {
        switch (method) {
            case PSI:
                return HistogramDistances.psi(bins.referenceShares(), bins.currentShares());
            case HELLINGER:
                return HistogramDistances.hellinger(bins.referenceShares(), bins.currentShares());
            default:
                return HistogramDistances.jensenShannon(bins.referenceShares(), bins.currentShares());
        }
    }

    private static ColumnDrift categories(CategoryProfile ref, CategoryProfile cur, DriftSettings settings) {
        ColumnDrift d = DriftAnalysis.measure(sample(ref), sample(cur), settings);
        long error = Math.max(ref.maximumError(), cur.maximumError());
        return error == 0 ? d.withBasis("from profiles, exact category counts", 0)
                : d.withBasis("from profiles: frequent items, counts within +-" + error, Double.NaN);
    }

    /** The category counts of {@code p}; beyond the frequent items, the rest as one category. */
    private static CategorySample sample(CategoryProfile p) {
        Map<String, Long> counts = new LinkedHashMap<>(p.counts());
        if (p.maximumError() > 0) {
            long rest = p.count() - counts.values().stream().mapToLong(Long::longValue).sum();
            if (rest > 0) {
                counts.put("(other categories)", rest);
            }
        }
        return new CategorySample(p.name(), counts, p.missing());
    }

    /** Bin counts estimated from each side's sketch, when the data cannot be counted again. */
    private static Map<String, long[][]> estimated(ProfilePair pair, Map<String, double[]> edges) {
        Map<String, long[][]> out = new LinkedHashMap<>();
        edges.forEach((name, at) -> out.put(name, new long[][] {
            ProfileDrift.estimatedCounts((NumericProfile) pair.reference().column(name), at),
            ProfileDrift.estimatedCounts((NumericProfile) pair.current().column(name), at)}));
        return out;
    }
}
