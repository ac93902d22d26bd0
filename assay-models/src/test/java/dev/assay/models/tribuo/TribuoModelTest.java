package dev.assay.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.datasource.ListDataSource;
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

    @Test
    void probabilitiesSumToOneAndPredictTheMostProbableClass() {
        ExampleData data = ExampleData.germanCredit(ExampleData.repositoryRoot());
        Frame frame = data.read();
        try (TribuoModel model = TribuoModel.load(MODELS.resolve("german_credit_forest.tribuo.gz"))) {
            ClassPredictions p = (ClassPredictions) model.predict(frame);
            assertThat(p.rows()).isEqualTo(1000);
            for (int r = 0; r < p.rows(); r++) {
                assertThat(p.probability(r, 0) + p.probability(r, 1)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(p.probability(r, p.predicted()[r])).isGreaterThanOrEqualTo(p.probability(r, 1 - p.predicted()[r]));
            }
        }
    }

    @Test
    void aRegressorGivesValues() {
        Frame frame = ExampleData.germanCredit(ExampleData.repositoryRoot()).read();
        FeatureMapping mapping = FeatureMapping.numeric(List.of("duration"));
        FeatureMapping.Bound bound = mapping.bind(frame, "test");
        double[] inputs = new double[frame.rowCount()];
        bound.fill(0, frame.rowCount(), inputs);
        NumericColumn amount = frame.numeric("credit_amount", "target");
        List<Regressor> targets = new ArrayList<>();
        for (int r = 0; r < frame.rowCount(); r++) {
            targets.add(new Regressor("credit_amount", amount.get(r) / 1000));
        }
        RegressionFactory factory = new RegressionFactory();
        var source = new ListDataSource<>(TribuoFeatures.examples(targets, new String[] {"duration"}, inputs, frame.rowCount(), 1),
                factory, new SimpleDataSourceProvenance("german credit amounts", factory));
        var trained = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.1), 5, 7L).train(new MutableDataset<>(source));
        try (TribuoModel model = TribuoModel.of("amount", trained)) {
            assertThat(model.info().task()).isEqualTo(Task.REGRESSION);
            assertThat(model.info().classes()).isEmpty();
            ValuePredictions v = (ValuePredictions) model.predict(frame);
            assertThat(v.rows()).isEqualTo(frame.rowCount());
            // longer loans are larger: the fitted slope is positive
            int shortest = 0;
            int longest = 0;
            for (int r = 0; r < frame.rowCount(); r++) {
                shortest = inputs[r] < inputs[shortest] ? r : shortest;
                longest = inputs[r] > inputs[longest] ? r : longest;
            }
            assertThat(v.values()[longest]).isGreaterThan(v.values()[shortest]);
        }
    }

    @Test
    void aFileThatIsNoTribuoModelIsNamed() throws Exception {
        Path bad = dir.resolve("bad.tribuo");
        Files.writeString(bad, "not a model");
        assertThatThrownBy(() -> TribuoModel.load(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("serializeToFile");
        Path missing = dir.resolve("missing.tribuo");
        assertThatThrownBy(() -> TribuoModel.load(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aMissingColumnIsNamed() {
        Frame frame = Frame.of(NumericColumn.of("duration", 12));
        try (TribuoModel model = TribuoModel.load(MODELS.resolve("german_credit_logistic.tribuo.gz"))) {
            assertThatThrownBy(() -> model.predict(frame)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("german_credit_logistic.tribuo.gz").hasMessageContaining("'age'");
        }
    }
}
