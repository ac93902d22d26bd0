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

/**
 * {@code assay evaluate --task ranking}: the diabetes ranking table against assay-core's
 * golden/ranking/ranking_golden.json (scikit-learn 1.2.1 of scripts/golden/ranking_golden.py), text output,
 * and missing or misplaced options.
 */
class EvaluateRankingTest {
    private static final Path GOLDEN = Path.of("../assay-core/src/test/resources/golden/ranking").toAbsolutePath().normalize();
    private static final String DATA = GOLDEN.resolve("diabetes_ranking.csv").toString();

    @TempDir
    Path dir;

    @Test
    void jsonMetricsMatchScikitLearn() throws IOException {
        CliRun r = CliRun.of("evaluate", "--task", "ranking", "--data", DATA, "--query", "query", "--item", "item", "--score", "score",
                "--relevance", "relevance", "--k", "5", "--item-features", "bmi,bp", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        JsonNode out = new ObjectMapper().readTree(r.out());
        JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve("ranking_golden.json").toFile()).get("cases").get("5");
        JsonNode metrics = out.get("metrics");
        assertThat(metrics.size()).isEqualTo(13);
        metrics.fields().forEachRemaining(e ->
                assertThat(e.getValue().asDouble()).as(e.getKey()).isCloseTo(golden.get(e.getKey()).asDouble(), within(1e-12)));
        assertThat(metrics.has("ndcg@5")).isTrue();
        assertThat(metrics.has("mrr")).isTrue();
        assertThat(out.get("queries").asInt()).isEqualTo(13);
        assertThat(out.get("curves").get("precision")).hasSize(5);
    }

    @Test
    void textByDefaultWithCutoffTen() {
        CliRun r = CliRun.of("evaluate", "--task", "ranking", "--data", DATA, "--query", "query", "--item", "item", "--score", "score",
                "--relevance", "relevance");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("13 queries").contains("ndcg@10").contains("map@10").contains("precision@10")
                .doesNotContain("intra_list_diversity");
    }

    @Test
    void missingAndMisplacedOptionsAreNamed() throws IOException {
        CliRun r = CliRun.of("evaluate", "--task", "ranking", "--data", DATA, "--query", "query", "--score", "score",
                "--relevance", "relevance");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--item").doesNotContain("Exception");
        r = CliRun.of("evaluate", "--task", "ranking", "--data", DATA, "--query", "user", "--item", "item", "--score", "score",
                "--relevance", "relevance");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("user").doesNotContain("Exception");
        r = CliRun.of("evaluate", "--task", "ranking", "--data", DATA, "--query", "query", "--item", "item", "--relevance", "relevance");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("score").contains("rank");
        r = CliRun.of("evaluate", "--task", "ranking", "--data", DATA, "--query", "query", "--item", "item", "--score", "score",
                "--relevance", "relevance", "--k", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--k must be");
        r = CliRun.of("evaluate", "--data", DATA, "--score", "score");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--label");
        r = CliRun.of("evaluate", "--data", DATA, "--label", "relevance", "--query", "query");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--task ranking");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "query,item,score,relevance\n");
        r = CliRun.of("evaluate", "--task", "ranking", "--data", empty.toString(), "--query", "query", "--item", "item", "--score", "score",
                "--relevance", "relevance");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception");
    }
}
