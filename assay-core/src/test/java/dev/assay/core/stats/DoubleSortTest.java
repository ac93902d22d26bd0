package dev.assay.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoubleSortTest {

    private static double[] randomValues(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (r.nextInt(6)) {
                case 0 -> -r.nextDouble() * 1e300;
                case 1 -> Math.round(r.nextGaussian() * 3);
                case 2 -> r.nextInt(20) == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 3 -> Double.MIN_VALUE * r.nextInt(-5, 5);
                default -> r.nextDouble();
            } + 0.0;
        }
        return v;
    }

    @Test
    void radixSortOrdersLikeArraysSort() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n : new int[] {0, 1, 5, 40_000, 100_000}) {
            double[] v = randomValues(r, n);
            double[] expected = v.clone();
            Arrays.sort(expected);
            DoubleSort.sort(v);
            assertThat(v).containsExactly(expected);
        }
    }

    @Test
    void payloadFollowsItsValue() {
        SplittableRandom r = new SplittableRandom(12);
        for (int n : new int[] {0, 1, 3, 1000, 70_000}) {
            double[] v = randomValues(r, n);
            double[] payload = new double[n];
            for (int i = 0; i < n; i++) {
                payload[i] = i;
            }
            double[] original = v.clone();
            DoubleSort.sort(v, payload);
            for (int i = 0; i < n; i++) {
                assertThat(original[(int) payload[i]]).isEqualTo(v[i]);
                if (i > 0) {
                    assertThat(v[i]).isGreaterThanOrEqualTo(v[i - 1]);
                    if (v[i] == v[i - 1]) {
                        assertThat(payload[i]).as("stable for ties").isGreaterThan(payload[i - 1]);
                    }
                }
            }
        }
    }
}
