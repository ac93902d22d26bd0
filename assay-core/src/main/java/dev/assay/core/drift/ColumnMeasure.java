package dev.assay.core.drift;

/**
 * Computes one column's statistic, p-value and effect size with a chosen method; the verdict comes
 * later, after the p-values of all columns are adjusted together.
 */
final class ColumnMeasure {
    private ColumnMeasure() {
    }

    static ColumnDrift of(ColumnSample ref, ColumnSample cur, DriftMethod method, DriftSettings settings) {
        double threshold = settings.thresholdFor(ref.column(), method);
        if (ref instanceof NumericSample) {
            NumericSample r = (NumericSample) ref;
            NumericSample c = (NumericSample) cur;
            EcdfGap gap = EcdfGap.of(r.sorted(), c.sorted());
            double effect = Wasserstein.normalise(gap.wasserstein(), r.sorted());
            switch (method) {
                case KS: {
                    KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(r.sorted().length, c.sorted().length, gap.ks());
                    return numeric(r, c, method, ks.statistic(), ks.pValue(), ks.exact(), effect, threshold, null);
                }
                case CRAMER_VON_MISES: {
                    if (r.count() < 2 || c.count() < 2) {
                        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(r.sorted().length, c.sorted().length, gap.ks());
                        return numeric(r, c, DriftMethod.KS, ks.statistic(), ks.pValue(), ks.exact(), effect, threshold, null);
                    }
                    CramerVonMises.Result cvm = CramerVonMises.test(r.sorted(), c.sorted());
                    return numeric(r, c, method, cvm.statistic(), cvm.pValue(), cvm.exact(), effect, threshold, null);
                }
                case WASSERSTEIN:
                    return numeric(r, c, method, effect, Double.NaN, false, effect, threshold, null);
                case CHI2: {
                    Binned bins = Binned.values(r, c);
                    ChiSquareHomogeneity.Result chi = ChiSquareHomogeneity.test(bins.reference(), bins.current());
                    return numeric(r, c, method, chi.statistic(), chi.pValue(), false, effect, threshold, bins);
                }
                default: {
                    Binned bins = Binned.quantiles(r, c, settings.bins());
                    return numeric(r, c, method, distance(method, bins), Double.NaN, false, effect, threshold, bins);
                }
            }
        }
        Binned bins = Binned.categories((CategorySample) ref, (CategorySample) cur);
        ChiSquareHomogeneity.Result chi = ChiSquareHomogeneity.test(bins.reference(), bins.current());
        double statistic = method == DriftMethod.CHI2 ? chi.statistic() : distance(method, bins);
        double p = method == DriftMethod.CHI2 ? chi.pValue() : Double.NaN;
        return new ColumnDrift(ref.column(), method, statistic, p, p, false, "cramers_v", chi.cramersV(), threshold, false,
                ref.count(), cur.count(), bins);
    }

    private static ColumnDrift numeric(NumericSample r, NumericSample c, DriftMethod method, double statistic, double p,
            boolean exact, double effect, double threshold, Binned bins) {
        return new ColumnDrift(r.column(), method, statistic, p, p, exact, "wasserstein_std", effect, threshold, false,
                r.count(), c.count(), bins);
    }

    private static double distance(DriftMethod method, Binned bins) {
        double[] p = bins.referenceShares();
        double[] q = bins.currentShares();
        switch (method) {
            case PSI:
                return HistogramDistances.psi(p, q);
            case HELLINGER:
                return HistogramDistances.hellinger(p, q);
            default:
                return HistogramDistances.jensenShannon(p, q);
        }
    }
}
