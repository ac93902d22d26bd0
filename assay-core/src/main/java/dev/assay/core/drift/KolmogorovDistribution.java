package dev.assay.core.drift;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Survival function of the two-sided one-sample Kolmogorov statistic {@code D_n}, {@code P(D_n >= x)},
 * the p-value {@link KolmogorovSmirnov} uses on large samples. Follows the method selection of
 * Simard and L'Ecuyer (2011) exactly as SciPy's {@code scipy.stats.kstwo.sf} does: Ruben-Gambino
 * closed forms at the ends, {@code 2 * smirnov(n, x)} (Birnbaum-Tingey sum) in the tail, the Durbin
 * matrix ({@link DurbinMatrix}) or Pomeranz recursion ({@link Pomeranz}) for small {@code n x²}, and
 * the Pelz-Good expansion for large {@code n}.
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats.kstwo.sf(x, n)} ({@code scipy/stats/_ksstats.py}),
 * matched to 1e-9 relative through {@code ks_2samp} in {@code golden/drift_*.json}.
 */
final class KolmogorovDistribution {
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double[] STIRLING = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2};
    private static final double MAX_LOG = 7.09782712893383996843e2;
    /** The Smirnov sum stops at terms this far below the largest one, in logarithms (e^-50, 2e-22 relative). */
    private static final double NEGLIGIBLE = 50;

    private KolmogorovDistribution() {
    }

    /** {@code P(D_n >= x)} for {@code n >= 1}. */
    static double sf(long n, double x) {
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return 1.0;
            }
            double prob;
            if (n <= 140) {
                prob = 1.0;
                for (long i = 1; i <= n; i++) {
                    prob *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            }
            return clip(1.0 - prob);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 0.754693) {
                return clip(1.0 - DurbinMatrix.cdf((int) n, x));
            }
            if (nxSquared <= 4) {
                return clip(1.0 - Pomeranz.cdf((int) n, x));
            }
            return clip(2 * smirnov(n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        double cdf;
        if (nxSquared >= 18.0) {
            cdf = 1.0;
        } else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdf = DurbinMatrix.cdf((int) n, x);
        } else {
            cdf = pelzGoodCdf(n, x);
        }
        return clip(1.0 - cdf);
    }

    /**
     * The one-sided Smirnov survival function {@code P(D+_n >= e)} by the Birnbaum-Tingey sum
     * {@code e * sum_{v=0}^{floor(n(1-e))} C(n,v) (e + v/n)^(v-1) (1 - e - v/n)^(n-v)}, each term in
     * logarithms. The terms rise to one peak and fall: the peak is found by ternary search and the sum
     * runs outwards from it until the terms are negligible (e^-50 of the largest).
     */
    static double smirnov(long n, double e) {
        if (e <= 0) {
            return 1.0;
        }
        long last = (long) Math.floor(n * (1.0 - e));
        if (last >= 0 && logTerm(n, e, last) == Double.NEGATIVE_INFINITY) {
            last--;
        }
        if (last < 0) {
            return 0.0;
        }
        double logNFactorial = LogGamma.value(n + 1.0);
        long lo = 0;
        long hi = last;
        while (hi - lo > 2) {
            long m1 = lo + (hi - lo) / 3;
            long m2 = hi - (hi - lo) / 3;
            if (logTerm(n, e, m1) < logTerm(n, e, m2)) {
                lo = m1 + 1;
            } else {
                hi = m2 - 1;
            }
        }
        long top = lo;
        for (long v = lo + 1; v <= hi; v++) {
            if (logTerm(n, e, v) > logTerm(n, e, top)) {
                top = v;
            }
        }
        double peak = logNFactorial + logTerm(n, e, top);
        double p = 0.0;
        for (long v = top; v >= 0; v--) {
            double t = logNFactorial + logTerm(n, e, v);
            p += t > -MAX_LOG ? Math.exp(t) : 0;
            if (t < peak - NEGLIGIBLE) {
                break;
            }
        }
        for (long v = top + 1; v <= last; v++) {
            double t = logNFactorial + logTerm(n, e, v);
            p += t > -MAX_LOG ? Math.exp(t) : 0;
            if (t < peak - NEGLIGIBLE) {
                break;
            }
        }
        return p * e;
    }

    /** {@code log(C(n,v) (e + v/n)^(v-1) (1 - e - v/n)^(n-v)) - log(n!)}. */
    private static double logTerm(long n, double e, long v) {
        double evn = e + (double) v / n;
        double omevn = 1.0 - evn;
        if (omevn <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return -LogGamma.value(v + 1.0) - LogGamma.value(n - v + 1.0) + (v - 1) * Math.log(evn) + (n - v) * Math.log(omevn);
    }

    /** The Pelz-Good asymptotic expansion of the CDF, four terms. */
    static double pelzGoodCdf(long n, double x) {
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qlog = -PI_SQUARED / 8 / z2;
        if (qlog < -708) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
        double k2c = PI_SQUARED * PI_SQUARED * (1 - 2 * z2) / 16;
        double pi6 = PI_SQUARED * PI_SQUARED * PI_SQUARED;
        double k3d = pi6 * (5 - 30 * z2) / 64;
        double k3c = PI_SQUARED * PI_SQUARED * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] k = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int j = maxk; j > 0; j--) {
            double m = 2.0 * j - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qpower = Math.pow(q, 8.0 * j);
            double[] coeffs = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6};
            for (int i = 0; i < 4; i++) {
                k[i] = k[i] * qpower + coeffs[i];
            }
        }
        double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k[i] = k[i] * q * SQRT_2PI / divisors[i];
        }
        double q2 = Math.exp(-PI_SQUARED / 2 / z2);
        double sqrt3z = Math.sqrt(3) * z;
        double extra2 = 0;
        double extra3 = 0;
        for (int j = maxk; j > 0; j--) {
            double j2 = (double) j * j;
            double qp = Math.pow(q2, j2);
            double kspi = Math.PI * j;
            extra2 += j2 * qp;
            extra3 += (sqrt3z + kspi) * (sqrt3z - kspi) * j2 * qp;
        }
        k[2] += extra2 * PI_SQUARED * SQRT_2PI / (-36 * z3);
        k[3] += extra3 * PI_SQUARED * SQRT_2PI / (216 * z6);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += k[i] / Math.pow(n * 1.0, i / 2.0);
        }
        return sum;
    }

    /** {@code log(n! / n^n)} by Stirling's series. */
    private static double logFactorialOverPower(long n) {
        double rn = 1.0 / n;
        double x = rn / n;
        double poly = 0;
        for (double c : STIRLING) {
            poly = poly * x + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    private static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
