package dev.assay.core.abtest;

/**
 * The two-proportion z-test of a 0/1 metric. With {@code x_t} of {@code n_t} and {@code x_c} of
 * {@code n_c} successes, {@code p̂ = (x_t + x_c) / (n_t + n_c)} pooled under the null hypothesis:
 * {@code z = (p_t − p_c) / √(p̂ (1 − p̂) (1/n_t + 1/n_c))}, two-sided p-value {@code 2 P(Z > |z|)}.
 * The interval of the difference is the unpooled Wald interval
 * {@code (p_t − p_c) ± z_{1−α/2} √(p_t(1−p_t)/n_t + p_c(1−p_c)/n_c)}; the relative lift uses the
 * delta method ({@link Lift}).
 *
 * <p>Edge cases: a pooled rate of 0 or 1 (no variation at all) gives z = 0 and p-value 1. Each arm
 * needs one row; {@link AbTestData} asks for two.
 *
 * <p>Reference: statsmodels 0.13.5 {@code proportions_ztest([x_t, x_c], [n_t, n_c])} and
 * {@code confint_proportions_2indep(x_t, n_t, x_c, n_c, method="wald", compare="diff")}, matched to
 * 1e-12 on the Adult A/B fixture ({@code scripts/golden/abtest_golden.py}).
 */
public final class TwoProportionZTest {
    private TwoProportionZTest() {
    }

    /** The test of {@code treatment} against {@code control}, both of 0/1 values. */
    public static MeanComparison compare(double[] treatment, double[] control, double alpha) {
        int nt = treatment.length;
        int nc = control.length;
        double xt = sum(treatment);
        double xc = sum(control);
        double pt = xt / nt;
        double pc = xc / nc;
        double pooled = (xt + xc) / (nt + nc);
        double seNull = Math.sqrt(pooled * (1 - pooled) * (1.0 / nt + 1.0 / nc));
        double z = seNull == 0 ? 0 : (pt - pc) / seNull;
        double vt = pt * (1 - pt) / nt;
        double vc = pc * (1 - pc) / nc;
        double half = Normal.quantile(1 - alpha / 2) * Math.sqrt(vt + vc);
        double d = pt - pc;
        return new MeanComparison("two_proportion_z", "unpooled_wald", nc, nt, pc, pt, d, d - half, d + half, z, Double.NaN,
                seNull == 0 ? 1 : Normal.twoSided(z), Lift.relative(pt, pc, vt, vc, alpha));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
