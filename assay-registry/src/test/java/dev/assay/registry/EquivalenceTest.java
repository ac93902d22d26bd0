package dev.assay.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EquivalenceTest {

    @Test
    void countsDisagreementsAtTheThresholdAndTheLargestDifference() {
        double[] a = {0.10, 0.49, 0.50, 0.90, 0.70};
        double[] b = {0.12, 0.51, 0.50, 0.60, 0.45};
        Equivalence eq = Equivalence.of(a, b, 0.5, 0.05, Map.of("accuracy", new double[] {0.8, 0.6}), 1);
        assertThat(eq.rows()).isEqualTo(5);
        assertThat(eq.disagreeingCount()).isEqualTo(2);
        assertThat(eq.agreementRate()).isEqualTo(0.6);
        assertThat(eq.disagreeing()).containsExactly(new Equivalence.Row(1, 0.49, 0.51));
        assertThat(eq.maxProbabilityDifference()).isCloseTo(0.30, within(1e-12));
        assertThat(eq.maxDifferenceRow()).isEqualTo(3);
        assertThat(eq.metrics().get("accuracy").difference()).isCloseTo(-0.2, within(1e-12));
        assertThat(eq.withinTolerance("accuracy")).isFalse();
        assertThat(eq.equivalent()).isFalse();
    }

    @Test
    void identicalScoresAreEquivalentAndUndefinedMetricsOnBothSidesAgree() {
        double[] a = {0.2, 0.7};
        Equivalence eq = Equivalence.of(a, a.clone(), 0.5, 0, Map.of("roc_auc", new double[] {Double.NaN, Double.NaN}), 10);
        assertThat(eq.equivalent()).isTrue();
        assertThat(eq.agreementRate()).isEqualTo(1.0);
        assertThat(eq.maxProbabilityDifference()).isZero();
        assertThat(eq.disagreeing()).isEqualTo(List.of());
        Equivalence none = Equivalence.of(new double[0], new double[0], 0.5, 0, Map.of(), 10);
        assertThat(none.agreementRate()).isNaN();
        assertThat(none.maxDifferenceRow()).isEqualTo(-1);
    }
}
