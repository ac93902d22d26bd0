package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.text.TextGenerationMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay evaluate --task text-generation} on real mail: 120 replies of the SpamAssassin corpus, each
 * paired with the message it answers (data/reply_quote_pairs.csv, see PROVENANCE.md).
 */
class TextGenerationEvaluateTest {
    private static final String PAIRS = EvaluateCommandTest.resource("/data/reply_quote_pairs.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonHasEveryMetricAndBleuMatchesNltk() throws IOException {
        CliRun run = CliRun.of("evaluate", "--task", "text-generation", "--data", PAIRS, "--reference", "reference",
                "--hypothesis", "hypothesis", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("task").asText()).isEqualTo("text-generation");
        assertThat(root.get("rows").asInt()).isEqualTo(120);
        JsonNode metrics = root.get("metrics");
        for (String id : TextGenerationMetrics.IDS) {
            assertThat(metrics.has(id)).as(id).isTrue();
        }
        assertThat(metrics.get("rouge1_f").asDouble()).isBetween(0.0, 1.0);
        assertThat(metrics.get("wer").asDouble()).isPositive();
        JsonNode golden = JSON.readTree(getClass().getResourceAsStream("/golden/text_generation_nltk.json"));
        // NLTK corpus_bleu (no smoothing) on sacreBLEU 13a tokens equals sacreBLEU's BLEU when every order has a match
        CliRun none = CliRun.of("evaluate", "--task", "text-generation", "--data", PAIRS, "--reference", "reference",
                "--hypothesis", "hypothesis", "--bleu-smoothing", "none", "--format", "json");
        assertThat(JSON.readTree(none.out()).get("metrics").get("bleu").asDouble()).isCloseTo(golden.get("bleu").asDouble(), within(1e-9));
        assertThat(metrics.get("bleu").asDouble()).isCloseTo(golden.get("bleu").asDouble(), within(1e-9));
    }

    @Test
    void textOutputListsTheMetrics() {
        CliRun run = CliRun.of("evaluate", "--task", "text-generation", "--data", PAIRS, "--reference", "reference", "--hypothesis", "hypothesis");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("120 pairs").contains("bleu").contains("rougeLsum_f").contains("cer");
    }

    @Test
    void badInputExitsTwoWithAClearMessage() throws IOException {
        CliRun missingOption = CliRun.of("evaluate", "--task", "text-generation", "--data", PAIRS, "--reference", "reference");
        assertThat(missingOption.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(missingOption.err()).contains("--hypothesis COL").doesNotContain("Exception");

        CliRun unknown = CliRun.of("evaluate", "--task", "text-generation", "--data", PAIRS, "--reference", "referenc", "--hypothesis", "hypothesis");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(unknown.err()).contains("referenc").contains("reference").doesNotContain("Exception");

        Path empty = dir.resolve("missing_ref.csv");
        Files.writeString(empty, "reference,hypothesis\nthe cat,the cat\n,a dog\n");
        CliRun missing = CliRun.of("evaluate", "--task", "text-generation", "--data", empty.toString(), "--reference", "reference",
                "--hypothesis", "hypothesis");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(missing.err()).contains("row 2").contains("line 3").contains("'reference'");

        CliRun smoothing = CliRun.of("evaluate", "--task", "text-generation", "--data", PAIRS, "--reference", "reference",
                "--hypothesis", "hypothesis", "--bleu-smoothing", "laplace");
        assertThat(smoothing.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(smoothing.err()).contains("--bleu-smoothing").contains("add-k");

        CliRun noLabel = CliRun.of("evaluate", "--data", PAIRS);
        assertThat(noLabel.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(noLabel.err()).contains("--label");
    }
}
