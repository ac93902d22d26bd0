package dev.assay.core.drift;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test that reference and current rows share one distribution over k categories:
 * on the 2 x k table of counts (categories empty in both dropped), {@code X² = sum (O - E)² / E} with
 * {@code E = row total * column total / N}, {@code k - 1} degrees of freedom, no continuity
 * correction. Effect size: Cramér's {@code V = sqrt(X² / N)}.
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats.chi2_contingency([ref, cur], correction=False)} (the
 * default {@code correction=True} differs only for two categories), to 1e-12 in {@code golden/drift_*.json}.
 */
public final class ChiSquareHomogeneity {
    private ChiSquareHomogeneity() {
    }

    /** @param statistic X² @param pValue its p-value @param cramersV the effect size @param dof degrees of freedom */
    public record Result(double statistic, double pValue, double cramersV, int dof) {
    }

    public static Result test(long[] reference, long[] current) {
        long r = 0;
        long c = 0;
        int k = 0;
        for (int i = 0; i < reference.length; i++) {
            r += reference[i];
            c += current[i];
            if (reference[i] + current[i] > 0) {
                k++;
            }
        }
        double n = r + c;
        double stat = 0;
        for (int i = 0; i < reference.length; i++) {
            long total = reference[i] + current[i];
            if (total == 0) {
                continue;
            }
            double er = (double) r * total / n;
            double ec = (double) c * total / n;
            stat += (reference[i] - er) * (reference[i] - er) / er + (current[i] - ec) * (current[i] - ec) / ec;
        }
        int dof = k - 1;
        double p = dof == 0 ? 1.0 : ChiSquaredDistribution.of(dof).survivalProbability(stat);
        return new Result(stat, p, Math.sqrt(stat / n), dof);
    }
}
