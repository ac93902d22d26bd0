package dev.assay.models.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ValuePredictions;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionModelTest {
    private final Frame frame = Frame.of(NumericColumn.of("x", 1, -2, 0.5), CategoricalColumn.of("c", "a", "b", "a"));
    private final FeatureMapping mapping = new FeatureMapping(List.of(FeatureMapping.Feature.numeric("x"),
            FeatureMapping.Feature.oneHot("c", List.of("a", "b"))));

    @Test
    void aRegressorSeesTheEncodedRows() {
        FunctionModel model = FunctionModel.regressor("sum", mapping, (in, rows, width, out) -> {
            for (int r = 0; r < rows; r++) {
                out[r] = in[r * width] + 10 * in[r * width + 2];
            }
        });
        assertThat(model.info().task()).isEqualTo(Task.REGRESSION);
        assertThat(((ValuePredictions) model.predict(frame)).values()).containsExactly(1.0, 8.0, 0.5);
    }

    @Test
    void aClassifierPredictsTheMostProbableClass() {
        FunctionModel model = FunctionModel.classifier("sign", mapping, List.of("neg", "pos"), (in, rows, width, out) -> {
            for (int r = 0; r < rows; r++) {
                double p = 1 / (1 + Math.exp(-in[r * width]));
                out[r * 2] = 1 - p;
                out[r * 2 + 1] = p;
            }
        });
        ClassPredictions p = (ClassPredictions) model.predict(frame);
        assertThat(model.info().task()).isEqualTo(Task.BINARY);
        assertThat(p.predicted()).containsExactly(1, 0, 1);
        assertThat(p.probability(1, 1)).isEqualTo(1 / (1 + Math.exp(2)));
    }

    @Test
    void aNaNProbabilityIsReportedWithItsRowAndClass() {
        FunctionModel model = FunctionModel.classifier("broken", mapping, List.of("neg", "pos"), (in, rows, width, out) -> {
            java.util.Arrays.fill(out, 0.5);
            out[3] = Double.NaN;
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.predict(frame))
                .isInstanceOf(dev.assay.core.error.InvalidInputException.class)
                .hasMessageContaining("broken").hasMessageContaining("'pos'").hasMessageContaining("row 2");
    }
}
