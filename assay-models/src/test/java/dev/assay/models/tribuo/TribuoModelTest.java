package dev.assay.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ValuePredictions;
import dev.assay.models.training.ExampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

class TribuoModelTest {
    private static final Path MODELS = ExampleData.repositoryRoot().resolve("examples/models");

    @TempDir
    Path dir;

    @Test
    void loadsACompressedModelWithItsProvenance() {
        try (TribuoModel model = TribuoModel.load(MODELS.resolve("german_credit_logistic.tribuo.gz"))) {
            var info = model.info();
            assertThat(info.kind()).isEqualTo("tribuo");
            assertThat(info.task()).isEqualTo(Task.BINARY);
            assertThat(info.classes()).containsExactlyInAnyOrder("good", "bad");
            assertThat(info.capabilities().probabilities()).isTrue();
            assertThat(info.metadata().get("tribuo.class")).isEqualTo("org.tribuo.classification.sgd.linear.LinearSGDModel");
            assertThat(info.metadata().get("provenance.trainer.class-name"))
                    .isEqualTo("org.tribuo.classification.sgd.linear.LinearSGDTrainer");
            assertThat(info.metadata().get("provenance.trainer.seed")).isEqualTo("42");
            assertThat(info.metadata().get("provenance.trainer.epochs")).isEqualTo("10");
            assertThat(info.metadata()).containsKey("provenance.trained-at");
            assertThat(info.metadata().get("provenance.dataset.datasource.description")).contains("german_credit.csv");
            assertThat(info.features().features()).extracting(FeatureMapping.Feature::column).contains("age", "purpose");
        }
    }

    /**
     * Every row's probabilities and predicted class are exactly Tribuo's own {@code model.predict}
     * on examples built here from the raw rows: each numeric column a feature of its name (zeros
     * included), each category the feature {@code column=level}, as the models were trained.
     */
    @ParameterizedTest
    @CsvSource({"german_credit,german_credit_logistic", "german_credit,german_credit_forest", "adult,adult_logistic",
            "adult,adult_forest"})
    void probabilitiesAndPredictionsAreTribuosOwn(String dataName, String modelName) {
        Path root = ExampleData.repositoryRoot();
        ExampleData data = dataName.equals("adult") ? ExampleData.adult(root) : ExampleData.germanCredit(root);
        Frame all = data.read();
        Frame test = all.slice(ExampleData.split(all.rowCount(), false));
        try (TribuoModel model = TribuoModel.load(MODELS.resolve(modelName + ".tribuo.gz"))) {
            @SuppressWarnings("unchecked")
            org.tribuo.Model<Label> tribuo = (org.tribuo.Model<Label>) model.tribuoModel();
            List<Prediction<Label>> expected = tribuo.predict(examples(test, LabelFactory.UNKNOWN_LABEL));
            ClassPredictions actual = (ClassPredictions) model.predict(test);
            List<String> classes = actual.classes();
            assertThat(actual.rows()).isEqualTo(test.rowCount());
            for (int r = 0; r < test.rowCount(); r++) {
                Prediction<Label> p = expected.get(r);
                assertThat(classes.get(actual.predicted()[r])).as("row %d", r).isEqualTo(p.getOutput().getLabel());
                for (int c = 0; c < classes.size(); c++) {
                    assertThat(actual.probability(r, c)).as("row %d, class %s", r, classes.get(c))
                            .isEqualTo(p.getOutputScores().get(classes.get(c)).getScore());
                }
            }
        }
    }

    @Test
    void aRegressorGivesTribuosOwnValues() {
        Frame frame = ExampleData.germanCredit(ExampleData.repositoryRoot()).read();
        NumericColumn amount = frame.numeric("credit_amount", "target");
        NumericColumn duration = frame.numeric("duration", "input");
        List<Regressor> targets = new ArrayList<>();
        for (int r = 0; r < frame.rowCount(); r++) {
            targets.add(new Regressor("credit_amount", amount.get(r) / 1000));
        }
        Frame inputs = Frame.of(duration);
        RegressionFactory factory = new RegressionFactory();
        var source = new ListDataSource<>(examples(inputs, targets), factory,
                new SimpleDataSourceProvenance("german credit amounts", factory));
        var trained = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.1), 5, 7L).train(new MutableDataset<>(source));
        try (TribuoModel model = TribuoModel.of("amount", trained)) {
            assertThat(model.info().task()).isEqualTo(Task.REGRESSION);
            assertThat(model.info().classes()).isEmpty();
            double[] expected = trained.predict(examples(inputs, RegressionFactory.UNKNOWN_REGRESSOR)).stream()
                    .mapToDouble(p -> p.getOutput().getValues()[0]).toArray();
            assertThat(((ValuePredictions) model.predict(frame)).values()).containsExactly(expected);
        }
    }

    @Test
    void aFileThatIsNoTribuoModelIsNamed() throws Exception {
        Path bad = dir.resolve("bad.tribuo");
        Files.writeString(bad, "not a model");
        assertThatThrownBy(() -> TribuoModel.load(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Tribuo model file " + bad + " is not a Tribuo model (")
                .hasMessageEndingWith("). Expected a model written by Tribuo 4.3's Model.serializeToFile (protobuf), plain or "
                        + "gzip-compressed.");
        Path missing = dir.resolve("missing.tribuo");
        assertThatThrownBy(() -> TribuoModel.load(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Tribuo model file " + missing + " does not exist. Check the path.");
        Path empty = Files.createFile(dir.resolve("empty.tribuo.gz"));
        assertThatThrownBy(() -> TribuoModel.load(empty)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Tribuo model file " + empty + " is empty (0 bytes). It was not written completely; write or copy it "
                        + "again.");
        Path directory = Files.createDirectory(dir.resolve("model.tribuo"));
        assertThatThrownBy(() -> TribuoModel.load(directory)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Tribuo model file " + directory + " is a directory. Give the path of the file itself.");
    }

    @Test
    void aTruncatedCompressedModelIsReportedAsTruncated() throws Exception {
        byte[] bytes = Files.readAllBytes(MODELS.resolve("german_credit_forest.tribuo.gz"));
        Path truncated = dir.resolve("truncated.tribuo.gz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> TribuoModel.load(truncated)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Tribuo model file " + truncated + " is truncated: its gzip stream ends early (Unexpected end of ZLIB "
                        + "input stream). Copy or export the model again.");
        byte[] damaged = bytes.clone();
        Arrays.fill(damaged, 10, 200, (byte) 0x55);
        Path corrupt = dir.resolve("corrupt.tribuo.gz");
        Files.write(corrupt, damaged);
        assertThatThrownBy(() -> TribuoModel.load(corrupt)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Tribuo model file " + corrupt + " starts like a gzip file but is damaged (")
                .hasMessageEndingWith("). Copy or export the model again.");
    }

    @Test
    void aMissingColumnIsNamed() {
        Frame frame = Frame.of(NumericColumn.of("duration", 12));
        try (TribuoModel model = TribuoModel.load(MODELS.resolve("german_credit_logistic.tribuo.gz"))) {
            assertThatThrownBy(() -> model.predict(frame)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("german_credit_logistic.tribuo.gz").hasMessageContaining("'age'");
        }
    }

    @Test
    void aMissingValueIsNamedWithItsRow() {
        Frame three = ExampleData.germanCredit(ExampleData.repositoryRoot()).read().slice(new int[] {0, 1, 2});
        double[] age = three.numeric("age", "test").toArray();
        age[1] = Double.NaN;
        Frame frame = three.withColumn(NumericColumn.wrap("age", age));
        try (TribuoModel model = TribuoModel.load(MODELS.resolve("german_credit_forest.tribuo.gz"))) {
            assertThatThrownBy(() -> model.predict(frame)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("Model german_credit_forest.tribuo.gz cannot score row 2 of " + frame.source() + ": its input "
                            + "'age' is missing, and Tribuo models take no missing values. Fill in or drop the rows with missing "
                            + "values.");
        }
    }

    /** One example per row, all with {@code output}. */
    private static <T extends Output<T>> List<Example<T>> examples(Frame frame, T output) {
        return examples(frame, java.util.Collections.nCopies(frame.rowCount(), output));
    }

    /** One example per row with its output: numeric columns as features of their name, categories as {@code column=level}. */
    private static <T extends Output<T>> List<Example<T>> examples(Frame frame, List<T> outputs) {
        List<Example<T>> out = new ArrayList<>();
        for (int r = 0; r < frame.rowCount(); r++) {
            ArrayExample<T> example = new ArrayExample<>(outputs.get(r));
            for (Column c : frame.columns()) {
                if (c instanceof NumericColumn n) {
                    example.add(c.name(), n.get(r));
                } else if (c instanceof CategoricalColumn cat && !cat.isMissing(r)) {
                    example.add(c.name() + "=" + cat.get(r), 1.0);
                }
            }
            out.add(example);
        }
        return out;
    }
}
