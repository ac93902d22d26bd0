package dev.assay.core.synth.quality;

/**
 * Pearson's correlation over the rows where neither value is missing (NaN), as pandas'
 * {@code DataFrame[[a, b]].dropna().corr()} / {@code scipy.stats.pearsonr} on those rows.
 * Edge cases: fewer than two complete rows or a constant column give NaN.
 */
public final class Pearson {
    private Pearson() {
    }

    /** r of {@code a} and {@code b} (same length) over their complete rows. */
    public static double of(double[] a, double[] b) {
        double sa = 0;
        double sb = 0;
        int n = 0;
        for (int k = 0; k < a.length; k++) {
            if (!Double.isNaN(a[k]) && !Double.isNaN(b[k])) {
                sa += a[k];
                sb += b[k];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double ma = sa / n;
        double mb = sb / n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int k = 0; k < a.length; k++) {
            if (!Double.isNaN(a[k]) && !Double.isNaN(b[k])) {
                sab += (a[k] - ma) * (b[k] - mb);
                saa += (a[k] - ma) * (a[k] - ma);
                sbb += (b[k] - mb) * (b[k] - mb);
            }
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }
}
