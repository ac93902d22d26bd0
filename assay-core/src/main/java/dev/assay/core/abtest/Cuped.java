package dev.assay.core.abtest;

/**
 * CUPED (Controlled-experiment Using Pre-Experiment Data): the metric {@code Y} adjusted by a
 * pre-period covariate {@code X}, {@code Y' = Y − θ (X − mean(X))} with
 * {@code θ = cov(Y, X) / var(X)} estimated over both arms together, so the adjustment is the same in
 * both arms and the expected difference is unchanged. The adjusted difference, its interval and
 * p-value come from Welch's t-test on {@code Y'} ({@link WelchTTest}); θ is treated as known, as in
 * the paper. {@code variance_reduction = 1 − Var(diff of Y') / Var(diff of Y)}, the share of the
 * variance of the difference the covariate removed (about {@code corr(Y, X)²}).
 *
 * <p>Edge cases: a constant covariate gives θ = 0 (no adjustment, reduction 0).
 *
 * <p>Reference: Deng, Xu, Kohavi and Walker, "Improving the sensitivity of online controlled
 * experiments by utilizing pre-experiment data", WSDM 2013; computed in
 * {@code scripts/golden/abtest_golden.py} with numpy and {@code scipy.stats.ttest_ind(equal_var=False)},
 * matched to 1e-10.
 *
 * @param theta the regression coefficient θ
 * @param adjusted the Welch comparison of the adjusted values
 * @param varianceReduction {@code 1 − Var_adjusted / Var_plain} of the difference
 */
public record Cuped(double theta, MeanComparison adjusted, double varianceReduction) {

    /** CUPED of metric {@code y} with covariate {@code x}; {@code treated[i]} says the arm of row {@code i}. */
    public static Cuped of(double[] y, double[] x, boolean[] treated, double alpha) {
        int n = y.length;
        double my = 0;
        double mx = 0;
        for (int i = 0; i < n; i++) {
            my += y[i];
            mx += x[i];
        }
        my /= n;
        mx /= n;
        double cov = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            cov += (y[i] - my) * (x[i] - mx);
            var += (x[i] - mx) * (x[i] - mx);
        }
        double theta = var == 0 ? 0 : cov / var;
        double[] adjusted = new double[n];
        for (int i = 0; i < n; i++) {
            adjusted[i] = y[i] - theta * (x[i] - mx);
        }
        double[] ct = Arms.treatment(adjusted, treated);
        double[] cc = Arms.control(adjusted, treated);
        double plainVar = varianceOfDifference(Arms.treatment(y, treated), Arms.control(y, treated));
        double reduction = plainVar == 0 ? 0 : 1 - varianceOfDifference(ct, cc) / plainVar;
        return new Cuped(theta, WelchTTest.compare(ct, cc, alpha), reduction);
    }

    /** {@code s_t²/n_t + s_c²/n_c}. */
    private static double varianceOfDifference(double[] treatment, double[] control) {
        return WelchTTest.Moments.of(treatment).varianceOfMean() + WelchTTest.Moments.of(control).varianceOfMean();
    }
}
