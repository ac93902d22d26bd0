package dev.assay.core.explain.pdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.ModelOutput;
import dev.assay.core.uncertainty.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Partial dependence and ICE against scikit-learn 1.2.1 on German credit (scripts/golden/pdp_golden.py). */
class PartialDependenceGoldenTest {
    private static final JsonNode GOLDEN = Golden.read("explain/partial_dependence.json");

    private static List<String> features() {
        return Golden.strings(GOLDEN.get("features"));
    }

    private static Frame data() {
        return Golden.numericColumns(GOLDEN.get("x"), features(), "german_credit.csv");
    }

    /** The golden file's logistic regression: P(bad) = sigmoid(w.x + b). */
    static ModelOutput logistic(AtomicInteger calls) {
        List<String> names = features();
        double b = GOLDEN.get("intercept").asDouble();
        return rows -> {
            calls.incrementAndGet();
            double[] z = new double[rows.rowCount()];
            for (int j = 0; j < names.size(); j++) {
                double w = GOLDEN.get("coef").get(j).asDouble();
                NumericColumn c = (NumericColumn) rows.column(names.get(j));
                for (int i = 0; i < z.length; i++) {
                    z[i] += w * c.get(i);
                }
            }
            for (int i = 0; i < z.length; i++) {
                z[i] = 1 / (1 + Math.exp(-(z[i] + b)));
            }
            return z;
        };
    }

    @Test
    void gridAverageAndIceMatchScikitLearn() {
        Frame data = data();
        for (JsonNode c : GOLDEN.get("cases")) {
            List<GridAxis> axes = new ArrayList<>();
            for (int a = 0; a < c.get("columns").size(); a++) {
                GridAxis axis = GridAxis.of(data, c.get("columns").get(a).asText(), 100, 0.05, 0.95);
                JsonNode want = c.get("grid").get(a);
                assertThat(axis.size()).isEqualTo(want.size());
                for (int k = 0; k < want.size(); k++) {
                    assertThat(axis.values()[k]).as("%s grid %d", axis.column(), k).isCloseTo(want.get(k).asDouble(), within(1e-9));
                }
                axes.add(axis);
            }
            AtomicInteger calls = new AtomicInteger();
            PartialDependence pd = PartialDependences.compute(logistic(calls), data, axes, 200_000);
            JsonNode avg = c.get("average");
            assertThat(pd.points()).isEqualTo(avg.size());
            for (int k = 0; k < avg.size(); k++) {
                assertThat(pd.average()[k]).as("%s average %d", c.get("columns"), k).isCloseTo(avg.get(k).asDouble(), within(1e-9));
            }
            JsonNode ice = c.get("individual");
            for (int r = 0; r < ice.size(); r++) {
                for (int k = 0; k < avg.size(); k++) {
                    assertThat(pd.individual()[r][k]).isCloseTo(ice.get(r).get(k).asDouble(), within(1e-9));
                }
            }
            assertThat(calls.get()).as("batched calls").isEqualTo((pd.points() * 1000 + 199_999) / 200_000);
        }
    }

    @Test
    void centredIceStartsAtZeroAndMonotonicityMeasuresAreZeroForAMonotoneCurve() {
        Frame data = data();
        GridAxis amount = GridAxis.of(data, "credit_amount", 100, 0.05, 0.95);
        PartialDependence pd = PartialDependences.compute(logistic(new AtomicInteger()), data, List.of(amount), 1_000_000);
        boolean increasing = GOLDEN.get("coef").get(1).asDouble() > 0;
        assertThat(increasing ? pd.largestDecrease() : pd.largestIncrease()).isZero();
        assertThat(increasing ? pd.largestIncrease() : pd.largestDecrease()).isCloseTo(pd.range(), within(1e-15)).isPositive();
        PartialDependence c = pd.centred();
        assertThat(c.average()[0]).isZero();
        for (double[] row : c.individual()) {
            assertThat(row[0]).isZero();
        }
        assertThat(c.average()[99]).isCloseTo(pd.average()[99] - pd.average()[0], within(1e-15));
    }

    @Test
    void largestDecreaseSpansNonAdjacentPoints() {
        PartialDependence pd = new PartialDependence(List.of(), new double[] {0, 1, 0.8, 0.9, 0.5, 2}, new double[0][]);
        assertThat(pd.largestDecrease()).isCloseTo(0.5, within(1e-15));
        assertThat(pd.largestIncrease()).isCloseTo(2, within(1e-15));
        assertThat(pd.range()).isCloseTo(2, within(1e-15));
    }

    @Test
    void categoricalColumnsRunOverTheirSortedLevels() {
        Frame data = Frame.of("t.csv", List.of(CategoricalColumn.of("colour", "red", "blue", "red", null),
                NumericColumn.of("x", 1, 2, 3, 4)));
        GridAxis axis = GridAxis.of(data, "colour", 100, 0.05, 0.95);
        assertThat(axis.levels()).containsExactly("blue", "red");
        ModelOutput out = rows -> {
            double[] y = new double[rows.rowCount()];
            CategoricalColumn c = (CategoricalColumn) rows.column("colour");
            for (int i = 0; i < y.length; i++) {
                y[i] = (c.get(i).equals("red") ? 10 : 0) + ((NumericColumn) rows.column("x")).get(i);
            }
            return y;
        };
        PartialDependence pd = PartialDependences.compute(out, data, List.of(axis), 3);
        assertThat(pd.average()).containsExactly(2.5, 12.5);
        assertThat(pd.individual()[3]).containsExactly(4, 14);
    }

    @Test
    void badColumnsAreExplained() {
        Frame data = Frame.of("t.csv", List.of(NumericColumn.of("x", Double.NaN, Double.NaN), NumericColumn.of("y", 1, 1)));
        assertThatThrownBy(() -> GridAxis.of(data, "x", 100, 0.05, 0.95)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'x'").hasMessageContaining("all missing");
        assertThatThrownBy(() -> GridAxis.of(data, "nope", 100, 0.05, 0.95)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nope");
        assertThat(GridAxis.of(data, "y", 100, 0.05, 0.95).values()).containsExactly(1);
    }
}
