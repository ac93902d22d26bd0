package dev.assay.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.FeatureMapping.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureMappingTest {
    private final Frame frame = Frame.of("applicants.csv", List.of(
            NumericColumn.of("age", 30, 45, Double.NaN),
            CategoricalColumn.of("housing", "own", "rent", null),
            NumericColumn.of("dependents", 1, 2, 1)));

    private final FeatureMapping mapping = new FeatureMapping(List.of(
            Feature.numeric("age"),
            Feature.oneHot("housing", List.of("free", "own", "rent")),
            Feature.ordinal("dependents", List.of("1", "2"))));

    @Test
    void encodesNumbersOneHotAndOrdinalRowMajor() {
        assertThat(mapping.width()).isEqualTo(5);
        assertThat(mapping.inputNames()).containsExactly("age", "housing=free", "housing=own", "housing=rent", "dependents");
        FeatureMapping.Bound bound = mapping.bind(frame, "credit.onnx");
        double[] rows = new double[2 * 5];
        bound.fill(0, 2, rows);
        assertThat(rows).containsExactly(30, 0, 1, 0, 0, 45, 0, 0, 1, 1);
        float[] single = new float[2 * 5];
        bound.fill(0, 2, single);
        for (int i = 0; i < rows.length; i++) {
            assertThat(single[i]).isEqualTo((float) rows[i]);
        }
        double[] last = new double[5];
        bound.fill(2, 3, last);
        assertThat(last[0]).isNaN();
        assertThat(java.util.Arrays.copyOfRange(last, 1, 5)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void errorsNameTheModelTheColumnAndTheRow() {
        assertThatThrownBy(() -> FeatureMapping.numeric(List.of("income")).bind(frame, "credit.onnx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Model credit.onnx needs the input column 'income'")
                .hasMessageContaining("applicants.csv");
        assertThatThrownBy(() -> FeatureMapping.numeric(List.of("housing")).bind(frame, "credit.onnx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'housing'").hasMessageContaining("numeric input of model credit.onnx");
        FeatureMapping ordinal = new FeatureMapping(List.of(Feature.ordinal("housing", List.of("own", "rent"))));
        assertThatThrownBy(() -> ordinal.bind(frame, "m").fill(0, 3, new double[3]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a missing value in row 3");
    }

    @Test
    void batchesJoinInOrder() {
        Predictions joined = Predictions.concat(List.of(
                new ClassPredictions(List.of("a", "b"), new int[] {1}, new double[] {0.1, 0.9}),
                new ClassPredictions(List.of("a", "b"), new int[] {0, 0}, new double[] {0.6, 0.4, 0.8, 0.2})));
        assertThat(((ClassPredictions) joined).predicted()).containsExactly(1, 0, 0);
        assertThat(((ClassPredictions) joined).probability(2, 0)).isEqualTo(0.8);
        assertThat(((ValuePredictions) Predictions.concat(List.of(new ValuePredictions(new double[] {1}),
                new ValuePredictions(new double[] {2, 3})))).values()).containsExactly(1, 2, 3);
    }

    @Test
    void mostProbableTakesTheFirstOfEqualProbabilities() {
        ClassPredictions p = ClassPredictions.mostProbable(List.of("a", "b", "c"), new double[] {0.2, 0.5, 0.3, 0.4, 0.4, 0.2});
        assertThat(p.predicted()).containsExactly(1, 0);
        assertThat(p.rows()).isEqualTo(2);
    }
}
