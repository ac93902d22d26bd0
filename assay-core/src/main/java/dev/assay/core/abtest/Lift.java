package dev.assay.core.abtest;

/**
 * The relative lift {@code r = m_t / m_c − 1} of the treatment mean over the control mean, with a
 * delta-method interval: {@code Var(r) ≈ v_t / m_c² + m_t² v_c / m_c⁴}, where {@code v_t, v_c} are
 * the variances of the two means (arms independent), and {@code r ± z_{1−α/2} √Var(r)}.
 *
 * <p>Edge cases: a control mean of 0 gives NaN everywhere (the lift is undefined).
 *
 * <p>Reference: Deng, Knoblich and Lu, "Applying the delta method in metric analytics", KDD 2018;
 * computed independently in {@code scripts/golden/abtest_golden.py}, matched to 1e-12.
 *
 * @param value the relative lift
 * @param ciLow lower end of the interval
 * @param ciHigh upper end of the interval
 */
public record Lift(double value, double ciLow, double ciHigh) {

    /** The delta-method relative lift of means {@code mt} over {@code mc}, with variances of the means {@code vt, vc}. */
    public static Lift relative(double mt, double mc, double vt, double vc, double alpha) {
        if (mc == 0) {
            return new Lift(Double.NaN, Double.NaN, Double.NaN);
        }
        double r = mt / mc - 1;
        double se = Math.sqrt(vt / (mc * mc) + mt * mt * vc / (mc * mc * mc * mc));
        double z = Normal.quantile(1 - alpha / 2);
        return new Lift(r, r - z * se, r + z * se);
    }
}
