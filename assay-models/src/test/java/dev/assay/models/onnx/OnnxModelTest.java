package dev.assay.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
    private static final Path MODELS = ExampleData.repositoryRoot().resolve("examples/models");
    private static Frame heldOut;

    @TempDir
    Path dir;

    @BeforeAll
    static void readData() {
        ExampleData data = ExampleData.germanCredit(ExampleData.repositoryRoot());
        Frame frame = data.read();
        heldOut = frame.slice(ExampleData.split(frame.rowCount(), false));
    }

    @Test
    void reproducesOnnxRuntimeCalledWithAHandBuiltTensor() throws Exception {
        Path file = MODELS.resolve("german_credit_forest.onnx");
        try (OnnxModel model = OnnxModel.load(file)) {
            FeatureMapping mapping = model.info().features();
            int rows = 25;
            float[][] input = new float[rows][mapping.width()];
            for (int r = 0; r < rows; r++) {
                int j = 0;
                for (FeatureMapping.Feature f : mapping.features()) {
                    Column c = heldOut.column(f.column());
                    if (f.encoding() instanceof FeatureMapping.OneHot o) {
                        for (String level : o.levels()) {
                            input[r][j++] = level.equals(c.format(r)) ? 1f : 0f;
                        }
                    } else {
                        input[r][j++] = (float) ((NumericColumn) c).get(r);
                    }
                }
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            float[][] expected;
            try (OrtSession session = env.createSession(file.toString());
                    OnnxTensor tensor = OnnxTensor.createTensor(env, input);
                    OrtSession.Result result = session.run(Map.of("input", tensor))) {
                expected = (float[][]) result.get("probabilities").orElseThrow().getValue();
            }
            ClassPredictions p = (ClassPredictions) model.predict(heldOut.slice(range(rows)));
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < 2; c++) {
                    assertThat(p.probability(r, c)).isEqualTo((double) expected[r][c]);
                }
            }
        }
    }

    /**
     * The Adult forest's float32 probabilities reach 1.0000001 on some rows (the trees' votes summed in
     * float32); they come out pinned to 1, and every probability lies in [0, 1].
     */
    @Test
    void float32RoundingJustAboveOneIsPinnedToOne() {
        Frame adult = ExampleData.adult(ExampleData.repositoryRoot()).read();
        try (OnnxModel model = OnnxModel.load(MODELS.resolve("adult_forest.onnx"))) {
            ClassPredictions p = (ClassPredictions) model.predict(adult.slice(range(200)));
            assertThat(java.util.Arrays.stream(p.probabilities()).max().orElseThrow()).isEqualTo(1.0);
            assertThat(java.util.Arrays.stream(p.probabilities()).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
            assertThat(p.probabilities()).contains(1.0);
        }
        assertThat(Float32Probability.widen(Math.nextUp(1f))).isEqualTo(1.0);
        assertThat(Float32Probability.widen(-Math.ulp(1f))).isEqualTo(0.0);
        assertThat(Float32Probability.widen(1.001f)).isEqualTo((double) 1.001f);
        assertThat(Float32Probability.widen(0.25f)).isEqualTo(0.25);
    }

    @Test
    void batchSizeDoesNotChangeThePredictions() {
        Path file = MODELS.resolve("german_credit_logistic.onnx");
        List<ClassPredictions> results = new ArrayList<>();
        for (int batch : new int[] {1, 7, 4096}) {
            try (OnnxModel model = OnnxModel.load(file, OnnxModel.Options.defaults().withBatchSize(batch))) {
                assertThat(model.info().capabilities().preferredBatchSize()).isEqualTo(batch);
                results.add((ClassPredictions) model.predict(heldOut));
            }
        }
        for (ClassPredictions p : results) {
            assertThat(p.rows()).isEqualTo(heldOut.rowCount());
            assertThat(p.probabilities()).containsExactly(results.get(0).probabilities());
            assertThat(p.predicted()).containsExactly(results.get(0).predicted());
        }
    }

    @Test
    void readsTheModelsMetadata() throws Exception {
        Path file = MODELS.resolve("german_credit_forest.onnx");
        try (OnnxModel model = OnnxModel.load(file)) {
            var info = model.info();
            assertThat(info.name()).isEqualTo("german_credit_forest.onnx");
            assertThat(info.kind()).isEqualTo("onnx");
            assertThat(info.task()).isEqualTo(Task.BINARY);
            assertThat(info.classes()).containsExactlyInAnyOrder("good", "bad");
            assertThat(info.capabilities().probabilities()).isTrue();
            assertThat(info.capabilities().gradients()).isFalse();
            assertThat(info.capabilities().threadSafe()).isTrue();
            assertThat(info.features().features()).extracting(FeatureMapping.Feature::column).contains("age", "checking_status");
            Map<String, String> m = info.metadata();
            assertThat(m.get("fingerprint")).isEqualTo("sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            assertThat(m.get("producer")).isEqualTo("assay");
            assertThat(m.get("opsets")).isEqualTo("ai.onnx=17, ai.onnx.ml=1");
            assertThat(m.get("graph")).isEqualTo("german_credit_forest");
            assertThat(m.get("input.input")).isEqualTo("float[-1, " + info.features().width() + "]");
            assertThat(m.get("output.probabilities")).isEqualTo("float[-1, 2]");
            assertThat(m.get("output.label")).isEqualTo("string[-1]");
        }
        try (OnnxModel linear = OnnxModel.load(MODELS.resolve("german_credit_logistic.onnx"))) {
            assertThat(linear.info().metadata().get("producer")).isEqualTo("Tribuo");
            assertThat(linear.info().metadata()).containsKey("onnx.metadata.TRIBUO_PROVENANCE");
        }
    }

    @Test
    void aCorruptFileIsReportedWithItsName() throws Exception {
        Path corrupt = dir.resolve("corrupt.onnx");
        Files.writeString(corrupt, "this is not an ONNX model, only some text");
        assertThatThrownBy(() -> OnnxModel.load(corrupt)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(corrupt.toString()).hasMessageContaining("export the model again");
    }

    @Test
    void aTruncatedFileIsReportedWithItsName() throws Exception {
        byte[] bytes = Files.readAllBytes(MODELS.resolve("german_credit_forest.onnx"));
        Path truncated = dir.resolve("truncated.onnx");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> OnnxModel.load(truncated)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(truncated.toString());
    }

    @Test
    void binaryGarbageNamedOnnxIsReportedAsNoOnnxModel() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Path file = dir.resolve("garbage.onnx");
        Files.write(file, garbage);
        assertThatThrownBy(() -> OnnxModel.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ONNX model file " + file + " is not an ONNX model (")
                .hasMessageEndingWith("). The file is damaged, truncated or of another format; export the model again.");
    }

    @Test
    void anEmptyFileAndADirectoryAreNamedAsSuch() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertThatThrownBy(() -> OnnxModel.load(empty)).isInstanceOf(InvalidInputException.class)
                .hasMessage("ONNX model file " + empty + " is empty (0 bytes). It was not written completely; write or copy it again.");
        Path directory = Files.createDirectory(dir.resolve("model.onnx"));
        assertThatThrownBy(() -> OnnxModel.load(directory)).isInstanceOf(InvalidInputException.class)
                .hasMessage("ONNX model file " + directory + " is a directory. Give the path of the file itself.");
    }

    @Test
    void classLabelsThatDoNotFitTheProbabilitiesAreRefused() throws Exception {
        Path threeLabels = rewrite("german_credit_forest.onnx", "three.onnx",
                m -> setMetadata(m, OnnxModel.CLASSES_KEY, "[\"good\", \"bad\", \"unknown\"]"));
        assertThatThrownBy(() -> OnnxModel.load(threeLabels)).isInstanceOf(InvalidInputException.class)
                .hasMessage("ONNX model " + threeLabels + " names 3 classes [good, bad, unknown], but its probability output "
                        + "'probabilities' has 2 columns. Correct the 'assay.classes' metadata (or the classlabels attribute) so "
                        + "that it lists one label per column.");
        Path twice = rewrite("german_credit_forest.onnx", "twice.onnx",
                m -> setMetadata(m, OnnxModel.CLASSES_KEY, "[\"good\", \"good\"]"));
        assertThatThrownBy(() -> OnnxModel.load(twice)).isInstanceOf(InvalidInputException.class)
                .hasMessage("The 'assay.classes' metadata of ONNX model " + twice + " lists a class twice: [good, good]. Each "
                        + "class label must appear once, in probability order.");
        Path notAnArray = rewrite("german_credit_forest.onnx", "object.onnx",
                m -> setMetadata(m, OnnxModel.CLASSES_KEY, "{\"good\": 0}"));
        assertThatThrownBy(() -> OnnxModel.load(notAnArray)).isInstanceOf(InvalidInputException.class)
                .hasMessage("The 'assay.classes' metadata of ONNX model " + notAnArray + " is not a JSON array of class labels "
                        + "(not an array). Write it as e.g. [\"no\", \"yes\"].");
    }

    /** A copy of an example model, changed by {@code change}, written to the test directory. */
    private Path rewrite(String example, String name, java.util.function.Consumer<ai.onnx.proto.OnnxMl.ModelProto.Builder> change)
            throws Exception {
        ai.onnx.proto.OnnxMl.ModelProto.Builder model = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(
                Files.readAllBytes(MODELS.resolve(example))).toBuilder();
        change.accept(model);
        Path file = dir.resolve(name);
        Files.write(file, model.build().toByteArray());
        return file;
    }

    private static void setMetadata(ai.onnx.proto.OnnxMl.ModelProto.Builder model, String key, String value) {
        for (int i = 0; i < model.getMetadataPropsCount(); i++) {
            if (model.getMetadataProps(i).getKey().equals(key)) {
                model.setMetadataProps(i, TreeEnsembleOnnxExporter.property(key, value));
                return;
            }
        }
        model.addMetadataProps(TreeEnsembleOnnxExporter.property(key, value));
    }

    @Test
    void aMissingFileIsReported() {
        Path missing = dir.resolve("missing.onnx");
        assertThatThrownBy(() -> OnnxModel.load(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aMissingInputColumnIsNamed() {
        Frame withoutAge = heldOut.select(heldOut.columnNames().stream().filter(c -> !c.equals("age")).toList());
        try (OnnxModel model = OnnxModel.load(MODELS.resolve("german_credit_logistic.onnx"))) {
            assertThatThrownBy(() -> model.predict(withoutAge)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("german_credit_logistic.onnx").hasMessageContaining("'age'");
        }
    }

    @Test
    void aColumnOfTheWrongTypeIsNamed() {
        String[] ages = new String[heldOut.rowCount()];
        for (int r = 0; r < ages.length; r++) {
            ages[r] = heldOut.column("age").format(r);
        }
        List<Column> columns = new ArrayList<>();
        for (Column c : heldOut.columns()) {
            columns.add(c.name().equals("age") ? CategoricalColumn.of("age", ages) : c);
        }
        Frame wrong = Frame.of(columns);
        try (OnnxModel model = OnnxModel.load(MODELS.resolve("german_credit_logistic.onnx"))) {
            assertThatThrownBy(() -> model.predict(wrong)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("german_credit_logistic.onnx").hasMessageContaining("age");
        }
    }

    @Test
    void anEmptyFrameGivesNoPredictions() {
        try (OnnxModel model = OnnxModel.load(MODELS.resolve("german_credit_logistic.onnx"))) {
            ClassPredictions p = (ClassPredictions) model.predict(heldOut.slice(new int[0]));
            assertThat(p.rows()).isZero();
            assertThat(p.probabilities()).isEmpty();
        }
    }

    @Test
    void perColumnInputsFeedARegressor() throws Exception {
        Path file = dir.resolve("sum.onnx");
        Files.write(file, HandBuiltModels.perColumnRegressor());
        Frame frame = Frame.of(NumericColumn.of("b", 1, 2, 3), NumericColumn.of("a", 0.5, -1, 10), CategoricalColumn.of("other", "x", "y", "z"));
        try (OnnxModel model = OnnxModel.load(file, OnnxModel.Options.defaults().withBatchSize(2))) {
            assertThat(model.info().task()).isEqualTo(Task.REGRESSION);
            assertThat(model.info().features().features()).extracting(FeatureMapping.Feature::column).containsExactly("a", "b");
            assertThat(((ValuePredictions) model.predict(frame)).values()).containsExactly(2.0, 0.0, 23.0);
            Frame text = Frame.of(CategoricalColumn.of("a", "p", "q"), NumericColumn.of("b", 1, 2));
            assertThatThrownBy(() -> model.predict(text)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("sum.onnx").hasMessageContaining("input 'a'").hasMessageContaining("column 'a'");
        }
    }

    @Test
    void zipMapProbabilitiesAndTheirClassLabelsAreRead() throws Exception {
        Path file = dir.resolve("zip.onnx");
        Files.write(file, HandBuiltModels.zipMapClassifier());
        assertThatThrownBy(() -> OnnxModel.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(OnnxModel.FEATURES_KEY);
        FeatureMapping mapping = FeatureMapping.numeric(List.of("u", "v"));
        Frame frame = Frame.of(NumericColumn.of("u", 2, 0), NumericColumn.of("v", 0, 1));
        try (OnnxModel model = OnnxModel.load(file, OnnxModel.Options.defaults().withFeatures(mapping))) {
            assertThat(model.info().classes()).containsExactly("no", "yes");
            assertThat(model.info().metadata().get("output.probabilities")).isEqualTo("seq(map(string, float))");
            ClassPredictions p = (ClassPredictions) model.predict(frame);
            // scores: row 1 (2, -1.5) -> softmax; row 2 (-1, 1.5)
            double yes1 = 1 / (1 + Math.exp(2 - -1.5));
            double yes2 = 1 / (1 + Math.exp(-1 - 1.5));
            assertThat(p.probability(0, 1)).isCloseTo(yes1, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(p.probability(1, 1)).isCloseTo(yes2, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(p.predicted()).containsExactly(0, 1);
        }
    }

    private static int[] range(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
