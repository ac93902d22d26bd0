package dev.assay.core.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.DoubleSupplier;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under no effect, 2,000 simulated experiments read after each of 20 batches: the mSPRT's always-valid
 * p-value falls below α in at most α of them (plus a three-standard-error binomial margin), while the
 * naive Welch t-test repeated at every look exceeds α by far. Seeded, so the counts are reproducible.
 */
class MixtureSprtSimulationTest {
    private static final int EXPERIMENTS = 2_000;
    private static final int LOOKS = 20;
    private static final int BATCH = 50;
    private static final double ALPHA = 0.05;
    private static final double MARGIN = 3 * Math.sqrt(ALPHA * (1 - ALPHA) / EXPERIMENTS);

    @ParameterizedTest
    @ValueSource(strings = {"normal", "conversion"})
    void falsePositiveRateStaysUnderAlphaWhenCheckedAfterEveryBatch(String metric) {
        Random random = new Random(metric.hashCode() * 31L + 2017);
        DoubleSupplier draw = metric.equals("normal") ? () -> 10 + 3 * random.nextGaussian()
                : () -> random.nextDouble() < 0.2 ? 1 : 0;
        int sequentialRejections = 0;
        int naiveRejections = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            double[] t = new double[3];
            double[] c = new double[3];
            MixtureSprt test = null;
            boolean sequential = false;
            boolean naive = false;
            for (int look = 0; look < LOOKS; look++) {
                for (int i = 0; i < BATCH; i++) {
                    add(t, draw.getAsDouble());
                    add(c, draw.getAsDouble());
                }
                double vt = variance(t);
                double vc = variance(c);
                if (test == null) {
                    test = new MixtureSprt(AbTestSettings.DEFAULT_TAU_SQUARED * (vt + vc) / 2, ALPHA);
                }
                double d = t[1] / t[0] - c[1] / c[0];
                double v = vt / t[0] + vc / c[0];
                MixtureSprt.State s = test.look(d, v);
                sequential |= s.pValue() < ALPHA;
                assertThat(s.pValue() < ALPHA).isEqualTo(s.ciLow() > 0 || s.ciHigh() < 0);
                naive |= welchP(d, vt / t[0], vc / c[0], t[0], c[0]) < ALPHA;
            }
            sequentialRejections += sequential ? 1 : 0;
            naiveRejections += naive ? 1 : 0;
        }
        double sequentialRate = sequentialRejections / (double) EXPERIMENTS;
        double naiveRate = naiveRejections / (double) EXPERIMENTS;
        assertThat(sequentialRate).as("mSPRT false-positive rate over " + LOOKS + " looks").isLessThanOrEqualTo(ALPHA + MARGIN);
        assertThat(naiveRate).as("naive repeated test's false-positive rate").isGreaterThan(ALPHA + MARGIN);
    }

    /** Welch's two-sided p-value from the difference and the variances of the two means. */
    private static double welchP(double d, double vt, double vc, double nt, double nc) {
        double df = (vt + vc) * (vt + vc) / (vt * vt / (nt - 1) + vc * vc / (nc - 1));
        return 2 * TDistribution.of(df).survivalProbability(Math.abs(d) / Math.sqrt(vt + vc));
    }

    private static void add(double[] s, double v) {
        s[0]++;
        s[1] += v;
        s[2] += v * v;
    }

    private static double variance(double[] s) {
        double m = s[1] / s[0];
        return (s[2] - s[0] * m * m) / (s[0] - 1);
    }
}
