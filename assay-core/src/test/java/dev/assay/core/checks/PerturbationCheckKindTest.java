package dev.assay.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code perturbation} kind's keys, on a model of one-hot columns whose answers are known. */
class PerturbationCheckKindTest {

    /** Says "yes" with probability 0.9 when is_red is 1, else "no" with probability 0.9. */
    private static final class RedModel implements Model {
        @Override
        public ModelInfo info() {
            return new ModelInfo("red", "test", Task.BINARY, List.of("no", "yes"), new FeatureMapping(List.of(
                    FeatureMapping.Feature.numeric("is_red"), FeatureMapping.Feature.numeric("is_blue"),
                    FeatureMapping.Feature.numeric("size"))), new ModelCapabilities(true, false, true, 100), Map.of());
        }

        @Override
        public Predictions predict(Frame features) {
            NumericColumn red = (NumericColumn) features.column("is_red");
            double[] p = new double[2 * red.size()];
            for (int i = 0; i < red.size(); i++) {
                p[2 * i + 1] = red.get(i) == 1 ? 0.9 : 0.1;
                p[2 * i] = 1 - p[2 * i + 1];
            }
            return ClassPredictions.mostProbable(List.of("no", "yes"), p);
        }
    }

    private static CheckResult run(Map<String, ?> settings) {
        double[] red = new double[40];
        double[] size = new double[40];
        String[] label = new String[40];
        for (int i = 0; i < 40; i++) {
            red[i] = i % 2;
            size[i] = i;
            label[i] = i % 2 == 1 ? "yes" : "no";
        }
        double[] blue = new double[40];
        for (int i = 0; i < 40; i++) {
            blue[i] = 1 - red[i];
        }
        Frame f = Frame.of(NumericColumn.wrap("is_red", red), NumericColumn.wrap("is_blue", blue), NumericColumn.wrap("size", size),
                CategoricalColumn.of("y", label));
        var check = new PerturbationCheckKind().create(CheckConfig.of("test", settings), CheckSetup.named("test"));
        return check.run(new CheckContext(Dataset.of("current", f, Schema.builder().label("y").build()), null, new RedModel()));
    }

    private static double value(CheckResult r, String id) {
        return r.measurements().stream().filter(m -> m.id().equals(id)).mapToDouble(Measurement::value).findFirst().orElseThrow();
    }

    @Test
    void aOneHotGroupSwapsAsAGroupAndEveryPredictionFlips() {
        CheckResult r = run(Map.of("perturbation", "category_swap", "rate", 1, "one_hot", Map.of("color", "is_red, is_blue")));
        assertThat(value(r, "flip_rate")).as(r.toString()).isEqualTo(1.0);
        assertThat(value(r, "accuracy_drop")).isEqualTo(1.0);
        assertThat(value(r, "changed_rows")).isEqualTo(40);
        List<Object> example = r.tables().get(0).rows().get(0);
        assertThat(example.get(1).toString()).contains("is_red: ").contains("is_blue: ").doesNotContain("size");
    }

    @Test
    void immutableAndBoundsAreRead() {
        CheckResult r = run(Map.of("perturbation", "extreme_values", "rate", 1, "immutable", List.of("is_red", "is_blue"),
                "bounds", Map.of("size", "0..45")));
        assertThat(value(r, "flip_rate")).isZero();
        assertThat(value(r, "changed_rows")).isGreaterThan(10);
        for (List<Object> row : r.tables().get(0).rows()) {
            assertThat(row.get(1).toString()).matches("size: \\d+ → (0|45)");
        }
        assertThatThrownBy(() -> run(Map.of("perturbation", "rounding", "bounds", Map.of("size", "ten")))).hasMessageContaining(
                "bounds");
    }
}
