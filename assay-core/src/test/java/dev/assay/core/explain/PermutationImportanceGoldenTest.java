package dev.assay.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.uncertainty.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Permutation importance against scikit-learn 1.2.1 on German credit (scripts/golden/explain_golden.py). */
class PermutationImportanceGoldenTest {
    private static final JsonNode GOLDEN = Golden.read("explain/permutation_importance.json");

    private static List<String> features() {
        return Golden.strings(GOLDEN.get("features"));
    }

    private static Frame data() {
        JsonNode x = GOLDEN.get("x");
        List<Column> columns = new ArrayList<>(Golden.numericColumns(x, features(), "german_credit.csv").columns());
        String[] y = new String[x.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = GOLDEN.get("y").get(i).asInt() == 1 ? "bad" : "good";
        }
        columns.add(CategoricalColumn.of("class", y));
        return Frame.of("german_credit.csv", columns);
    }

    private static LinearModel model() {
        double[] w = new double[features().size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = GOLDEN.get("coef").get(j).asDouble();
        }
        return new LinearModel(features(), w, GOLDEN.get("intercept").asDouble(), true);
    }

    private static int[][] orders() {
        JsonNode o = GOLDEN.get("orders");
        int[][] out = new int[o.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = new int[o.get(k).size()];
            for (int i = 0; i < out[k].length; i++) {
                out[k][i] = o.get(k).get(i).asInt();
            }
        }
        return out;
    }

    @Test
    void matchesScikitLearnForEachScorer() {
        Frame data = data();
        EvaluationSettings settings = EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass("bad");
        String[][] scorers = {{"accuracy", "accuracy"}, {"roc_auc", "roc_auc"}, {"neg_log_loss", "log_loss"}};
        for (String[] s : scorers) {
            LinearModel model = model();
            Scorer scorer = MetricScorer.of(s[1], data.column("class"), settings, "linear");
            Importances got = PermutationImportance.compute(model, data, Feature.each(features()), scorer, orders(), 1_000_000);
            JsonNode want = GOLDEN.get("scores").get(s[0]);
            assertThat(got.baseline()).as(s[0]).isCloseTo(want.get("baseline").asDouble(), within(1e-12));
            for (int f = 0; f < features().size(); f++) {
                assertThat(got.mean(f)).as(s[0] + " " + features().get(f)).isCloseTo(want.get("mean").get(f).asDouble(), within(1e-12));
                assertThat(got.std(f)).isCloseTo(want.get("std").get(f).asDouble(), within(1e-12));
                for (int k = 0; k < got.importances()[f].length; k++) {
                    assertThat(got.importances()[f][k]).isCloseTo(want.get("importances").get(f).get(k).asDouble(), within(1e-12));
                }
            }
            assertThat(model.calls.get()).as("one call for the baseline, one per feature").isEqualTo(1 + features().size());
        }
    }

    @Test
    void groupedFeaturesShareTheOrderAndSeededOrdersRepeat() {
        Frame data = data();
        EvaluationSettings settings = EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass("bad");
        Scorer scorer = MetricScorer.of("roc_auc", data.column("class"), settings, "linear");
        int[][] orders = PermutationImportance.orders(data.rowCount(), 3, 11);
        assertThat(PermutationImportance.orders(data.rowCount(), 3, 11)).isDeepEqualTo(orders);
        Importances group = PermutationImportance.compute(model(), data, List.of(new Feature("money",
                List.of("duration", "credit_amount"))), scorer, orders, 500);
        // Permuting both columns by one order equals permuting the rows of both: check against a by-hand frame.
        for (int k = 0; k < 3; k++) {
            List<Column> cols = new ArrayList<>();
            for (Column c : data.columns()) {
                cols.add(c.name().equals("duration") || c.name().equals("credit_amount") ? c.slice(orders[k]) : c);
            }
            double permuted = scorer.score(model().predict(Frame.of(cols)));
            assertThat(group.importances()[0][k]).isCloseTo(group.baseline() - permuted, within(1e-15));
        }
    }

    @Test
    void badInputIsNamed() {
        Frame data = data();
        EvaluationSettings settings = EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass("bad");
        Scorer scorer = MetricScorer.of("roc_auc", data.column("class"), settings, "linear");
        assertThatThrownBy(() -> PermutationImportance.compute(model(), data, Feature.each(List.of("nope")), scorer,
                orders(), 1000)).isInstanceOf(InvalidInputException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> PermutationImportance.compute(model(), data, Feature.each(List.of("age")), scorer,
                new int[][] {{0, 0}}, 1000)).isInstanceOf(InvalidInputException.class).hasMessageContaining("entries");
        assertThatThrownBy(() -> MetricScorer.of("r2", data.column("class"), settings, "linear"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("roc_auc");
        assertThatThrownBy(() -> PermutationImportance.orders(10, 0, 1)).isInstanceOf(InvalidInputException.class);
    }
}
