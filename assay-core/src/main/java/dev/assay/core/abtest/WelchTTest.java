package dev.assay.core.abtest;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Welch's t-test of the difference of two means without assuming equal variances:
 * {@code t = (m_t − m_c) / √(s_t²/n_t + s_c²/n_c)} (sample variances, ddof 1), with the
 * Welch-Satterthwaite degrees of freedom
 * {@code ν = (s_t²/n_t + s_c²/n_c)² / ((s_t²/n_t)²/(n_t−1) + (s_c²/n_c)²/(n_c−1))}; two-sided p-value
 * {@code 2 P(T_ν > |t|)}, interval {@code (m_t − m_c) ± t_{ν, 1−α/2} · se}. The relative lift uses the
 * delta method with the normal quantile ({@link Lift}).
 *
 * <p>Edge cases: both arms constant (se = 0) gives t = 0 and p-value 1 when the means are equal and
 * p-value 0 otherwise, with a zero-width interval. Each arm needs two rows ({@link AbTestData}).
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats.ttest_ind(t, c, equal_var=False)} and statsmodels
 * 0.13.5 {@code CompareMeans(DescrStatsW(t), DescrStatsW(c)).tconfint_diff(usevar="unequal")}, matched
 * to 1e-10 on the Adult A/B fixture.
 */
public final class WelchTTest {
    private WelchTTest() {
    }

    /** The test of {@code treatment} against {@code control}. */
    public static MeanComparison compare(double[] treatment, double[] control, double alpha) {
        Moments t = Moments.of(treatment);
        Moments c = Moments.of(control);
        double vt = t.varianceOfMean();
        double vc = c.varianceOfMean();
        double se = Math.sqrt(vt + vc);
        double d = t.mean() - c.mean();
        Lift lift = Lift.relative(t.mean(), c.mean(), vt, vc, alpha);
        if (se == 0) {
            return new MeanComparison("welch_t", "welch", c.count(), t.count(), c.mean(), t.mean(), d, d, d, 0, Double.NaN,
                    d == 0 ? 1 : 0, lift);
        }
        double df = (vt + vc) * (vt + vc) / (vt * vt / (t.count() - 1) + vc * vc / (c.count() - 1));
        TDistribution dist = TDistribution.of(df);
        double stat = d / se;
        double p = Math.min(1, 2 * dist.survivalProbability(Math.abs(stat)));
        double half = dist.inverseSurvivalProbability(alpha / 2) * se;
        return new MeanComparison("welch_t", "welch", c.count(), t.count(), c.mean(), t.mean(), d, d - half, d + half, stat,
                df, p, lift);
    }

    /** Count, mean and sample variance (ddof 1) of one arm, by Welford's update. */
    record Moments(int count, double mean, double variance) {
        static Moments of(double[] values) {
            double mean = 0;
            double m2 = 0;
            for (int i = 0; i < values.length; i++) {
                double delta = values[i] - mean;
                mean += delta / (i + 1);
                m2 += delta * (values[i] - mean);
            }
            return new Moments(values.length, mean, values.length > 1 ? m2 / (values.length - 1) : Double.NaN);
        }

        double varianceOfMean() {
            return variance / count;
        }
    }
}
