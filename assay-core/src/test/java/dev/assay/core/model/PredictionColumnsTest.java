package dev.assay.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionColumnsTest {
    private static final String NOTE = "Model m names its classes by index 0-1; they are read as the values of label column "
            + "'answer' in sorted order, as scikit-learn's LabelEncoder numbers them: 0 = no, 1 = yes. If the model was trained "
            + "with another order, name its classes with --model-classes (command line) or model.classes (suite file).";

    private static Dataset data(String label, String... values) {
        Frame frame = Frame.of("survey.csv", List.of(NumericColumn.of("age", 30, 45, 52), CategoricalColumn.of(label, values)));
        return Dataset.of("current", frame, Schema.builder().label(label).build());
    }

    @Test
    void predictionsBecomeColumnsWithRoles() {
        ClassPredictions p = new ClassPredictions(List.of("bad", "good"), new int[] {0, 1, 1}, new double[] {0.7, 0.3, 0.2, 0.8, 0.4, 0.6});
        PredictedDataset attached = PredictionColumns.attach(data("risk", "good", "good", "bad"), p, "m");
        Dataset d = attached.dataset();
        assertThat(attached.notes()).isEmpty();
        assertThat(d.schema().prediction()).isEqualTo(PredictionColumns.PREDICTION);
        assertThat(d.schema().classProbabilities()).containsEntry("bad", "model_proba_bad").containsEntry("good", "model_proba_good");
        assertThat(d.frame().numeric("model_proba_good", null).toArray()).containsExactly(0.3, 0.8, 0.6);
        assertThat(d.frame().column(PredictionColumns.PREDICTION).format(0)).isEqualTo("bad");
        assertThat(d.info().columns()).isEqualTo(5);

        ClassPredictions tooFew = new ClassPredictions(List.of("bad", "good"), new int[] {0}, null);
        assertThatThrownBy(() -> PredictionColumns.attach(data("risk", "good", "good", "bad"), tooFew, "m"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("returned 1 predictions for the 3 rows");
    }

    @Test
    void classIndicesAreReadAsTheSortedLabelValuesWithANote() {
        ClassPredictions p = new ClassPredictions(List.of("0", "1"), new int[] {1, 0, 1}, new double[] {0.2, 0.8, 0.9, 0.1, 0.4, 0.6});
        PredictedDataset attached = PredictionColumns.attach(data("answer", "yes", "no", "no"), p, "m");
        assertThat(attached.notes()).containsExactly(NOTE);
        Frame f = attached.dataset().frame();
        assertThat(f.column(PredictionColumns.PREDICTION).format(0)).isEqualTo("yes");
        assertThat(f.column(PredictionColumns.PREDICTION).format(1)).isEqualTo("no");
        assertThat(f.numeric("model_proba_yes", null).toArray()).containsExactly(0.8, 0.1, 0.6);
        assertThat(attached.dataset().schema().classProbabilities()).containsOnlyKeys("no", "yes");
    }

    @Test
    void classesThatAreNotTheLabelValuesAreRefused() {
        ClassPredictions p = new ClassPredictions(List.of("0", "1", "2"), new int[] {1, 0, 2}, null);
        assertThatThrownBy(() -> PredictionColumns.attach(data("answer", "yes", "no", "no"), p, "m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Model m predicts the classes [0, 1, 2], which do not match the values of label column 'answer' "
                        + "[no, yes]: it names 3 classes by index, the label has 2 distinct values. Name the model's classes in "
                        + "the order of its outputs with --model-classes (command line) or model.classes (suite file), e.g. "
                        + "--model-classes no,yes.");
    }

    @Test
    void withoutALabelThePredictionsAreTakenAsTheyAre() {
        Frame frame = Frame.of("survey.csv", List.of(NumericColumn.of("age", 30, 45)));
        ClassPredictions p = new ClassPredictions(List.of("0", "1"), new int[] {1, 0}, null);
        PredictedDataset attached = PredictionColumns.attach(Dataset.of("current", frame, Schema.builder().build()), p, "m");
        assertThat(attached.notes()).isEmpty();
        assertThat(attached.dataset().frame().column(PredictionColumns.PREDICTION).format(0)).isEqualTo("1");
    }
}
