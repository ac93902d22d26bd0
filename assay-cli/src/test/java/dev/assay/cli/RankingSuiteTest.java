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
 * {@code type: ranking} in suites: diabetes patients ranked within age decade and sex, against assay-core's
 * golden/ranking/ranking_golden.json (scikit-learn 1.2.1 of scripts/golden/ranking_golden.py); conditions on
 * {@code ndcg@10}, the precision/recall chart, and bad settings.
 */
class RankingSuiteTest {
    private static final Path GOLDEN = Path.of("../assay-core/src/test/resources/golden/ranking").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRun run(String checks) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: ranking\ndata: {current: "
                + GOLDEN.resolve("diabetes_ranking.csv") + "}\ncolumns: {label: relevance}\nchecks:\n" + checks);
        return CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
    }

    @Test
    void diabetesRankingMatchesScikitLearn() throws IOException {
        CliRun r = run("""
                  - type: ranking
                    query: query
                    item: item
                    score: score
                    relevance: relevance
                    features: [bmi, bp]
                    k: 10
                    fail: ndcg@10 >= 0.9
                    warn: map@10 >= 0.5
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve("ranking_golden.json").toFile()).get("cases").get("10");
        JsonNode check = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
        assertThat(check.get("status").asText()).isEqualTo("warn");
        int members = 0;
        for (JsonNode m : check.get("measurements")) {
            String name = m.get("name").asText();
            assertThat(m.get("value").asDouble()).as(name).isCloseTo(golden.get(name).asDouble(), within(1e-12));
            members++;
        }
        assertThat(members).isEqualTo(13);
        JsonNode chart = check.get("charts").get(0);
        assertThat(chart.toString()).contains("precision@k").contains("recall@k");
    }

    @Test
    void chosenMetricsByRank() throws IOException {
        CliRun r = run("""
                  - type: ranking
                    query: query
                    item: item
                    rank: score
                    relevance: relevance
                    k: 5
                    metrics: [mrr, recall@5]
                    fail: recall@5 >= 0.9
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode check = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
        assertThat(check.get("measurements")).hasSize(2);
    }

    @Test
    void badSettingsAreNamed() throws IOException {
        CliRun r = run("  - type: ranking\n    query: query\n    item: item\n    score: score\n    relevance: relevance\n"
                + "    metrics: [ndcg@5]\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("suite.yaml").contains("unknown metric 'ndcg@5'").contains("ndcg@10").doesNotContain("Exception");
        r = run("  - type: ranking\n    query: user\n    item: item\n    score: score\n    relevance: relevance\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("user").doesNotContain("Exception");
        r = run("  - type: ranking\n    query: query\n    item: item\n    relevance: relevance\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("exactly one column").doesNotContain("Exception");
        r = run("  - type: ranking\n    query: query\n    item: item\n    score: score\n    relevance: relevance\n"
                + "    fail: ndcg@5 >= 0.5\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("ndcg@5").doesNotContain("Exception");
    }
}
