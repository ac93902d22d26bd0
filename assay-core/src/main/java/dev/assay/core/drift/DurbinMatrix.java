package dev.assay.core.drift;

/**
 * The CDF of the two-sided Kolmogorov statistic, {@code P(D_n < d)}, by Durbin's matrix formula as
 * computed by Marsaglia, Tsang and Wang (2003): the {@code (k,k)} entry of {@code H^n} times
 * {@code n!/n^n}, with {@code k = ceil(n d)}, powers by repeated squaring and rescaling by 2^128.
 *
 * <p>Reference: SciPy 1.10.1 {@code scipy.stats._ksstats._kolmogn_DMTW}.
 */
final class DurbinMatrix {
    private static final int E128 = 128;
    private static final double EP128 = Math.scalb(1.0, E128);
    private static final double EM128 = Math.scalb(1.0, -E128);

    private DurbinMatrix() {
    }

    static double cdf(int n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - i + 1];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }
        double[][] power = identity(m);
        long nn = n;
        int expnt = 0;
        int hExpnt = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                power = multiply(power, hm);
                expnt += hExpnt;
            }
            hm = multiply(hm, hm);
            hExpnt *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > EP128) {
                for (double[] row : hm) {
                    for (int c = 0; c < m; c++) {
                        row[c] /= EP128;
                    }
                }
                hExpnt += E128;
            }
            nn /= 2;
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                expnt -= E128;
            }
        }
        if (expnt != 0) {
            p = Math.scalb(p, expnt);
        }
        return Math.max(0.0, Math.min(1.0, p));
    }

    private static double[][] identity(int m) {
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            out[i][i] = 1.0;
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] row = out[i];
            for (int l = 0; l < m; l++) {
                double x = a[i][l];
                if (x == 0) {
                    continue;
                }
                double[] bl = b[l];
                for (int j = 0; j < m; j++) {
                    row[j] += x * bl[j];
                }
            }
        }
        return out;
    }
}
