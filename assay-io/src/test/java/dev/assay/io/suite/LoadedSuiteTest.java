package dev.assay.io.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.PredictionColumns;
import dev.assay.core.model.Predictions;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.core.suite.SuiteRunner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadedSuiteTest {

    /** A one-feature scorecard: the longer the credit duration (months), the likelier a bad risk. */
    static final class DurationScorecard implements Model {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> classes;
        boolean closed;

        DurationScorecard() {
            this(List.of("bad", "good"));
        }

        /** The same scorecard with its classes named otherwise, e.g. by index. */
        DurationScorecard(List<String> classes) {
            this.classes = classes;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("duration-scorecard", "java", Task.BINARY, classes,
                    FeatureMapping.numeric(List.of("duration")), new ModelCapabilities(true, false, true, 1024),
                    Map.of("rule", "p(bad) = 1 / (1 + exp(-(duration - 30) / 8))"));
        }

        @Override
        public Predictions predict(Frame features) {
            calls.incrementAndGet();
            NumericColumn duration = features.numeric("duration", "model input");
            int n = features.rowCount();
            int[] predicted = new int[n];
            double[] p = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double bad = 1 / (1 + Math.exp(-(duration.get(i) - 30) / 8));
                p[2 * i] = bad;
                p[2 * i + 1] = 1 - bad;
                predicted[i] = bad >= 0.5 ? 0 : 1;
            }
            return new ClassPredictions(classes, predicted, p);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Path data() throws URISyntaxException {
        return Path.of(LoadedSuiteTest.class.getResource("/data/german_credit.csv").toURI());
    }

    private static SuitePlan suite(String model) throws URISyntaxException {
        return SuiteFileParser.parse("suite.yaml", data().getParent(), """
                suite: scorecard
                data: {current: german_credit.csv, reference: german_credit.csv}
                """ + model + """
                columns: {label: class}
                evaluation: {positive: bad}
                checks:
                  - metrics: [recall, roc_auc]
                    fail: [roc_auc >= 0.6, recall >= reference]
                """);
    }

    @Test
    void theModelPredictsEachDataSetOnceAndChecksReadThePredictions() throws URISyntaxException {
        DurationScorecard model = new DurationScorecard();
        SuiteResult result;
        try (LoadedSuite loaded = LoadedSuite.load(suite("model: scorecard.java\n"), source -> model)) {
            assertThat(loaded.context().current().frame().has(PredictionColumns.PREDICTION)).isTrue();
            assertThat(loaded.context().model()).containsSame(model);
            assertThat(loaded.provenance().model()).containsEntry("name", "duration-scorecard").containsEntry("kind", "java")
                    .containsEntry("task", "binary").containsEntry("classes", "bad, good")
                    .containsEntry("inputs", "1 from columns duration").containsKey("rule");
            result = new SuiteRunner().run(suite("model: scorecard.java\n").suite(), loaded.context(), loaded.provenance());
        }
        assertThat(model.calls.get()).isEqualTo(2);
        assertThat(model.closed).isTrue();
        assertThat(result.checks().get(0).status()).as(result.checks().get(0).message()).isEqualTo(Status.PASS);
        // the scorecard is increasing in duration, so it ranks rows exactly as the raw duration column does
        Frame data = new dev.assay.io.DataReader().read(data(), "current").frame();
        double byDuration = dev.assay.core.metrics.Evaluator.evaluate(data,
                dev.assay.core.data.Schema.builder().label("class").score("duration").build(),
                dev.assay.core.metrics.EvaluationSettings.defaults().withPositiveClass("bad")).metric("roc_auc").value();
        assertThat(result.checks().get(0).measurement("roc_auc").value()).isEqualTo(byDuration);
    }

    @Test
    void classIndicesAreReadAsLabelValuesAndTheReportSaysSo() throws URISyntaxException {
        SuiteResult named;
        try (LoadedSuite loaded = LoadedSuite.load(suite("model: scorecard.java\n"), source -> new DurationScorecard())) {
            named = new SuiteRunner().run(suite("model: scorecard.java\n").suite(), loaded.context(), loaded.provenance());
        }
        SuiteResult indexed;
        try (LoadedSuite loaded = LoadedSuite.load(suite("model: scorecard.java\n"),
                source -> new DurationScorecard(List.of("0", "1")))) {
            assertThat(loaded.provenance().model()).containsEntry("classes", "0, 1").containsEntry("class_mapping",
                    "Model duration-scorecard names its classes by index 0-1; they are read as the values of label column "
                    + "'class' in sorted order, as scikit-learn's LabelEncoder numbers them: 0 = bad, 1 = good. If the model "
                    + "was trained with another order, name its classes with --model-classes (command line) or model.classes "
                    + "(suite file).");
            indexed = new SuiteRunner().run(suite("model: scorecard.java\n").suite(), loaded.context(), loaded.provenance());
        }
        assertThat(indexed.checks().get(0).status()).isEqualTo(Status.PASS);
        for (String metric : List.of("recall", "roc_auc")) {
            assertThat(indexed.checks().get(0).measurement(metric).value()).as(metric)
                    .isEqualTo(named.checks().get(0).measurement(metric).value());
        }
    }

    @Test
    void aModelThatCannotBeLoadedNamesTheSuiteLine() throws URISyntaxException {
        SuitePlan file = suite("model: missing.onnx\n");
        assertThatThrownBy(() -> LoadedSuite.load(file, source -> {
            throw new InvalidInputException("Model file " + source.location() + " does not exist.");
        })).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("suite.yaml line 3: model: Model file")
                .hasMessageContaining("missing.onnx does not exist");
    }

    @Test
    void withoutARegisteredAdapterTheErrorListsTheKnownTypes() throws URISyntaxException {
        SuitePlan file = suite("model: {path: m.bin, type: pickle}\n");
        assertThatThrownBy(() -> LoadedSuite.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown model type 'pickle'");
    }

    @Test
    void aPositiveClassTheLabelLacksIsASuiteErrorAtItsLine() throws URISyntaxException {
        SuitePlan plan = SuiteFileParser.parse("suite.yaml", data().getParent(), """
                suite: scorecard
                data: {current: german_credit.csv}
                columns: {label: class, score: duration}
                evaluation:
                  positive: worse
                checks:
                  - metric: recall
                """);
        assertThatThrownBy(() -> LoadedSuite.load(plan)).isInstanceOf(InvalidInputException.class)
                .hasMessage("suite.yaml line 5: evaluation.positive: the class 'worse' does not occur in column 'class' of "
                        + data() + ", which holds 'bad', 'good'. Give one of these values.");
    }
}
