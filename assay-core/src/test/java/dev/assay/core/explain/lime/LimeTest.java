package dev.assay.core.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.ModelOutput;
import dev.assay.core.explain.RowExplanation;
import dev.assay.core.uncertainty.Golden;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** LIME's behaviour on German credit's numeric columns with a known linear model. */
class LimeTest {
    private static final JsonNode DATA = Golden.read("explain/partial_dependence.json");
    private static final double[] W = {0.03, 0.0002, -0.4, 0.1, -0.02, 0.5, 0};

    private static List<String> features() {
        return Golden.strings(DATA.get("features"));
    }

    private static Frame data() {
        return Golden.numericColumns(DATA.get("x"), features(), "german_credit.csv");
    }

    private static ModelOutput linear(AtomicInteger calls) {
        List<String> names = features();
        return rows -> {
            calls.incrementAndGet();
            double[] y = new double[rows.rowCount()];
            Arrays.fill(y, 1.5);
            for (int j = 0; j < names.size(); j++) {
                NumericColumn c = (NumericColumn) rows.column(names.get(j));
                for (int i = 0; i < y.length; i++) {
                    y[i] += W[j] * c.get(i);
                }
            }
            return y;
        };
    }

    private static double std(Frame data, String column) {
        double[] v = ((NumericColumn) data.column(column)).toArray();
        double m = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }

    @Test
    void withoutDiscretisationALinearModelsCoefficientsAreWeightTimesStd() {
        Frame data = data();
        Frame rows = data.slice(new int[] {0, 1, 2, 3, 4});
        AtomicInteger calls = new AtomicInteger();
        LimeExplanation e = Lime.fit(linear(calls), rows, data, features(), LimeSettings.defaults().withDiscretize(false));
        assertThat(calls.get()).isEqualTo(5);
        double largest = IntStream.range(0, W.length).mapToDouble(j -> Math.abs(W[j] * std(data, features().get(j)))).max()
                .orElseThrow();
        for (RowExplanation r : e.explanation().rows()) {
            for (int j = 0; j < W.length; j++) {
                double want = W[j] * std(data, features().get(j));
                // exact but for ridge's shrinkage (alpha 1 against weighted sums of squares of some hundreds), which also
                // leaks a little between correlated samples: 0.5% of the value plus 0.1% of the largest
                assertThat(r.values()[j]).as("row %d %s", r.row(), features().get(j)).isCloseTo(want, within(5e-3 * Math.abs(want)
                        + 1e-3 * largest));
            }
        }
        for (LocalFit f : e.fits()) {
            assertThat(f.score()).isGreaterThan(0.9999);
            assertThat(f.localPrediction()).isCloseTo(f.modelOutput(), within(0.01));
        }
    }

    @Test
    void withDiscretisationValuesAddUpToTheLocalPrediction() {
        Frame data = data();
        LimeExplanation e = Lime.fit(linear(new AtomicInteger()), data.slice(new int[] {5, 6, 7}), data, features(),
                LimeSettings.defaults());
        for (RowExplanation r : e.explanation().rows()) {
            assertThat(r.base() + r.sum()).isCloseTo(r.output(), within(1e-9));
            double largest = Arrays.stream(r.values()).map(Math::abs).max().orElseThrow();
            assertThat(Math.abs(r.values()[6])).as("num_dependents has weight 0").isLessThan(0.1 * largest);
        }
        for (LocalFit f : e.fits()) {
            assertThat(f.selected()).hasSize(7);
            assertThat(f.score()).isBetween(0.05, 1.0);
        }
    }

    @Test
    void theSameSeedGivesTheSameResultOnAnyNumberOfThreads() {
        Frame data = data();
        Frame rows = data.slice(IntStream.range(0, 16).toArray());
        LimeSettings s = LimeSettings.defaults().withSamples(1000).withSeed(42);
        Explanation one = Lime.explain(linear(new AtomicInteger()), rows, data, features(), s);
        Explanation again = Lime.explain(linear(new AtomicInteger()), rows, data, features(), s);
        Explanation parallel = Lime.explain(linear(new AtomicInteger()), rows, data, features(), s.withParallel(true));
        Explanation other = Lime.explain(linear(new AtomicInteger()), rows, data, features(), s.withSeed(43));
        for (int r = 0; r < 16; r++) {
            assertThat(again.rows().get(r).values()).containsExactly(one.rows().get(r).values());
            assertThat(parallel.rows().get(r).values()).containsExactly(one.rows().get(r).values());
            assertThat(parallel.rows().get(r).base()).isEqualTo(one.rows().get(r).base());
        }
        assertThat(other.rows().get(0).values()).isNotEqualTo(one.rows().get(0).values());
    }

    @Test
    void categoricalColumnsAreSampledByTheirFrequencies() {
        String[] colour = new String[200];
        double[] x = new double[200];
        for (int i = 0; i < 200; i++) {
            colour[i] = i % 4 == 0 ? "red" : "blue";
            x[i] = i;
        }
        Frame data = Frame.of("t.csv", List.of(CategoricalColumn.of("colour", colour), NumericColumn.wrap("x", x)));
        ModelOutput out = rows -> {
            double[] y = new double[rows.rowCount()];
            for (int i = 0; i < y.length; i++) {
                y[i] = rows.column("colour").format(i).equals("red") ? 1 : 0;
            }
            return y;
        };
        LimeExplanation e = Lime.fit(out, data.slice(new int[] {0}), data, List.of("colour", "x"), LimeSettings.defaults());
        // a red row keeps red with probability 1/4: the coefficient of "colour = red" is 1, x explains nothing
        assertThat(e.explanation().rows().get(0).values()[0]).isCloseTo(1, within(0.01));
        assertThat(e.explanation().rows().get(0).values()[1]).isCloseTo(0, within(0.01));
    }

    @Test
    void badInputIsExplained() {
        Frame data = data();
        ModelOutput out = linear(new AtomicInteger());
        LimeSettings s = LimeSettings.defaults().withSamples(50);
        Frame missing = Frame.of("rows.csv", List.of(NumericColumn.of("duration", Double.NaN)));
        assertThatThrownBy(() -> Lime.explain(out, missing, data, List.of("duration"), s)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Row 1 of rows.csv").hasMessageContaining("'duration'");
        assertThatThrownBy(() -> Lime.explain(out, data, data, List.of("nope"), s)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nope");
        Frame text = Frame.of("t.csv", List.of(TextColumn.of("note", "a b")));
        assertThatThrownBy(() -> Lime.explain(out, text, text, List.of("note"), s)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("free text");
        Frame allMissing = Frame.of("bg.csv", List.of(NumericColumn.of("duration", Double.NaN, Double.NaN)));
        assertThatThrownBy(() -> Lime.explain(out, data, allMissing, List.of("duration"), s)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bg.csv").hasMessageContaining("all missing");
        Frame categorical = Frame.of("bg.csv", List.of(CategoricalColumn.of("duration", "a")));
        assertThatThrownBy(() -> Lime.explain(out, data, categorical, List.of("duration"), s)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("same type");
        assertThatThrownBy(() -> Lime.explain(out, data.slice(new int[0]), data, features(), s)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no rows");
        assertThatThrownBy(() -> LimeSettings.defaults().withSamples(1)).isInstanceOf(InvalidInputException.class);
    }
}
