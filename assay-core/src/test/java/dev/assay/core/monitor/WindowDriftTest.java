package dev.assay.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.drift.ChiSquareHomogeneity;
import dev.assay.core.drift.KolmogorovSmirnov;
import dev.assay.core.drift.Wasserstein;
import dev.assay.core.error.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WindowDriftTest {
    private static AdultBatches adult;

    @BeforeAll
    static void read() {
        adult = AdultBatches.read();
    }

    @Test
    void exactSketchesGiveTheRawDataStatistics() {
        double[] ref = column("age", 0, 150);
        double[] cur = column("age", 150, 250);
        WindowAggregate r = aggregate(0, 150);
        WindowAggregate c = aggregate(150, 250);
        FeatureDrift d = byColumn(WindowDrift.compare(r, c)).get("age");
        double[] a = ref.clone();
        double[] b = cur.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(a, b);
        assertThat(d.errorBound()).isZero();
        assertThat(d.statistic()).isCloseTo(ks.statistic(), within(1e-15));
        assertThat(d.pValue()).isCloseTo(ks.pValue(), within(1e-12));
        assertThat(d.distance()).isCloseTo(Wasserstein.normalised(a, b), within(1e-9));
    }

    @Test
    void sketchedStatisticsStayWithinTheStatedRankError() {
        WindowAggregate r = aggregate(0, 20000);
        WindowAggregate c = aggregate(20000, 26000);
        Map<String, FeatureDrift> drift = byColumn(WindowDrift.compare(r, c));
        for (String name : List.of("age", "education-num", "hours-per-week", "capital-gain")) {
            double[] a = column(name, 0, 20000);
            double[] b = column(name, 20000, 26000);
            Arrays.sort(a);
            Arrays.sort(b);
            FeatureDrift d = drift.get(name);
            assertThat(d.errorBound()).isCloseTo(2 * 0.0165, within(0.001));
            assertThat(d.statistic()).as(name).isCloseTo(KolmogorovSmirnov.statistic(a, b), within(d.errorBound()));
            assertThat(d.rows()).isEqualTo(6000);
            assertThat(d.pValue()).as(name + ": the same population").isGreaterThan(1e-3);
            assertThat(d.psi()).as(name).isLessThan(0.02);
        }
    }

    @Test
    void categoriesAreTestedOnTheirExactCounts() {
        WindowAggregate r = aggregate(0, 20000);
        WindowAggregate c = aggregate(20000, 26000);
        FeatureDrift d = byColumn(WindowDrift.compare(r, c)).get("workclass");
        CategoricalColumn w = (CategoricalColumn) adult.features.column("workclass");
        Map<String, Long> refCounts = IntStream.range(0, 20000).mapToObj(w::get).collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        Map<String, Long> curCounts = IntStream.range(20000, 26000).mapToObj(w::get).collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        List<String> levels = refCounts.keySet().stream().sorted().toList();
        ChiSquareHomogeneity.Result chi = ChiSquareHomogeneity.test(levels.stream().mapToLong(refCounts::get).toArray(),
                levels.stream().mapToLong(k -> curCounts.getOrDefault(k, 0L)).toArray());
        assertThat(d.test()).isEqualTo("chi_square");
        assertThat(d.statistic()).isCloseTo(chi.statistic(), within(1e-9));
        assertThat(d.pValue()).isCloseTo(chi.pValue(), within(1e-12));
        assertThat(d.errorBound()).isZero();
    }

    @Test
    void anOlderSubpopulationDriftsInAgeAndInThePrediction() {
        WindowAggregate r = aggregate(0, 20000);
        int[] old = IntStream.range(20000, adult.features.rowCount()).filter(i -> column("age", i, i + 1)[0] >= 50).toArray();
        WindowAggregate c = new WindowAggregate("v1", Instant.EPOCH);
        adult.add(c, old);
        Map<String, FeatureDrift> drift = byColumn(WindowDrift.compare(r, c));
        assertThat(drift.get("age").pValue()).isLessThan(1e-12);
        assertThat(drift.get("age").psi()).isGreaterThan(1);
        assertThat(drift.get("score").pValue()).isLessThan(1e-6);
        assertThat(drift.get("prediction").test()).isEqualTo("chi_square");
        assertThat(drift.get("sex").pValue()).isLessThan(0.05);
    }

    @Test
    void missingValuesAndUnseenCategoriesAreCounted() {
        WindowAggregate r = new WindowAggregate("v1", Instant.EPOCH);
        r.add(Frame.of(NumericColumn.of("x", 1, 2, 3, 4), CategoricalColumn.of("c", "a", "b", "a", "b")), new boolean[4],
                new double[] {0.1, 0.2, 0.3, 0.4});
        WindowAggregate c = new WindowAggregate("v1", Instant.EPOCH);
        c.add(Frame.of(NumericColumn.of("x", Double.NaN, Double.NaN, Double.NaN), CategoricalColumn.of("c", "a", "z", null)),
                new boolean[3], new double[] {0.1, 0.2, 0.3});
        Map<String, FeatureDrift> drift = byColumn(WindowDrift.compare(r, c));
        FeatureDrift x = drift.get("x");
        assertThat(x.missingShare()).isEqualTo(1.0);
        assertThat(x.referenceMissingShare()).isEqualTo(0.0);
        assertThat(x.pValue()).as("all missing: nothing to test").isNaN();
        FeatureDrift cat = drift.get("c");
        assertThat(cat.unseenCategories()).isEqualTo(1);
        assertThat(cat.missing()).isEqualTo(1);
        assertThat(cat.rows()).isEqualTo(3);
        assertThat(cat.missingShare()).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void aFeatureMissingFromTheReferenceIsNamed() {
        WindowAggregate r = new WindowAggregate("v1", Instant.EPOCH);
        r.add(Frame.of(NumericColumn.of("x", 1, 2)), new boolean[2], new double[2]);
        WindowAggregate c = new WindowAggregate("v1", Instant.EPOCH);
        c.add(Frame.of(NumericColumn.of("y", 1, 2)), new boolean[2], new double[2]);
        assertThatThrownBy(() -> WindowDrift.compare(r, c)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Feature 'y'").hasMessageContaining("not in the reference");
    }

    private static WindowAggregate aggregate(int from, int to) {
        WindowAggregate a = new WindowAggregate("v1", Instant.EPOCH);
        adult.add(a, from, to);
        return a;
    }

    private static double[] column(String name, int from, int to) {
        return Arrays.copyOfRange(((NumericColumn) adult.features.column(name)).toArray(), from, to);
    }

    private static Map<String, FeatureDrift> byColumn(List<FeatureDrift> drift) {
        return drift.stream().collect(Collectors.toMap(FeatureDrift::column, d -> d));
    }
}
