package dev.assay.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.model.ClassPredictions;
import dev.assay.models.tribuo.TribuoModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class TrainingReproducibilityTest {

    @Test
    void trainingTwiceGivesTheSameModels() {
        ExampleData data = ExampleData.germanCredit(ExampleData.repositoryRoot());
        Frame frame = data.read();
        int[] training = ExampleData.split(frame.rowCount(), true);
        Frame small = frame.slice(Arrays.copyOf(training, 300));
        Frame test = frame.slice(ExampleData.split(frame.rowCount(), false));
        MutableDataset<Label> first = TrainExampleModels.dataset(data, small);
        MutableDataset<Label> second = TrainExampleModels.dataset(data, small);

        assertSame(TrainExampleModels.logistic(first), TrainExampleModels.logistic(second), test);
        Model<Label> forestA = TrainExampleModels.forest(first);
        Model<Label> forestB = TrainExampleModels.forest(second);
        assertSame(forestA, forestB, test);
        assertThat(TrainExampleModels.onnx(forestA, "f").toByteArray()).isEqualTo(TrainExampleModels.onnx(forestB, "f").toByteArray());
    }

    @Test
    void theSplitIsFixedAndDisjoint() {
        int[] train = ExampleData.split(1000, true);
        int[] test = ExampleData.split(1000, false);
        assertThat(train).hasSize(700).doesNotContain(test);
        assertThat(test).hasSize(300);
        assertThat(ExampleData.split(1000, false)).isEqualTo(test);
    }

    private static void assertSame(Model<Label> a, Model<Label> b, Frame test) {
        ClassPredictions pa = (ClassPredictions) TribuoModel.of("a", a).predict(test);
        ClassPredictions pb = (ClassPredictions) TribuoModel.of("b", b).predict(test);
        assertThat(pa.classes()).isEqualTo(pb.classes());
        assertThat(pa.probabilities()).containsExactly(pb.probabilities());
        assertThat(pa.predicted()).containsExactly(pb.predicted());
    }
}
