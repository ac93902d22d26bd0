package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    /** German credit's held-out rows with a scikit-learn logistic regression's stored predictions. */
    static final String GERMAN_TEST = resource("/data/german_credit_test_predictions.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void binaryJsonOutputMatchesScikitLearnOnTheDemoData() throws IOException {
        assertMatchesGolden("german_test_evaluate.json", 15, "--data", GERMAN_TEST, "--label", "class", "--score", "proba_bad",
                "--prediction", "predicted", "--positive", "bad");
    }

    @Test
    void multiclassJsonOutputMatchesScikitLearnOnIris() throws IOException {
        assertMatchesGolden("iris_evaluate.json", 9, "--data", resource("/data/iris_predictions.csv"), "--label", "species",
                "--proba-prefix", "proba_", "--prediction", "predicted");
    }

    @Test
    void regressionJsonOutputMatchesScikitLearnOnDiabetes() throws IOException {
        assertMatchesGolden("diabetes_evaluate.json", 8, "--data", resource("/data/diabetes_predictions.csv"), "--label",
                "target", "--prediction", "predicted", "--task", "regression");
    }

    static String resource(String name) {
        try {
            return Path.of(EvaluateCommandTest.class.getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs evaluate with --format json and compares every metric of the golden file to 1e-9. */
    private static void assertMatchesGolden(String goldenFile, int expectedMetrics, String... args) throws IOException {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("evaluate", "--format", "json"),
                java.util.Arrays.stream(args)).toArray(String[]::new);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode output = JSON.readTree(run.out());
        JsonNode golden;
        try (InputStream in = EvaluateCommandTest.class.getResourceAsStream("/golden/" + goldenFile)) {
            golden = JSON.readTree(in);
        }
        assertThat(output.get("rows").asInt()).isEqualTo(golden.get("rows").asInt());
        Iterator<Map.Entry<String, JsonNode>> expected = golden.get("metrics").fields();
        int compared = 0;
        while (expected.hasNext()) {
            Map.Entry<String, JsonNode> e = expected.next();
            JsonNode actual = output.get("metrics").get(e.getKey());
            assertThat(actual).as("metric %s in %s", e.getKey(), run.out()).isNotNull();
            double value = actual.isObject() ? actual.get("value").asDouble() : actual.asDouble();
            assertThat(Math.abs(value - e.getValue().asDouble()))
                    .as("%s: assay %s, scikit-learn %s", e.getKey(), value, e.getValue())
                    .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(e.getValue().asDouble())));
            compared++;
        }
        assertThat(compared).isEqualTo(expectedMetrics);
        JsonNode confusion = output.get("confusion_matrix");
        if (golden.has("confusion_matrix")) {
            assertThat(confusion.get("labels")).isEqualTo(golden.get("confusion_matrix").get("labels"));
            assertThat(confusion.get("counts")).isEqualTo(golden.get("confusion_matrix").get("counts"));
            assertThat(confusion.get("weighted").asBoolean()).isFalse();
        } else {
            assertThat(confusion.isNull()).as("regression has no confusion matrix").isTrue();
        }
    }

    @Test
    void textOutputListsMetricsAndThePositiveClass() {
        CliRun run = CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--score", "proba_bad", "--positive", "bad");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("binary evaluation of").contains("(300 rows)").contains("'bad'")
                .containsPattern("roc_auc\\s+0\\.750195").containsPattern("accuracy\\s+0\\.");
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static void assertInputError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as("exit code; out=%s err=%s", run.out(), run.err()).isEqualTo(2);
        for (String f : fragments) {
            assertThat(run.err()).contains(f);
        }
    }

    @Test
    void missingFile() {
        assertInputError(CliRun.of("evaluate", "--data", dir.resolve("nope.csv").toString(), "--label", "y"), "nope.csv");
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        assertInputError(CliRun.of("evaluate", "--data", write("empty.csv", "").toString(), "--label", "y"), "empty.csv", "empty");
        assertInputError(CliRun.of("evaluate", "--data", write("header.csv", "y,score\n").toString(), "--label", "y"),
                "header.csv", "no data rows");
    }

    @Test
    void unknownColumnSuggestsTheRightOne() {
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "clas", "--score", "proba_bad"),
                "Unknown column 'clas'", "Did you mean 'class'?");
    }

    @Test
    void singleClassLabelStillComputesTheOtherMetrics() throws IOException {
        Path p = write("one.csv", "y,score\n1,0.9\n1,0.4\n1,0.7\n");
        CliRun run = CliRun.of("evaluate", "--data", p.toString(), "--label", "y", "--score", "score");
        assertInputError(run, "roc_auc");
        assertThat(run.out()).containsPattern("accuracy\\s+0\\.666667").containsPattern("roc_auc\\s+undefined");
    }

    @Test
    void missingLabelNamesTheRow() throws IOException {
        Path p = write("nan.csv", "y,score\n1,0.9\n,0.4\n0,0.7\n");
        assertInputError(CliRun.of("evaluate", "--data", p.toString(), "--label", "y", "--score", "score"), "'y'", "row 2");
    }

    @Test
    void scoresOutsideTheUnitIntervalAreReported() throws IOException {
        Path p = write("wide.csv", "y,score\n1,0.9\n0,1.7\n0,0.2\n1,0.6\n");
        CliRun run = CliRun.of("evaluate", "--data", p.toString(), "--label", "y", "--score", "score");
        assertInputError(run, "1.7", "log_loss");
        assertThat(run.out()).containsPattern("roc_auc\\s+0\\.5\\b").containsPattern("log_loss\\s+undefined");
    }

    @Test
    void nonNumericScoreNamesColumnRowAndValue() throws IOException {
        Path p = write("text.csv", "y,score\n1,0.9\n0,high\n0,0.2\n");
        assertInputError(CliRun.of("evaluate", "--data", p.toString(), "--label", "y", "--score", "score"),
                "Column 'score' (score) in " + p + " must be numeric, but row 2 (line 3) holds 'high', which is not a number");
    }

    @Test
    void duplicateColumnNames() throws IOException {
        Path p = write("dup.csv", "y,score,score\n1,0.9,0.1\n0,0.2,0.3\n");
        assertInputError(CliRun.of("evaluate", "--data", p.toString(), "--label", "y", "--score", "score"), "score", "dup.csv");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertInputError(CliRun.of("evaluate", "--label", "y"), "--data");
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--format", "xml"), "--format", "xml");
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--task", "ranking"), "ranking");
        assertInputError(CliRun.of("frobnicate"), "frobnicate");
        assertInputError(CliRun.of(), "Missing command");
    }

    @Test
    void modelAndStoredPredictionsExcludeEachOther() {
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--score", "proba_bad",
                "--model", "credit.onnx"), "--model computes the predictions");
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--model", "credit.pickle",
                "--model-type", "pickle"), "Unknown model type 'pickle'");
    }

    private static final String FOREST = Path.of("../examples/models/german_credit_forest.onnx").toAbsolutePath().normalize()
            .toString();
    private static final String FOREST_INDICES = FOREST.replace("german_credit_forest.onnx", "german_credit_forest_indices.onnx");

    @Test
    void aModelWithClassIndicesIsEvaluatedOnTheLabelNamesWithANote() throws IOException {
        CliRun named = CliRun.of("evaluate", "--format", "json", "--data", GERMAN_TEST, "--label", "class", "--positive", "bad",
                "--model", FOREST);
        CliRun indexed = CliRun.of("evaluate", "--format", "json", "--data", GERMAN_TEST, "--label", "class", "--positive", "bad",
                "--model", FOREST_INDICES);
        assertThat(indexed.exitCode()).as(indexed.err()).isZero();
        JsonNode byIndex = JSON.readTree(indexed.out());
        JsonNode byName = JSON.readTree(named.out());
        assertThat(byIndex.get("metrics")).isEqualTo(byName.get("metrics"));
        assertThat(byIndex.get("metrics").get("accuracy").asDouble()).isEqualTo(218.0 / 300);
        assertThat(byIndex.get("notes").get(0).asText()).isEqualTo("Model german_credit_forest_indices.onnx names its classes by "
                + "index 0-1; they are read as the values of label column 'class' in sorted order, as scikit-learn's "
                + "LabelEncoder numbers them: 0 = bad, 1 = good. If the model was trained with another order, name its classes "
                + "with --model-classes (command line) or model.classes (suite file).");
        assertThat(byName.get("notes").toString()).doesNotContain("LabelEncoder");

        CliRun text = CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--positive", "bad", "--model", FOREST_INDICES);
        assertThat(text.out()).contains("  note: Model german_credit_forest_indices.onnx names its classes by index 0-1;");
    }

    @Test
    void modelClassesNameTheClassesInOutputOrder() throws IOException {
        CliRun given = CliRun.of("evaluate", "--format", "json", "--data", GERMAN_TEST, "--label", "class", "--positive", "bad",
                "--model", FOREST_INDICES, "--model-classes", "bad,good");
        assertThat(given.exitCode()).as(given.err()).isZero();
        JsonNode result = JSON.readTree(given.out());
        assertThat(result.get("notes").toString()).doesNotContain("LabelEncoder");
        assertThat(result.get("metrics").get("accuracy").asDouble()).isEqualTo(218.0 / 300);
        CliRun reversed = CliRun.of("evaluate", "--format", "json", "--data", GERMAN_TEST, "--label", "class", "--positive", "bad",
                "--model", FOREST_INDICES, "--model-classes", "good,bad");
        assertThat(JSON.readTree(reversed.out()).get("metrics").get("accuracy").asDouble()).isEqualTo(82.0 / 300);
    }

    @Test
    void modelClassesThatDoNotFitAreInputErrors() {
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--model", FOREST_INDICES,
                "--model-classes", "no,maybe,yes"), "Model german_credit_forest_indices.onnx has 2 classes [0, 1], but 3 class "
                + "names were given: [no, maybe, yes].");
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--model", FOREST_INDICES,
                "--model-classes", "no,yes"), "Model german_credit_forest_indices.onnx predicts the classes [no, yes], which do "
                + "not match the values of label column 'class' [bad, good]: the label values [good, bad] are none of its "
                + "classes.", "--model-classes bad,good");
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--score", "proba_bad",
                "--model-classes", "bad,good"), "--model-classes names the classes of the model given with --model");
    }

    @Test
    void aModelUrlThatIsNoUrlIsAnInputError() {
        CliRun run = CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--model", "http://[bad");
        assertInputError(run, "The model URL 'http://[bad' is not a valid URL", "Expected http://HOST[:PORT][/PATH]");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--model", "http://host:99999"),
                "has the port 99999");
        assertInputError(CliRun.of("evaluate", "--data", GERMAN_TEST, "--label", "class", "--model", "ftp://x"),
                "'ftp://x' is a ftp:// URL");
    }

    @Test
    void helpExitsWithZero() {
        CliRun run = CliRun.of("evaluate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--proba-prefix").contains("Exit codes");
    }
}
