package dev.assay.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.core.model.PredictedDataset;
import dev.assay.core.model.PredictionColumns;
import dev.assay.models.http.InferenceServer;
import dev.assay.models.training.ClassIndexModels;
import dev.assay.models.training.ExampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The German-credit forest with its classes named by index (0 = bad, 1 = good, an int64 label
 * output, as scikit-learn exports a model trained on LabelEncoder codes) evaluated against the label
 * column of names: every metric equals that of the same forest with named classes.
 */
class ClassIndexModelTest {
    private static final Path MODELS = ExampleData.repositoryRoot().resolve("examples/models");
    private static final EvaluationSettings SETTINGS = EvaluationSettings.defaults().withPositiveClass("bad");
    private static final String NOTE = "Model indices.onnx names its classes by index 0-1; they are read as the values of label "
            + "column 'class' in sorted order, as scikit-learn's LabelEncoder numbers them: 0 = bad, 1 = good. If the model was "
            + "trained with another order, name its classes with --model-classes (command line) or model.classes (suite file).";
    private static Frame heldOut;

    @TempDir
    static Path dir;

    @BeforeAll
    static void readData() {
        Frame all = ExampleData.germanCredit(ExampleData.repositoryRoot()).read();
        heldOut = all.slice(ExampleData.split(all.rowCount(), false));
    }

    private static OnnxMl.ModelProto forest() throws Exception {
        return OnnxMl.ModelProto.parseFrom(Files.readAllBytes(MODELS.resolve("german_credit_forest.onnx")));
    }

    private static Path write(String name, OnnxMl.ModelProto model) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, model.toByteArray());
        return file;
    }

    private static PredictedDataset predict(Model model, String label) {
        Dataset data = Dataset.of("current", heldOut, Schema.builder().label(label).build());
        return PredictionColumns.attach(data, model.predict(heldOut), model.info().name());
    }

    private static Evaluation evaluate(PredictedDataset predicted) {
        return Evaluator.evaluate(predicted.dataset().frame(), predicted.dataset().schema(), SETTINGS);
    }

    private static void assertSameMetrics(Evaluation actual, Evaluation expected) {
        assertThat(actual.metricIds()).isEqualTo(expected.metricIds());
        for (String id : expected.metricIds()) {
            assertThat(Double.valueOf(actual.metric(id).value())).as(id).isEqualTo(Double.valueOf(expected.metric(id).value()));
            assertThat(actual.metric(id).defined()).as(id).isEqualTo(expected.metric(id).defined());
        }
    }

    @Test
    void theExampleIsTheForestWithIndexClasses() throws Exception {
        assertThat(Files.readAllBytes(MODELS.resolve("german_credit_forest_indices.onnx")))
                .isEqualTo(ClassIndexModels.indexed(forest(), false).toByteArray());
    }

    @Test
    void indexProbabilitiesAreEvaluatedAsTheNamedModel() throws Exception {
        Path indexed = write("indices.onnx", ClassIndexModels.indexed(forest(), false));
        try (OnnxModel named = OnnxModel.load(MODELS.resolve("german_credit_forest.onnx"));
                OnnxModel byIndex = OnnxModel.load(indexed)) {
            assertThat(byIndex.info().classes()).containsExactly("0", "1");
            assertThat(byIndex.info().metadata()).containsEntry("output.label", "int64[-1]");
            PredictedDataset expected = predict(named, "class");
            PredictedDataset actual = predict(byIndex, "class");
            assertThat(expected.notes()).isEmpty();
            assertThat(actual.notes()).containsExactly(NOTE);
            assertThat(actual.dataset().schema().classProbabilities()).containsOnlyKeys("bad", "good");
            Evaluation e = evaluate(actual);
            assertSameMetrics(e, evaluate(expected));
            assertThat(e.rows()).isEqualTo(300);
            assertThat(e.metric("accuracy").value()).isEqualTo(218.0 / 300);
            assertThat(e.metric("recall").value()).isEqualTo(31.0 / 93);
        }
    }

    @Test
    void anInt64LabelOutputIsEvaluatedAsTheNamedLabel() throws Exception {
        Path indexed = write("label-indices.onnx", ClassIndexModels.indexed(forest(), true));
        Path named = write("label-names.onnx", ClassIndexModels.labelOnly(forest()));
        try (OnnxModel byName = OnnxModel.load(named); OnnxModel byIndex = OnnxModel.load(indexed)) {
            assertThat(byIndex.info().capabilities().probabilities()).isFalse();
            assertThat(byIndex.info().classes()).containsExactly("0", "1");
            PredictedDataset expected = predict(byName, "class");
            PredictedDataset actual = predict(byIndex, "class");
            assertThat(actual.notes()).hasSize(1);
            assertThat(actual.dataset().frame().column(PredictionColumns.PREDICTION).format(0))
                    .isEqualTo(expected.dataset().frame().column(PredictionColumns.PREDICTION).format(0));
            Evaluation e = evaluate(actual);
            assertSameMetrics(e, evaluate(expected));
            // ONNX Runtime's binary tree ensemble labels by a threshold on one score, not by the argmax
            assertThat(e.metric("accuracy").value()).isEqualTo(207.0 / 300);
        }
    }

    @Test
    void explicitClassesWinOverTheSortedOrder() throws Exception {
        Path indexed = write("indices.onnx", ClassIndexModels.indexed(forest(), false));
        try (OnnxModel named = OnnxModel.load(MODELS.resolve("german_credit_forest.onnx"));
                Model given = ModelLoaders.load(new ModelSource(indexed.toString(), null, Map.of(), List.of("bad", "good")));
                Model reversed = ModelLoaders.load(new ModelSource(indexed.toString(), null, Map.of(), List.of("good", "bad")))) {
            assertThat(given.info().classes()).containsExactly("bad", "good");
            assertThat(given.info().metadata()).containsEntry("model_classes", "0, 1");
            PredictedDataset byName = predict(given, "class");
            assertThat(byName.notes()).as("no guess was needed").isEmpty();
            assertSameMetrics(evaluate(byName), evaluate(predict(named, "class")));

            ClassPredictions swapped = (ClassPredictions) reversed.predict(heldOut);
            ClassPredictions right = (ClassPredictions) given.predict(heldOut);
            assertThat(swapped.classes()).containsExactly("good", "bad");
            assertThat(swapped.predicted()).isEqualTo(right.predicted());
            assertThat(evaluate(predict(reversed, "class")).metric("accuracy").value()).isEqualTo(82.0 / 300);
        }
    }

    @Test
    void aServedIndexModelIsEvaluatedAsTheNamedModel() throws Exception {
        Path indexed = write("indices.onnx", ClassIndexModels.indexed(forest(), false));
        try (OnnxModel named = OnnxModel.load(MODELS.resolve("german_credit_forest.onnx"));
                OnnxModel byIndex = OnnxModel.load(indexed);
                InferenceServer server = InferenceServer.start(byIndex, "credit");
                Model remote = ModelLoaders.load(new ModelSource(server.baseUri().toString(), null, Map.of("name", "credit")));
                Model given = ModelLoaders.load(new ModelSource(server.baseUri().toString(), null, Map.of("name", "credit"),
                        List.of("bad", "good")))) {
            assertThat(remote.info().classes()).as("published by the server").containsExactly("0", "1");
            PredictedDataset guessed = predict(remote, "class");
            assertThat(guessed.notes()).containsExactly(NOTE.replace("Model indices.onnx", "Model credit"));
            Evaluation expected = evaluate(predict(named, "class"));
            assertSameMetrics(evaluate(guessed), expected);
            assertThat(given.info().classes()).containsExactly("bad", "good");
            PredictedDataset explicit = predict(given, "class");
            assertThat(explicit.notes()).isEmpty();
            assertSameMetrics(evaluate(explicit), expected);
        }
    }

    @Test
    void classesThatCannotBeMatchedAreAnErrorNamingBothSets() throws Exception {
        Path indexed = write("indices.onnx", ClassIndexModels.indexed(forest(), false));
        try (OnnxModel byIndex = OnnxModel.load(indexed)) {
            assertThatThrownBy(() -> predict(byIndex, "housing"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Model indices.onnx predicts the classes [0, 1], which do not match the values of label column "
                            + "'housing' [for free, own, rent]: it names 2 classes by index, the label has 3 distinct values. "
                            + "Name the model's classes in the order of its outputs with --model-classes (command line) or "
                            + "model.classes (suite file), e.g. --model-classes for free,own,rent.");
        }
        assertThatThrownBy(() -> ModelLoaders.load(new ModelSource(indexed.toString(), null, Map.of(), List.of("no", "maybe", "yes"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Model indices.onnx has 2 classes [0, 1], but 3 class names were given: [no, maybe, yes]. Name the "
                        + "model's classes in the order of its outputs with --model-classes (command line) or model.classes "
                        + "(suite file), one name per class.");
    }
}
