package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay registry compare} on real pairs: the Tribuo logistic regression and its ONNX export
 * (computed in 32-bit floats; examples/models/README.md gives their largest probability difference
 * on the whole data set as 2.0e-7, rounded), and the logistic regression against the random forest.
 */
class RegistryCompareTest {
    static final Path EXAMPLES = RegistryCommandTest.EXAMPLES;
    static final String TEST = EXAMPLES.resolve("german-credit/test.csv").toString();

    @TempDir
    Path dir;

    private CliRun registry(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "registry";
        all[1] = "--store";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    private JsonNode compare(int expectedExit, String... args) throws IOException {
        CliRun run = registry(args);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void anOnnxExportIsEquivalentToItsTribuoModelAndAForestIsNot() throws IOException {
        registry("register", "credit", EXAMPLES.resolve("models/german_credit_logistic.tribuo.gz").toString());
        registry("register", "credit", EXAMPLES.resolve("models/german_credit_logistic.onnx").toString());
        registry("register", "credit", EXAMPLES.resolve("models/german_credit_forest.onnx").toString());
        registry("alias", "credit", "production", "1");

        JsonNode export = compare(0, "compare", "credit", "production", "v2", "--data", TEST, "--label", "class", "--positive", "bad",
                "--tolerance", "1e-6", "--require-equivalent", "--format", "json");
        assertThat(export.get("champion").get("framework").asText()).isEqualTo("tribuo");
        assertThat(export.get("challenger").get("framework").asText()).isEqualTo("onnx");
        JsonNode eq = export.get("equivalence");
        assertThat(eq.get("equivalent").asBoolean()).isTrue();
        assertThat(eq.get("rows").asInt()).isEqualTo(300);
        assertThat(eq.get("agreement_rate").asDouble()).isEqualTo(1.0);
        assertThat(eq.get("max_probability_difference").asDouble()).isPositive().isLessThan(2.05e-7);
        assertThat(eq.get("metrics").get("roc_auc").get("difference").asDouble()).isZero();
        assertThat(eq.get("disagreeing")).isEmpty();
        assertThat(export.get("comparison").get("flips").get("baseline_only").asInt()).isZero();

        JsonNode forest = compare(1, "compare", "credit", "1", "3", "--data", TEST, "--label", "class", "--positive", "bad",
                "--rows", "5", "--require-equivalent", "--format", "json");
        JsonNode fe = forest.get("equivalence");
        assertThat(fe.get("equivalent").asBoolean()).isFalse();
        JsonNode flips = forest.get("comparison").get("flips");
        int disagree = flips.get("baseline_only").asInt() + flips.get("candidate_only").asInt();
        assertThat(disagree).isPositive();
        assertThat(fe.get("disagreeing_rows").asInt()).isEqualTo(disagree);
        assertThat(fe.get("agreement_rate").asDouble()).isEqualTo(1 - disagree / 300.0);
        assertThat(fe.get("disagreeing")).hasSize(Math.min(5, disagree));
        for (JsonNode row : fe.get("disagreeing")) {
            assertThat(row.get("champion_score").asDouble() >= 0.5).isNotEqualTo(row.get("challenger_score").asDouble() >= 0.5);
        }
        double champion = forest.get("comparison").get("metrics").get("roc_auc").get("baseline").asDouble();
        assertThat(fe.get("metrics").get("roc_auc").get("champion").asDouble()).isEqualTo(champion);
        assertThat(fe.get("metrics").get("roc_auc").get("within_tolerance").asBoolean()).isFalse();

        CliRun text = registry("compare", "credit", "1", "2", "--data", TEST, "--label", "class", "--positive", "bad",
                "--tolerance", "1e-6");
        assertThat(text.out()).contains("Champion credit@1 (tribuo) against challenger credit@2 (onnx)")
                .contains("Equivalence (tolerance 1e-06): EQUIVALENT").contains("agreement rate 1 (0 of 300 rows disagree)");
        assertThat(registry("compare", "credit", "1", "9", "--data", TEST, "--label", "class").err())
                .contains("Model credit has no version 9");
        assertThat(registry("compare", "credit", "1", "2", "--data", TEST, "--label", "nope").err()).contains("nope");
        assertThat(registry("compare", "credit", "1", "2", "--data", TEST, "--label", "class", "--tolerance", "-1").err())
                .contains("--tolerance and --rows must be 0 or more");
    }
}
