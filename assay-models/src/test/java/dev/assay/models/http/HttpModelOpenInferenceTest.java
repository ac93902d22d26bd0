package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ValuePredictions;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpModelOpenInferenceTest {
    private static LogisticRegressionModel classifier;
    private static LinearRegressionModel regressor;
    private static InferenceServer classifierServer;
    private static InferenceServer regressorServer;

    @BeforeAll
    static void serve() {
        classifier = LogisticRegressionModel.fit(GermanCredit.train(), GermanCredit.mapping(), "class", "bad", "good");
        FeatureMapping amountInputs = new FeatureMapping(List.of(FeatureMapping.Feature.numeric("duration"),
                FeatureMapping.Feature.numeric("age"), FeatureMapping.Feature.numeric("installment_commitment"),
                FeatureMapping.Feature.oneHot("purpose", ((CategoricalColumn) GermanCredit.train().column("purpose")).levels()),
                FeatureMapping.Feature.ordinal("job", ((CategoricalColumn) GermanCredit.train().column("job")).levels())));
        regressor = LinearRegressionModel.fit(GermanCredit.train(), amountInputs, "credit_amount");
        classifierServer = InferenceServer.start(classifier, "credit");
        regressorServer = InferenceServer.start(regressor, "amount");
    }

    @AfterAll
    static void stop() {
        classifierServer.close();
        regressorServer.close();
    }

    /** 2000 rows: the 1000 German credit rows twice, so that 1024-row batches split the data. */
    private static Frame twoThousandRows() {
        return GermanCredit.all().slice(IntStream.range(0, 2000).map(i -> i % 1000).toArray());
    }

    @Test
    void theFittedClassifierIsARealModel() {
        ClassPredictions p = (ClassPredictions) classifier.predict(GermanCredit.test());
        CategoricalColumn truth = (CategoricalColumn) GermanCredit.test().column("class");
        long correct = IntStream.range(0, p.rows()).filter(i -> p.classes().get(p.predicted()[i]).equals(truth.get(i))).count();
        assertThat(correct).as("held-out rows predicted right, of %d", p.rows()).isEqualTo(218);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 1024})
    void classifierPredictionsOverHttpEqualTheInProcessOnes(int batchSize) {
        Frame data = batchSize == 1 ? GermanCredit.test() : twoThousandRows();
        try (HttpModel remote = HttpModel.openInference(classifierServer.baseUri(), "credit").features(GermanCredit.mapping())
                .batchSize(batchSize).build()) {
            ClassPredictions expected = (ClassPredictions) classifier.predict(data);
            ClassPredictions actual = (ClassPredictions) remote.predict(data);
            assertThat(actual.classes()).containsExactly("bad", "good");
            assertThat(actual.predicted()).containsExactly(expected.predicted());
            assertThat(actual.probabilities()).containsExactly(expected.probabilities());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 1024})
    void regressionValuesOverHttpEqualTheInProcessOnes(int batchSize) {
        Frame data = batchSize == 1 ? GermanCredit.test() : twoThousandRows();
        try (HttpModel remote = HttpModel.openInference(regressorServer.baseUri(), "amount").features(regressor.info().features())
                .batchSize(batchSize).build()) {
            assertThat(remote.info().task()).isEqualTo(Task.REGRESSION);
            double[] expected = ((ValuePredictions) regressor.predict(data)).values();
            assertThat(((ValuePredictions) remote.predict(data)).values()).containsExactly(expected);
        }
    }

    @Test
    void oneTensorPerColumnCarriesTheRawValues() {
        try (HttpModel remote = HttpModel.openInference(classifierServer.baseUri(), "credit").features(GermanCredit.mapping())
                .inputLayout(HttpModel.InputLayout.COLUMNS).batchSize(128).build()) {
            Frame data = GermanCredit.test();
            ClassPredictions expected = (ClassPredictions) classifier.predict(data);
            ClassPredictions actual = (ClassPredictions) remote.predict(data);
            assertThat(actual.predicted()).containsExactly(expected.predicted());
            assertThat(actual.probabilities()).containsExactly(expected.probabilities());
        }
    }

    @Test
    void fp32InputsAreRoundedToFloatOnly() {
        try (HttpModel remote = HttpModel.openInference(classifierServer.baseUri(), "credit").features(GermanCredit.mapping())
                .tensorType(HttpModel.TensorType.FP32).build()) {
            Frame data = GermanCredit.test();
            double[] expected = ((ClassPredictions) classifier.predict(data)).probabilities();
            double[] actual = ((ClassPredictions) remote.predict(data)).probabilities();
            assertThat(actual).containsExactly(expected, within(1e-6));
        }
    }

    @Test
    void metadataGivesTheTaskClassesAndTensorsForTheReport() {
        try (HttpModel remote = HttpModel.openInference(classifierServer.baseUri(), "credit").features(GermanCredit.mapping())
                .batchSize(32).build()) {
            assertThat(remote.info().task()).isEqualTo(Task.BINARY);
            assertThat(remote.info().classes()).containsExactly("bad", "good");
            assertThat(remote.info().kind()).isEqualTo("http");
            assertThat(remote.info().capabilities().probabilities()).isTrue();
            assertThat(remote.info().capabilities().threadSafe()).isTrue();
            assertThat(remote.info().capabilities().preferredBatchSize()).isEqualTo(32);
            int width = GermanCredit.mapping().width();
            assertThat(remote.info().metadata())
                    .containsEntry("protocol", "open-inference-v2")
                    .containsEntry("server_model_name", "credit")
                    .containsEntry("server_platform", "assay-java")
                    .containsEntry("server_inputs", "input:FP64[-1," + width + "]")
                    .containsEntry("server_outputs", "label:BYTES[-1] probabilities:FP64[-1,2]")
                    .containsEntry("endpoint", classifierServer.baseUri() + "/v2/models/credit");
        }
    }

    @Test
    void configuredClassesAndOutputsOverrideTheMetadata() {
        try (HttpModel remote = HttpModel.openInference(classifierServer.baseUri(), "credit").features(GermanCredit.mapping())
                .classes(List.of("bad", "good")).task(Task.BINARY).labelOutput("none").probabilityOutput("probabilities").build()) {
            Frame data = GermanCredit.test();
            ClassPredictions expected = (ClassPredictions) classifier.predict(data);
            ClassPredictions actual = (ClassPredictions) remote.predict(data);
            assertThat(actual.predicted()).as("argmax of the probabilities when no label output is returned")
                    .containsExactly(expected.predicted());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TENSOR", "COLUMNS"})
    void missingValuesTravelAsNull(String layout) {
        Frame five = GermanCredit.test().slice(new int[] {0, 1, 2, 3, 4});
        double[] age = five.numeric("age", "test").toArray();
        age[1] = Double.NaN;
        String[] purpose = new String[5];
        for (int r = 0; r < 5; r++) {
            purpose[r] = r == 2 ? null : five.column("purpose").format(r);
        }
        Frame data = five.withColumn(dev.assay.core.data.NumericColumn.wrap("age", age))
                .withColumn(CategoricalColumn.of("purpose", purpose));
        try (HttpModel remote = HttpModel.openInference(classifierServer.baseUri(), "credit").features(GermanCredit.mapping())
                .inputLayout(HttpModel.InputLayout.valueOf(layout)).build()) {
            ClassPredictions expected = (ClassPredictions) classifier.predict(data);
            ClassPredictions actual = (ClassPredictions) remote.predict(data);
            assertThat(expected.probability(1, 0)).isNaN();
            assertThat(actual.probability(1, 0)).isNaN();
            assertThat(actual.probability(2, 0)).isEqualTo(expected.probability(2, 0));
            assertThat(actual.predicted()).containsExactly(expected.predicted());
        }
    }

    @Test
    void anEmptyFrameNeedsNoRequest() {
        try (HttpModel remote = HttpModel.openInference(classifierServer.baseUri(), "credit").features(GermanCredit.mapping())
                .build()) {
            ClassPredictions p = (ClassPredictions) remote.predict(GermanCredit.test().filter(r -> false));
            assertThat(p.rows()).isZero();
            assertThat(p.probabilities()).isEmpty();
        }
    }
}
