package dev.assay.core.explain.lime;

import dev.assay.core.uncertainty.BootstrapIntervals;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;

/**
 * lime 0.2's QuartileDiscretizer for one numeric column: the cuts are the distinct values of numpy's
 * percentiles 25, 50 and 75 of the training values; bin b of a value x is the number of cuts below x
 * ({@code numpy.searchsorted}, side left); bin b spans [min, cut_0], (cut_{b-1}, cut_b], ..., (cut_last,
 * max], and a value is drawn back from a bin from a normal distribution with the bin's training mean
 * and standard deviation (ddof 0, plus 1e-11) truncated to the bin's span, as lime's undiscretize does
 * (a bin of one value gives that value).
 *
 * @param cuts the distinct quartiles, ascending
 * @param means the mean training value of each bin (0 for an empty bin)
 * @param stds the standard deviation of each bin, plus 1e-11
 * @param lows the lower end of each bin
 * @param highs the upper end of each bin
 */
record Quartiles(double[] cuts, double[] means, double[] stds, double[] lows, double[] highs) {

    /** The quartile bins of the (non-missing) training values, at least one. */
    static Quartiles of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] cuts = Arrays.stream(new double[] {0.25, 0.5, 0.75}).map(p -> BootstrapIntervals.quantile(sorted, p)).distinct()
                .toArray();
        int bins = cuts.length + 1;
        double[] sum = new double[bins];
        double[] count = new double[bins];
        for (double v : sorted) {
            int b = bin(cuts, v);
            sum[b] += v;
            count[b]++;
        }
        double[] means = new double[bins];
        double[] stds = new double[bins];
        for (int b = 0; b < bins; b++) {
            means[b] = count[b] == 0 ? 0 : sum[b] / count[b];
        }
        for (double v : sorted) {
            int b = bin(cuts, v);
            stds[b] += (v - means[b]) * (v - means[b]);
        }
        double[] lows = new double[bins];
        double[] highs = new double[bins];
        for (int b = 0; b < bins; b++) {
            stds[b] = (count[b] == 0 ? 0 : Math.sqrt(stds[b] / count[b])) + 1e-11;
            lows[b] = b == 0 ? sorted[0] : cuts[b - 1];
            highs[b] = b == cuts.length ? sorted[sorted.length - 1] : cuts[b];
        }
        return new Quartiles(cuts, means, stds, lows, highs);
    }

    /** The number of bins. */
    int bins() {
        return cuts.length + 1;
    }

    /** The bin of {@code x}: the number of cuts strictly below it. */
    int bin(double x) {
        return bin(cuts, x);
    }

    /** A value drawn from bin {@code b}: the truncated normal of the bin by inversion of its distribution function. */
    double draw(int b, SplittableRandom random) {
        double u = random.nextDouble();
        if (!(lows[b] < highs[b])) {
            return lows[b];
        }
        double x = TruncatedNormalDistribution.of(means[b], stds[b], lows[b], highs[b]).inverseCumulativeProbability(u);
        return Double.isFinite(x) ? x : Math.max(lows[b], Math.min(highs[b], means[b]));
    }

    private static int bin(double[] cuts, double x) {
        int b = 0;
        while (b < cuts.length && cuts[b] < x) {
            b++;
        }
        return b;
    }
}
