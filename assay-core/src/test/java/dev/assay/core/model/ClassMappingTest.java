package dev.assay.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassMappingTest {
    private static final String HOW = "Name the model's classes in the order of its outputs with --model-classes (command line) "
            + "or model.classes (suite file)";

    @Test
    void classesThatAreLabelValuesAreKept() {
        ClassMapping m = ClassMapping.toLabel("m", List.of("bad", "good"), CategoricalColumn.of("class", "good", null, "good"));
        assertThat(m).isEqualTo(ClassMapping.identity(List.of("bad", "good")));
        assertThat(m.renames()).isFalse();
        assertThat(m.note()).isNull();
        ClassPredictions p = new ClassPredictions(List.of("bad", "good"), new int[] {1}, null);
        assertThat(m.apply(p)).isSameAs(p);
    }

    @Test
    void numericLabelsThatAreTheIndicesNeedNoMapping() {
        ClassMapping m = ClassMapping.toLabel("m", List.of("0", "1"), NumericColumn.of("y", 1, 0, 0));
        assertThat(m.renames()).isFalse();
        assertThat(m.note()).isNull();
    }

    @Test
    void indicesFollowNumericOrderWhenEveryValueIsANumber() {
        ClassMapping m = ClassMapping.toLabel("m", List.of("0", "1", "2"), NumericColumn.of("grade", 10, 2, 1, 2));
        assertThat(m.classes()).containsExactly("1", "2", "10");
        assertThat(m.note()).contains(": 0 = 1, 1 = 2, 2 = 10.");
    }

    @Test
    void indicesFollowCodePointOrderForText() {
        ClassMapping m = ClassMapping.toLabel("m", List.of("0", "1", "2"), TextColumn.of("income", "<=50K", ">50K", "Unknown"));
        assertThat(m.classes()).containsExactly("<=50K", ">50K", "Unknown");
        ClassMapping mixed = ClassMapping.toLabel("m", List.of("0", "1", "2"), CategoricalColumn.of("c", "b", "B", "a"));
        assertThat(mixed.classes()).containsExactly("B", "a", "b");
        ClassPredictions p = new ClassPredictions(List.of("0", "1", "2"), new int[] {2, 0}, new double[] {0, 0.5, 0.5, 1, 0, 0});
        ClassPredictions renamed = (ClassPredictions) mixed.apply(p);
        assertThat(renamed.classes()).containsExactly("B", "a", "b");
        assertThat(renamed.predicted()).containsExactly(2, 0);
        assertThat(renamed.probabilities()).containsExactly(0, 0.5, 0.5, 1, 0, 0);
    }

    @Test
    void namesThatAreNotTheLabelValuesAreRefusedNamingBoth() {
        assertThatThrownBy(() -> ClassMapping.toLabel("credit.onnx", List.of("bad", "good"), CategoricalColumn.of("class", "yes", "no")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Model credit.onnx predicts the classes [bad, good], which do not match the values of label column "
                        + "'class' [no, yes]: the label values [yes, no] are none of its classes. " + HOW + ", e.g. "
                        + "--model-classes no,yes.");
    }

    @Test
    void explicitNamesWinAndMustFitTheModel() {
        ClassMapping m = ClassMapping.explicit("m", List.of("0", "1"), List.of("yes", "no"));
        assertThat(m.classes()).containsExactly("yes", "no");
        assertThat(m.renames()).isTrue();
        assertThat(m.note()).isNull();
        assertThatThrownBy(() -> ClassMapping.explicit("m", List.of("0", "1"), List.of("no", "yes", "maybe")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Model m has 2 classes [0, 1], but 3 class names were given: [no, yes, maybe]. " + HOW
                        + ", one name per class.");
        assertThatThrownBy(() -> ClassMapping.explicit("m", List.of("0", "1"), List.of("no", "no")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The class names given for model m name a class twice: [no, no]. " + HOW + ", each name once.");
        assertThatThrownBy(() -> ClassMapping.explicit("m", List.of(), List.of("no", "yes")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Model m is a regressor; class names ([no, yes]) apply to classifiers only. Leave out "
                        + "--model-classes / model.classes.");
    }
}
