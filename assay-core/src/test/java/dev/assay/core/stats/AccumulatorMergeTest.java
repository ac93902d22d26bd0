package dev.assay.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every accumulator: adding all rows to one accumulator gives the same result as adding a random
 * split of the rows to several and merging them (in random order of parts), for random data with
 * ties, zero weights and, where allowed, out-of-range values.
 */
class AccumulatorMergeTest {
    private static final double EPS = 1e-12;

    /** Rows of random data for one seed. */
    private record Data(int n, boolean[] truth, boolean[] predicted, int[] classTruth, int[] classPredicted,
            double[] score, double[] value, double[] weight, boolean weighted) {

        static Data of(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = r.nextInt(0, 400);
            boolean weighted = r.nextBoolean();
            boolean[] t = new boolean[n];
            boolean[] p = new boolean[n];
            int[] ct = new int[n];
            int[] cp = new int[n];
            double[] s = new double[n];
            double[] v = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = r.nextBoolean();
                p[i] = r.nextBoolean();
                ct[i] = r.nextInt(4);
                cp[i] = r.nextInt(4);
                s[i] = r.nextInt(3) == 0 ? Math.round(r.nextDouble() * 10) / 10.0 : r.nextDouble();
                v[i] = r.nextGaussian() * 100 + 1e6;
                w[i] = weighted ? (r.nextInt(10) == 0 ? 0 : r.nextDouble() * 3) : 1;
            }
            return new Data(n, t, p, ct, cp, s, v, w, weighted);
        }

        int[] cuts(long seed) {
            SplittableRandom r = new SplittableRandom(seed * 31 + 7);
            int parts = 1 + r.nextInt(5);
            int[] cuts = new int[parts + 1];
            for (int k = 1; k < parts; k++) {
                cuts[k] = r.nextInt(n + 1);
            }
            cuts[parts] = n;
            java.util.Arrays.sort(cuts);
            return cuts;
        }
    }

    /** Builds one accumulator over rows {@code from..to-1}. */
    private interface Filler<A> {
        void fill(A acc, Data d, int from, int to);
    }

    private static <A extends Accumulator<A, R>, R> void check(long seed, Supplier<A> make, Filler<A> fill,
            BiConsumer<R, R> same) {
        Data d = Data.of(seed);
        A whole = make.get();
        fill.fill(whole, d, 0, d.n());
        int[] cuts = d.cuts(seed);
        A merged = make.get();
        // merge the parts in reverse order, so that merge order does not matter either
        for (int k = cuts.length - 2; k >= 0; k--) {
            A part = make.get();
            fill.fill(part, d, cuts[k], cuts[k + 1]);
            merged.merge(part);
        }
        same.accept(merged.result(), whole.result());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void confusionCounts(long seed) {
        boolean weighted = Data.of(seed).weighted();
        check(seed, () -> new ConfusionAccumulator(2), (a, d, from, to) -> a.addBinary(d.truth(), d.predicted(),
                d.weighted() ? d.weight() : null, from, to), (x, y) -> sameCounts(x, y, weighted));
        check(seed, () -> new ConfusionAccumulator(4), (a, d, from, to) -> a.addAll(d.classTruth(), d.classPredicted(),
                d.weighted() ? d.weight() : null, from, to), (x, y) -> sameCounts(x, y, weighted));
    }

    /** Unweighted counts are exact; weighted sums may differ in the last bits with the order of addition. */
    private static void sameCounts(ConfusionMatrix x, ConfusionMatrix y, boolean weighted) {
        assertThat(x.classes()).isEqualTo(y.classes());
        for (int t = 0; t < y.classes(); t++) {
            for (int p = 0; p < y.classes(); p++) {
                if (weighted) {
                    assertThat(x.count(t, p)).isCloseTo(y.count(t, p), within(EPS * Math.max(1, y.count(t, p))));
                } else {
                    assertThat(x.count(t, p)).isEqualTo(y.count(t, p));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void moments(long seed) {
        check(seed, MomentsAccumulator::new, (a, d, from, to) -> {
            for (int i = from; i < to; i++) {
                a.add(d.value()[i], d.weight()[i]);
            }
        }, (x, y) -> {
            assertThat(x.weight()).isCloseTo(y.weight(), within(EPS * Math.max(1, y.weight())));
            if (y.weight() > 0) {
                assertThat(x.mean()).isCloseTo(y.mean(), within(1e-12 * Math.abs(y.mean())));
                assertThat(x.m2()).isCloseTo(y.m2(), within(1e-9 * Math.max(1, y.m2())));
            } else {
                assertThat(x.mean()).isNaN();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void regressionErrors(long seed) {
        check(seed, RegressionAccumulator::new, (a, d, from, to) -> {
            for (int i = from; i < to; i++) {
                a.add(d.value()[i], d.value()[i] + (d.score()[i] - 0.5) * 50, d.weight()[i]);
            }
        }, (x, y) -> {
            assertThat(x.rows()).isEqualTo(y.rows());
            Function<Double, org.assertj.core.data.Offset<Double>> tol = v -> within(1e-9 * Math.max(1, Math.abs(v)));
            assertThat(x.weight()).isCloseTo(y.weight(), tol.apply(y.weight()));
            assertThat(x.absoluteError()).isCloseTo(y.absoluteError(), tol.apply(y.absoluteError()));
            assertThat(x.squaredError()).isCloseTo(y.squaredError(), tol.apply(y.squaredError()));
            assertThat(x.absolutePercentageError()).isCloseTo(y.absolutePercentageError(), tol.apply(y.absolutePercentageError()));
            assertThat(x.maxAbsoluteError()).isEqualTo(y.maxAbsoluteError());
            assertThat(x.residual().m2()).isCloseTo(y.residual().m2(), tol.apply(y.residual().m2()));
            assertThat(x.truth().m2()).isCloseTo(y.truth().m2(), tol.apply(y.truth().m2()));
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void probabilityLosses(long seed) {
        check(seed, ProbabilityLossAccumulator::new, (a, d, from, to) -> a.addBinary(d.truth(), d.score(),
                d.weighted() ? d.weight() : null, from, to), (x, y) -> {
                    assertThat(x.weight()).isCloseTo(y.weight(), within(EPS * Math.max(1, y.weight())));
                    assertThat(x.logLoss()).isCloseTo(y.logLoss(), within(1e-9 * Math.max(1, y.logLoss())));
                    assertThat(x.brier()).isCloseTo(y.brier(), within(1e-9 * Math.max(1, y.brier())));
                });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void scoreSample(long seed) {
        check(seed, ScoreSample::new, (a, d, from, to) -> {
            if (seed % 2 == 0) {
                a.addAll(d.truth(), d.score(), d.weighted() ? d.weight() : null, from, to);
            } else {
                for (int i = from; i < to; i++) {
                    a.add(d.score()[i], d.truth()[i], d.weight()[i]);
                }
            }
        }, (x, y) -> {
            assertThat(x.size()).isEqualTo(y.size());
            for (int i = 0; i < y.size(); i++) {
                assertThat(x.threshold(i)).isEqualTo(y.threshold(i));
                assertThat(x.truePositives(i)).isCloseTo(y.truePositives(i), within(1e-9 * Math.max(1, y.truePositives(i))));
                assertThat(x.falsePositives(i)).isCloseTo(y.falsePositives(i), within(1e-9 * Math.max(1, y.falsePositives(i))));
            }
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void valueSample(long seed) {
        check(seed, () -> new ValueSample(seed % 3 == 0), (a, d, from, to) -> {
            for (int i = from; i < to; i++) {
                a.add(Math.round(d.value()[i] / 10) * 10.0, d.weight()[i]);
            }
        }, (x, y) -> {
            assertThat(x.size()).isEqualTo(y.size());
            assertThat(x.weighted()).isEqualTo(y.weighted());
            if (y.size() > 0) {
                assertThat(x.median()).isEqualTo(y.median());
            }
        });
    }
}
