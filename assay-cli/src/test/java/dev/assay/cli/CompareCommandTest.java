package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TWO_MODELS = EvaluateCommandTest.resource("/data/german_credit_two_models.csv");

    @TempDir
    Path dir;

    @Test
    void jsonMatchesTheGoldenStatistics() throws IOException {
        CliRun run = CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        JsonNode golden;
        try (InputStream in = CompareCommandTest.class.getResourceAsStream("/golden/german_credit_compare.json")) {
            golden = JSON.readTree(in);
        }

        assertThat(out.get("rows").asInt()).isEqualTo(300);
        assertThat(out.get("positive").asText()).isEqualTo("bad");
        for (String member : List.of("baseline_only", "candidate_only", "both_right", "both_wrong")) {
            assertThat(out.get("flips").get(member)).as(member).isEqualTo(golden.get("flips").get(member));
        }
        assertThat(out.get("mcnemar").get("method").asText()).isEqualTo("exact");
        for (String metric : List.of("accuracy", "roc_auc")) {
            for (String member : List.of("baseline", "candidate", "difference")) {
                assertClose(out.get("metrics").get(metric).get(member), golden.get("metrics").get(metric).get(member));
            }
        }
        for (String member : List.of("statistic", "p_value")) {
            assertClose(out.get("mcnemar").get(member), golden.get("mcnemar").get(member));
        }
        for (String member : List.of("statistic", "p_value", "difference", "standard_error", "confidence", "lower", "upper")) {
            assertClose(out.get("delong").get(member), golden.get("delong").get(member));
        }
    }

    @Test
    void textNamesTheModelsAndTheTests() {
        CliRun run = CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--mcnemar", "chi_square_corrected");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Comparison of logistic_proba_bad (baseline) and forest_proba_bad (candidate)")
                .contains("(300 rows, positive class 'bad', threshold 0.5)")
                .containsPattern("accuracy\\s+0\\.76 -> 0\\.766667 \\(\\+0\\.00666667, 95% CI -[0-9.]+ to \\+[0-9.]+\\)")
                .containsPattern("roc_auc\\s+0\\.800106 -> 0\\.814815 \\(\\+0\\.014709, 95% CI -[0-9.]+ to \\+[0-9.]+\\)")
                .contains("18 rows only the baseline got right, 20 only the candidate (210 both right, 52 both wrong)")
                .contains("chi_square_corrected statistic 0.0263158, p = 0.871131")
                .contains("z = 0.829536, p = 0.406801, AUC difference +0.014709 (95% CI -0.0200443 to +0.0494623)");
    }

    @Test
    void aMissingScoreNamesTheColumnAndRow() throws IOException {
        Path p = write("nan.csv", "y,a,b\n1,0.9,0.8\n0,0.2,\n1,0.7,0.6\n0,0.1,0.3\n");
        assertInputError(CliRun.of("compare", "--data", p.toString(), "--label", "y", "--baseline", "a", "--candidate", "b"),
                "The candidate score column 'b' of " + p + " has no value in row 2", "Both models must score every row");
    }

    @Test
    void aLabelWithOneClassIsRefused() throws IOException {
        Path p = write("one.csv", "y,a,b\n1,0.9,0.8\n1,0.2,0.4\n1,0.7,0.6\n");
        assertInputError(CliRun.of("compare", "--data", p.toString(), "--label", "y", "--baseline", "a", "--candidate", "b"),
                "The label column 'y' must hold exactly two classes to compare ROC AUCs and accuracy, but holds 1: [1]");
    }

    @Test
    void aClassWithOneRowIsRefused() throws IOException {
        Path p = write("rare.csv", "y,a,b\n1,0.9,0.8\n0,0.2,0.4\n0,0.7,0.6\n0,0.1,0.3\n");
        assertInputError(CliRun.of("compare", "--data", p.toString(), "--label", "y", "--baseline", "a", "--candidate", "b"),
                "Cannot compare the ROC AUCs of 'a' and 'b' (positive class '1'): DeLong's test needs at least 2 positive "
                        + "and 2 negative rows, got 1 positive and 3 negative. Use more rows of the rarer class.");
    }

    @Test
    void anUnknownPositiveClassIsRefused() {
        assertInputError(CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--positive", "Bad"),
                "--positive 'Bad' is not a value of the label column 'class' of " + TWO_MODELS + ", which holds [bad, good]");
    }

    @Test
    void anUnknownMcNemarMethodIsRefused() {
        assertInputError(CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--mcnemar", "mid_p"),
                "unknown value 'mid_p' for --mcnemar. Use one of [exact, chi_square, chi_square_corrected].");
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static void assertInputError(CliRun run, String fragment) {
        assertThat(run.exitCode()).as("exit code; out=%s err=%s", run.out(), run.err()).isEqualTo(2);
        assertThat(run.err()).contains(fragment);
    }

    private static void assertInputError(CliRun run, String fragment, String another) {
        assertInputError(run, fragment);
        assertThat(run.err()).contains(another);
    }

    private static void assertClose(JsonNode actual, JsonNode expected) {
        assertThat(actual.asDouble()).isCloseTo(expected.asDouble(), within(1e-12 * Math.max(1e-3, Math.abs(expected.asDouble()))));
    }
}
