package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: text_generation} in a suite over real SpamAssassin reply pairs (data/reply_quote_pairs.csv). */
class TextGenerationSuiteTest {
    private static final String PAIRS = EvaluateCommandTest.resource("/data/reply_quote_pairs.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun run(String checks) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: text\ndata: {current: " + PAIRS + "}\ncolumns: {label: reference}\nchecks:\n" + checks);
        return CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
    }

    private static double value(JsonNode check, String name) {
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().equals(name)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + name + " in " + check);
    }

    @Test
    void conditionsOnBleuAndWerDecideTheStatus() throws IOException {
        CliRun pass = run("  - type: text_generation\n    reference: reference\n    hypothesis: hypothesis\n    fail: [bleu >= 10, wer <= 2]\n");
        assertThat(pass.exitCode()).as(pass.out() + pass.err()).isZero();
        JsonNode c = JSON.readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
        assertThat(c.get("status").asText()).isEqualTo("pass");
        JsonNode golden = JSON.readTree(getClass().getResourceAsStream("/golden/text_generation_nltk.json"));
        assertThat(value(c, "bleu")).isCloseTo(golden.get("bleu").asDouble(), within(1e-9));
        assertThat(value(c, "rougeLsum_f")).isBetween(0.0, 1.0);
        assertThat(c.get("tables").get(0).get("rows").size()).isEqualTo(10);

        // the reference defaults to the suite's label column
        CliRun fail = run("  - type: text_generation\n    hypothesis: hypothesis\n    metrics: [bleu, chrf]\n"
                + "    fail: bleu >= 30\n");
        assertThat(fail.exitCode()).as(fail.out() + fail.err()).isEqualTo(ExitCode.FAIL);
    }

    @Test
    void badSettingsAreUsageErrors() throws IOException {
        CliRun unknown = run("  - type: text_generation\n    reference: reference\n    hypothesis: hypothesis\n    metrics: [blue]\n");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(unknown.err()).contains("'blue'").contains("Did you mean 'bleu'");

        CliRun missing = run("  - type: text_generation\n    reference: reference\n");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(missing.err()).contains("missing key").contains("hypothesis");

        CliRun condition = run("  - type: text_generation\n    reference: reference\n    hypothesis: hypothesis\n    metrics: [bleu]\n"
                + "    fail: chrf >= 30\n");
        assertThat(condition.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(condition.err()).contains("chrf");
    }
}
