package dev.assay.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeLongTestTest {
    private static final double RELATIVE = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"german_credit", "german_credit_rounded"})
    void matchesTheGoldenValuesOnRealScores(String name) {
        CompareFixture f = CompareFixture.read(name);

        DeLongTest test = DeLongTest.of(f.positive(), f.scores("baseline"), f.scores("candidate"), 0.95);

        assertClose(test.baselineAuc(), f.value("roc_auc", "baseline"));
        assertClose(test.candidateAuc(), f.value("roc_auc", "candidate"));
        assertClose(test.difference(), f.value("delong", "difference"));
        assertClose(test.standardError(), f.value("delong", "standard_error"));
        assertClose(test.z(), f.value("delong", "z"));
        assertClose(test.pValue(), f.value("delong", "p_value"));
        assertClose(test.lower(), f.value("delong", "lower"));
        assertClose(test.upper(), f.value("delong", "upper"));
        assertThat(test.confidence()).isEqualTo(0.95);
        assertThat(test.positives()).isEqualTo(90);
        assertThat(test.negatives()).isEqualTo(210);
    }

    @ParameterizedTest
    @ValueSource(strings = {"german_credit", "german_credit_rounded"})
    void midranksAgreeWithTheQuadraticDefinition(String name) {
        CompareFixture f = CompareFixture.read(name);
        boolean[] positive = f.positive();
        double[] base = f.scores("baseline");
        double[] cand = f.scores("candidate");

        DeLongTest test = DeLongTest.of(positive, base, cand, 0.95);
        QuadraticDeLong reference = new QuadraticDeLong(positive, base, cand);

        assertThat(test.baselineAuc()).isCloseTo(reference.baselineAuc, within(1e-12));
        assertThat(test.candidateAuc()).isCloseTo(reference.candidateAuc, within(1e-12));
        assertThat(test.standardError()).isCloseTo(reference.standardError, within(1e-12));
    }

    @Test
    void midranksAgreeWithTheQuadraticDefinitionBeyondTheRadixSortThreshold() {
        SplittableRandom random = new SplittableRandom(11);
        int rows = 40_000;
        boolean[] positive = new boolean[rows];
        double[] base = new double[rows];
        double[] cand = new double[rows];
        for (int i = 0; i < rows; i++) {
            positive[i] = random.nextDouble() < 0.05;
            double signal = positive[i] ? 0.4 : 0;
            base[i] = Math.round((random.nextDouble() + signal) * 100) / 100.0 - 0.5; // many ties
            base[i] = base[i] == 0 && random.nextBoolean() ? -0.0 : base[i]; // -0.0 ties with 0.0
            cand[i] = Math.round((random.nextDouble() + 1.5 * signal) * 1000) / 1000.0;
        }

        DeLongTest test = DeLongTest.of(positive, base, cand, 0.95);
        QuadraticDeLong reference = new QuadraticDeLong(positive, base, cand);

        assertThat(test.baselineAuc()).isCloseTo(reference.baselineAuc, within(1e-12));
        assertThat(test.candidateAuc()).isCloseTo(reference.candidateAuc, within(1e-12));
        assertThat(test.standardError()).isCloseTo(reference.standardError, within(1e-12));
    }

    @Test
    void swappingTheModelsNegatesTheDifference() {
        CompareFixture f = CompareFixture.read("german_credit");

        DeLongTest forward = DeLongTest.of(f.positive(), f.scores("baseline"), f.scores("candidate"), 0.9);
        DeLongTest backward = DeLongTest.of(f.positive(), f.scores("candidate"), f.scores("baseline"), 0.9);

        assertThat(backward.difference()).isEqualTo(-forward.difference());
        assertThat(backward.standardError()).isCloseTo(forward.standardError(), within(1e-15));
        assertThat(backward.pValue()).isCloseTo(forward.pValue(), within(1e-15));
        assertThat(backward.lower()).isCloseTo(-forward.upper(), within(1e-15));
    }

    @Test
    void identicalScoresGiveNoEvidence() {
        boolean[] positive = {true, false, true, false, true, false};
        double[] scores = {0.9, 0.1, 0.4, 0.4, 0.7, 0.8};

        DeLongTest test = DeLongTest.of(positive, scores, scores.clone(), 0.95);

        assertThat(test.baselineAuc()).isEqualTo(6.5 / 9);
        assertThat(test.difference()).isZero();
        assertThat(test.standardError()).isZero();
        assertThat(test.z()).isZero();
        assertThat(test.pValue()).isEqualTo(1);
        assertThat(test.lower()).isZero();
        assertThat(test.upper()).isZero();
    }

    @Test
    void midranksShareTheMeanRankOfTies() {
        assertThat(StructuralComponents.midranks(new double[] {0.5, 0.1, 0.5, -0.0, 0.0, 0.9}))
                .containsExactly(4.5, 3, 4.5, 1.5, 1.5, 6);
    }

    @Test
    void refusesTooFewRowsOfAClass() {
        assertThatThrownBy(() -> DeLongTest.of(new boolean[] {true, false, false}, new double[3], new double[3], 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DeLong's test needs at least 2 positive and 2 negative rows, got 1 positive and 2 negative");
    }

    @Test
    void refusesNaNScores() {
        double[] candidate = {0.1, 0.2, Double.NaN, 0.4};
        assertThatThrownBy(() -> DeLongTest.of(new boolean[] {true, false, true, false}, new double[4], candidate, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the candidate score at index 2 is NaN; every row needs a score from both models (drop or impute the row)");
    }

    @Test
    void refusesScoresOfAnotherLength() {
        assertThatThrownBy(() -> DeLongTest.of(new boolean[4], new double[4], new double[3], 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DeLong's test needs one label and two scores per row, got 4 labels, 4 baseline scores and 3 candidate scores");
    }

    @Test
    void refusesAConfidenceOutsideTheUnitInterval() {
        assertThatThrownBy(() -> DeLongTest.of(new boolean[] {true, true, false, false}, new double[4], new double[4], 95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be in (0, 1), e.g. 0.95, got 95.0");
    }

    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(RELATIVE * Math.max(1e-3, Math.abs(expected))));
    }

    /** DeLong's variance straight from the definition: every positive against every negative, O(m n). */
    private static final class QuadraticDeLong {
        final double baselineAuc;
        final double candidateAuc;
        final double standardError;

        QuadraticDeLong(boolean[] positive, double[] base, double[] cand) {
            int m = 0;
            for (boolean p : positive) {
                m += p ? 1 : 0;
            }
            int n = positive.length - m;
            double[][] v10 = new double[2][m];
            double[][] v01 = new double[2][n];
            double[][] scores = {base, cand};
            for (int k = 0; k < 2; k++) {
                int i = 0;
                for (int r = 0; r < positive.length; r++) {
                    if (!positive[r]) {
                        continue;
                    }
                    int j = 0;
                    for (int s = 0; s < positive.length; s++) {
                        if (positive[s]) {
                            continue;
                        }
                        double x = scores[k][r];
                        double y = scores[k][s];
                        double psi = x > y ? 1 : x == y ? 0.5 : 0;
                        v10[k][i] += psi / n;
                        v01[k][j] += psi / m;
                        j++;
                    }
                    i++;
                }
            }
            baselineAuc = mean(v10[0]);
            candidateAuc = mean(v10[1]);
            double s10 = covariance(v10[0], v10[0]) + covariance(v10[1], v10[1]) - 2 * covariance(v10[0], v10[1]);
            double s01 = covariance(v01[0], v01[0]) + covariance(v01[1], v01[1]) - 2 * covariance(v01[0], v01[1]);
            standardError = Math.sqrt(s10 / m + s01 / n);
        }

        private static double mean(double[] v) {
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            return sum / v.length;
        }

        private static double covariance(double[] a, double[] b) {
            double ma = mean(a);
            double mb = mean(b);
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += (a[i] - ma) * (b[i] - mb);
            }
            return sum / (a.length - 1);
        }
    }
}
