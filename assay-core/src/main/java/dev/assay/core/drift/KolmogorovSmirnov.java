package dev.assay.core.drift;

/**
 * The two-sample Kolmogorov-Smirnov test, two-sided: {@code D = max_x |F_ref(x) - F_cur(x)|} over the
 * empirical CDFs, in one merge of the two sorted samples. The p-value is exact
 * ({@link SmirnovExact}, with {@code D} rounded to {@code h / lcm(n1, n2)}) when both samples have at
 * most 10,000 values, else {@code kstwo.sf(D, round(n1 n2 / (n1 + n2)))}
 * ({@link KolmogorovDistribution}). Range {@code [0, 1]}; larger means more different.
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats.ks_2samp(ref, cur, method="auto")}, statistic to 1e-15
 * and p-value to 1e-9 relative in {@code golden/drift_*.json}.
 */
public final class KolmogorovSmirnov {
    /** Samples up to this size get the exact p-value, as SciPy's {@code MAX_AUTO_N}. */
    public static final int MAX_EXACT_N = 10000;

    private KolmogorovSmirnov() {
    }

    /**
     * @param statistic D
     * @param pValue the two-sided p-value
     * @param exact whether the p-value is exact (else asymptotic)
     */
    public record Result(double statistic, double pValue, boolean exact) {
    }

    /** The test on two sorted samples without NaN, each non-empty. */
    public static Result test(double[] a, double[] b) {
        return test(a.length, b.length, statistic(a, b));
    }

    /** The test for sample sizes {@code n1} and {@code n2} with statistic {@code d}. */
    public static Result test(int n1, int n2, double d) {
        int g = gcd(n1, n2);
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            long lcm = (long) (n1 / g) * n2;
            long h = Math.round(Math.rint(d * lcm));
            double dExact = h * 1.0 / lcm;
            if (h == 0) {
                return new Result(dExact, 1.0, true);
            }
            double p = SmirnovExact.pValue(n1, n2, g, h);
            if (p >= 0 && p <= 1) {
                return new Result(dExact, p, true);
            }
            d = dExact;
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        long en = (long) Math.rint(m * n / (m + n));
        return new Result(d, Math.max(0, Math.min(1, KolmogorovDistribution.sf(en, d))), false);
    }

    /** {@code D}: the largest gap between the empirical CDFs of two sorted samples. */
    public static double statistic(double[] a, double[] b) {
        return EcdfGap.of(a, b).ks();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
