package dev.assay.core.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * Chooses a numeric column's marginal by the one-sample Kolmogorov-Smirnov statistic, as copulas'
 * {@code select_univariate} does (fit every candidate, keep the lowest KS statistic), with one change that
 * makes the choice meaningful: the kernel estimate and the empirical distribution fit their own data
 * almost perfectly, so they are taken only when the parametric families are rejected.
 *
 * <ol>
 *   <li>normal, gamma and beta ({@link ParametricMarginal}) are fitted where they apply; the one with the
 *       lowest KS statistic is chosen when the KS test does not reject it at {@value #ALPHA};</li>
 *   <li>otherwise the Gaussian KDE ({@link KdeMarginal}) when the test does not reject it;</li>
 *   <li>otherwise the empirical distribution ({@link EmpiricalMarginal}), as for heavily tied or discrete
 *       columns.</li>
 * </ol>
 * Every candidate's statistic and p-value are kept in the {@link MarginalChoice}: nothing is chosen silently.
 * A column with a single distinct value gets the empirical distribution (it reproduces the constant).
 */
public final class MarginalSelection {
    /** The significance level of the KS test that accepts a candidate. */
    public static final double ALPHA = 0.05;
    private static final List<String> PARAMETRIC = List.of("normal", "gamma", "beta");

    private MarginalSelection() {
    }

    /** The marginal of {@code column} fitted to its non-missing values {@code x} (at least one). */
    public static MarginalChoice choose(String column, double[] x) {
        Map<String, Double> statistic = new LinkedHashMap<>();
        Map<String, Double> pValue = new LinkedHashMap<>();
        Map<String, String> notFitted = new LinkedHashMap<>();
        KolmogorovSmirnovTest ks = KolmogorovSmirnovTest.withDefaults();
        Marginal best = null;
        for (String family : PARAMETRIC) {
            String why = ParametricMarginal.unfitReason(family, x);
            if (why != null) {
                notFitted.put(family, why);
                continue;
            }
            Marginal m = fit(family, x);
            KolmogorovSmirnovTest.OneResult r = ks.test(x, m::cdf);
            statistic.put(family, r.getStatistic());
            pValue.put(family, r.getPValue());
            if (best == null || r.getStatistic() < statistic.get(best.family())) {
                best = m;
            }
        }
        if (best != null && pValue.get(best.family()) >= ALPHA) {
            return new MarginalChoice(column, best, statistic, pValue, notFitted, String.format(Locale.ROOT,
                    "%s has the lowest KS statistic of the parametric families (%.4f) and is not rejected (%s)",
                    best.family(), statistic.get(best.family()), p(pValue.get(best.family()))));
        }
        String parametric = best == null ? "no parametric family applies"
                : String.format(Locale.ROOT, "the best parametric family, %s, is rejected (KS %.4f, %s)", best.family(),
                        statistic.get(best.family()), p(pValue.get(best.family())));
        KdeMarginal kde = KdeMarginal.fit(x);
        if (kde == null) {
            notFitted.put("gaussian_kde", "the values do not vary");
        } else {
            KolmogorovSmirnovTest.OneResult r = ks.test(x, kde::cdf);
            statistic.put("gaussian_kde", r.getStatistic());
            pValue.put("gaussian_kde", r.getPValue());
            if (r.getPValue() >= ALPHA) {
                return new MarginalChoice(column, kde, statistic, pValue, notFitted,
                        parametric + "; the Gaussian KDE is not rejected (" + p(r.getPValue()) + ")");
            }
        }
        EmpiricalMarginal empirical = EmpiricalMarginal.fit(x);
        if (x.length > 1) {
            statistic.put("empirical", ks.statistic(x, empirical::cdf));
        }
        String kdeText = kde == null ? "the Gaussian KDE does not apply"
                : "the Gaussian KDE is rejected (" + p(pValue.get("gaussian_kde")) + ")";
        return new MarginalChoice(column, empirical, statistic, pValue, notFitted, parametric + "; " + kdeText
                + "; the empirical distribution is used");
    }

    /** A p-value for a sentence; one that underflowed to 0 reads "p < 1e-300". */
    private static String p(double p) {
        return p > 0 ? String.format(Locale.ROOT, "p = %.3g", p) : "p < 1e-300";
    }

    private static Marginal fit(String family, double[] x) {
        switch (family) {
            case "normal":
                return ParametricMarginal.normal(x);
            case "gamma":
                return ParametricMarginal.gamma(x);
            default:
                return ParametricMarginal.beta(x);
        }
    }
}
