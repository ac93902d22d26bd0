package dev.assay.core.drift;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The two-sample Cramér-von Mises test (Anderson 1962): with {@code r} the mid-ranks of the pooled
 * sample, {@code U = n sum_i (r_i - i)^2 + m sum_j (s_j - j)^2} and
 * {@code T = U / (n m N) - (4 n m - 1) / (6 N)}. The p-value is exact
 * ({@link CramerVonMisesExact}) when both samples have at most 20 values, else from the limiting
 * distribution after standardising {@code T} by its mean and variance (Csörgő and Faraway 1996).
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats.cramervonmises_2samp(ref, cur, method="auto")},
 * statistic to 1e-12 and p-value to 1e-7 in {@code golden/drift_*.json}.
 */
public final class CramerVonMises {
    /** Samples up to this size get the exact p-value, as SciPy's {@code method="auto"}. */
    public static final int MAX_EXACT_N = 20;

    private CramerVonMises() {
    }

    /** @param statistic T @param pValue its p-value @param exact whether the p-value is exact */
    public record Result(double statistic, double pValue, boolean exact) {
    }

    /** The test on two sorted samples without NaN, each with at least two values. */
    public static Result test(double[] a, double[] b) {
        int nx = a.length;
        int ny = b.length;
        double[] rank = midRanks(a, b);
        double u = 0;
        for (int i = 0; i < nx; i++) {
            double d = rank[i] - (i + 1);
            u += d * d;
        }
        u *= nx;
        double uy = 0;
        for (int j = 0; j < ny; j++) {
            double d = rank[nx + j] - (j + 1);
            uy += d * d;
        }
        u += ny * uy;
        double k = (double) nx * ny;
        double n = nx + ny;
        double t = u / (k * n) - (4 * k - 1) / (6 * n);
        if (Math.max(nx, ny) <= MAX_EXACT_N) {
            return new Result(t, CramerVonMisesExact.pValue(u, nx, ny), true);
        }
        double et = (1 + 1 / n) / 6;
        double vt = (n + 1) * (4 * k * n - 3 * ((double) nx * nx + (double) ny * ny) - 2 * k);
        vt = vt / (45 * n * n * 4 * k);
        double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
        double p = tn < 0.003 ? 1.0 : Math.max(0, 1.0 - limitingCdf(tn));
        return new Result(t, p, false);
    }

    /** Mid-ranks of the pooled sample: the values of {@code a} first, then those of {@code b}. */
    private static double[] midRanks(double[] a, double[] b) {
        int nx = a.length;
        int ny = b.length;
        double[] rank = new double[nx + ny];
        int i = 0;
        int j = 0;
        int done = 0;
        while (i < nx || j < ny) {
            double x = i < nx ? (j < ny ? Math.min(a[i], b[j]) : a[i]) : b[j];
            int i0 = i;
            int j0 = j;
            while (i < nx && a[i] == x) {
                i++;
            }
            while (j < ny && b[j] == x) {
                j++;
            }
            int ties = (i - i0) + (j - j0);
            double mid = done + (ties + 1) / 2.0;
            Arrays.fill(rank, i0, i, mid);
            Arrays.fill(rank, nx + j0, nx + j, mid);
            done += ties;
        }
        return rank;
    }

    /**
     * The CDF of the limiting Cramér-von Mises distribution (Csörgő and Faraway 1996, (1.3)):
     * {@code sum_k Γ(k+1/2)/(Γ(k+1) π^1.5 sqrt(x)) sqrt(4k+1) exp(-q) K_{1/4}(q)} with
     * {@code q = (4k+1)^2 / (16 x)}, until a term is below 1e-7 as SciPy's {@code _cdf_cvm_inf}.
     */
    static double limitingCdf(double x) {
        double total = 0;
        for (int k = 0; ; k++) {
            double u = Math.exp(LogGamma.value(k + 0.5) - LogGamma.value(k + 1.0)) / (Math.pow(Math.PI, 1.5) * Math.sqrt(x));
            double y = 4 * k + 1;
            double q = y * y / (16 * x);
            double z = u * Math.sqrt(y) * Math.exp(-q) * besselK(0.25, q);
            total += z;
            if (!(Math.abs(z) >= 1e-7)) {
                return total;
            }
        }
    }

    /**
     * The modified Bessel function of the second kind {@code K_nu(x) = int_0^inf exp(-x cosh t) cosh(nu t) dt},
     * by the trapezoidal rule, which converges geometrically for this analytic, doubly-exponentially
     * decaying integrand.
     */
    static double besselK(double nu, double x) {
        double h = 1.0 / 64;
        double sum = 0.5 * Math.exp(-x);
        for (int i = 1; ; i++) {
            double t = i * h;
            double term = Math.exp(-x * Math.cosh(t)) * Math.cosh(nu * t);
            sum += term;
            if (term < 1e-18 * sum) {
                return sum * h;
            }
        }
    }
}
