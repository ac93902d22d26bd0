package dev.assay.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.drift.CsvFrames;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GaussianCopulaTest {
    private static Frame adult;
    private static GaussianCopula copula;

    @BeforeAll
    static void fit() {
        adult = CsvFrames.read("examples/models/adult.csv", r -> true, new ArrayList<>(), 5000);
        copula = GaussianCopula.fit(adult, 11);
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        Frame a = copula.sample(500, 3);
        Frame b = copula.sample(500, 3);
        Frame c = copula.sample(500, 4);
        assertThat(a.columnNames()).isEqualTo(adult.columnNames());
        for (String name : adult.columnNames()) {
            assertThat(a.column(name)).isEqualTo(b.column(name));
        }
        assertThat(((NumericColumn) a.column("age")).toArray()).isNotEqualTo(((NumericColumn) c.column("age")).toArray());
    }

    @Test
    void keepsTypesIntegersBoundsAndCategories() {
        Frame s = copula.sample(3000, 5);
        for (String name : adult.columnNames()) {
            assertThat(s.column(name).getClass()).isEqualTo(adult.column(name).getClass());
            if (s.column(name) instanceof NumericColumn n) {
                double[] real = ((NumericColumn) adult.column(name)).toArray();
                double min = Arrays.stream(real).min().orElseThrow();
                double max = Arrays.stream(real).max().orElseThrow();
                for (double v : n.toArray()) {
                    assertThat(v).isBetween(min, max);
                    assertThat(v).isEqualTo(Math.rint(v));
                }
            } else {
                CategoricalColumn c = (CategoricalColumn) s.column(name);
                assertThat(((CategoricalColumn) adult.column(name)).levels()).containsAll(
                        Arrays.stream(c.codesArray()).distinct().mapToObj(k -> c.levels().get(k)).toList());
            }
        }
        assertThat(share((CategoricalColumn) s.column("sex"), "Male")).isCloseTo(share((CategoricalColumn) adult.column("sex"),
                "Male"), within(0.03));
    }

    @Test
    void reportsTheMarginalOfEveryNumericColumnWithItsEvidence() {
        List<MarginalChoice> choices = copula.marginals();
        assertThat(choices).extracting(MarginalChoice::column).containsExactly("age", "fnlwgt", "education-num", "capital-gain",
                "capital-loss", "hours-per-week");
        for (MarginalChoice c : choices) {
            assertThat(c.reason()).isNotBlank();
            assertThat(c.ksStatistic()).containsKey(c.family());
        }
        // capital-gain is 0 in nine rows of ten: no continuous family survives the KS test
        assertThat(choices.get(3).family()).isEqualTo("empirical");
        assertThat(choices.get(3).notFitted()).containsKey("gamma");
    }

    @Test
    void reproducesTheShareOfMissingValues() {
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[4000];
        double[] y = new double[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
            y[i] = i % 10 < 3 ? Double.NaN : x[i] + r.nextGaussian();
        }
        GaussianCopula c = GaussianCopula.fit(Frame.of(NumericColumn.wrap("x", x), NumericColumn.wrap("y", y)), 1);
        double[] sy = ((NumericColumn) c.sample(20_000, 2).column("y")).toArray();
        long missing = Arrays.stream(sy).filter(Double::isNaN).count();
        assertThat(missing / 20_000.0).isCloseTo(0.3, within(0.015));
    }

    @Test
    void conditionalSamplingFollowsTheConditionalGaussian() {
        SplittableRandom r = new SplittableRandom(9);
        double[] x = new double[3000];
        double[] y = new double[3000];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
            y[i] = 0.8 * x[i] + 0.6 * r.nextGaussian();
        }
        GaussianCopula c = GaussianCopula.fit(Frame.of(NumericColumn.wrap("x", x), NumericColumn.wrap("y", y)), 1);
        assertThat(c.marginals()).extracting(MarginalChoice::family).containsExactly("normal", "normal");
        Frame s = c.sample(20_000, 4, Map.of("x", "1.5"));
        assertThat(((NumericColumn) s.column("x")).toArray()).containsOnly(1.5);
        double[] sy = ((NumericColumn) s.column("y")).toArray();
        double mean = Arrays.stream(sy).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(sy).map(v -> (v - mean) * (v - mean)).sum() / sy.length);
        double rho = c.correlation()[0][1];
        assertThat(mean).isCloseTo(rho * 1.5, within(0.03));
        assertThat(sd).isCloseTo(Math.sqrt(1 - rho * rho), within(0.02));
    }

    @Test
    void categoricalConditionsHoldInEveryRow() {
        Frame s = copula.sample(400, 8, Map.of("sex", "Female", "age", "40"));
        assertThat(((NumericColumn) s.column("age")).toArray()).containsOnly(40.0);
        CategoricalColumn sex = (CategoricalColumn) s.column("sex");
        assertThat(share(sex, "Female")).isEqualTo(1.0);
        // the copula carries the (linear, in normal scores) dependence of relationship on sex: fewer husbands
        double husbands = share((CategoricalColumn) copula.sample(400, 8).column("relationship"), "Husband");
        assertThat(share((CategoricalColumn) s.column("relationship"), "Husband")).isLessThan(husbands - 0.1);
    }

    @Test
    void badConditionsNameTheColumnAndTheFix() {
        assertThatThrownBy(() -> copula.sample(10, 1, Map.of("agee", "3"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'agee'").hasMessageContaining("age, workclass");
        assertThatThrownBy(() -> copula.sample(10, 1, Map.of("sex", "Other"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Female");
        assertThatThrownBy(() -> copula.sample(10, 1, Map.of("age", "200"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outside").hasMessageContaining("17");
        assertThatThrownBy(() -> copula.sample(10, 1, Map.of("age", "old"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a number");
        assertThatThrownBy(() -> copula.sample(0, 1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1");
    }

    @Test
    void badDataIsRefusedWithTheColumn() {
        assertThatThrownBy(() -> GaussianCopula.fit(Frame.of("empty.csv", List.of(NumericColumn.wrap("a", new double[0]))), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty.csv has no rows");
        assertThatThrownBy(() -> GaussianCopula.fit(Frame.of("m.csv", List.of(NumericColumn.of("a", 1, 2),
                NumericColumn.of("b", Double.NaN, Double.NaN))), 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'b' of m.csv has no values");
        assertThatThrownBy(() -> GaussianCopula.fit(Frame.of("t.csv", List.of(TextColumn.of("note", "a b", "c d"))), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'note'").hasMessageContaining("free text");
    }

    @Test
    void oneRowAndConstantColumnsAreReproduced() {
        GaussianCopula c = GaussianCopula.fit(Frame.of(NumericColumn.of("a", 7), CategoricalColumn.of("b", "x")), 1);
        Frame s = c.sample(20, 1);
        assertThat(((NumericColumn) s.column("a")).toArray()).containsOnly(7.0);
        assertThat(share((CategoricalColumn) s.column("b"), "x")).isEqualTo(1.0);
        assertThat(c.marginals().get(0).family()).isEqualTo("empirical");
        assertThat(c.marginals().get(0).notFitted()).containsKeys("normal", "gamma", "beta", "gaussian_kde");
        assertThat(c.marginals().get(0).ksStatistic()).isEmpty();
    }

    private static double share(CategoricalColumn c, String level) {
        int code = c.levels().indexOf(level);
        return Arrays.stream(c.codesArray()).filter(k -> k == code).count() / (double) c.size();
    }
}
