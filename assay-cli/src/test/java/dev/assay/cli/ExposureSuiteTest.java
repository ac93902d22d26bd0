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
 * {@code type: exposure} in suites: German credit applicants ranked by a bundled model's score within
 * each purpose, against assay-core's golden/exposure/exposure_golden.json (pandas 1.5.3 of
 * scripts/golden/exposure_golden.py); the model's own score and the label as relevance (the relevance and
 * shares match the golden values; the order differs from the stored 6-decimal scores where they tie); bad settings.
 */
class ExposureSuiteTest {
    private static final Path GOLDEN = Path.of("../assay-core/src/test/resources/golden/exposure").toAbsolutePath().normalize();
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRun run(String head, String checks) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: exposure\n" + head + "checks:\n" + checks);
        return CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
    }

    private JsonNode check() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    @Test
    void germanCreditRankingsMatchPandas() throws IOException {
        CliRun r = run("data: {current: " + GOLDEN.resolve("german_ranking.csv") + "}\ncolumns: {label: bad}\n", """
                  - type: exposure
                    group: personal_status
                    score: proba_bad
                    query: purpose
                    relevance: bad
                    k: 5
                    fail: exposure_ratio >= 0.8
                    warn: disparate_treatment_ratio >= 0.8
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve("exposure_golden.json").toFile()).get("cases")
                .get("german_status_by_purpose");
        JsonNode check = check();
        assertThat(check.get("status").asText()).isEqualTo("warn");
        int members = 0;
        for (JsonNode m : check.get("measurements")) {
            String name = m.get("name").asText();
            double value = m.get("value").asDouble();
            if (m.get("key").isNull()) {
                assertThat(value).as(name).isCloseTo(golden.get(name).asDouble(), within(1e-12));
            } else {
                String group = m.get("key").asText().substring("personal_status=".length());
                assertThat(value).as(name + " " + group).isCloseTo(golden.get("groups").get(group).get(name).asDouble(), within(1e-12));
            }
            members++;
        }
        assertThat(members).isEqualTo(2 + 4 * 6);
    }

    @Test
    void theModelsScoreAndTheLabelAsRelevance() throws IOException {
        CliRun r = run("data: {current: " + EXAMPLES.resolve("german-credit/test.csv") + "}\nmodel: "
                + EXAMPLES.resolve("models/german_credit_forest.onnx") + "\ncolumns: {label: class}\n"
                + "evaluation: {task: binary, positive: bad}\n", """
                  - type: exposure
                    group: foreign_worker
                    relevance: class
                    k: 30
                    fail: min(top_k_ratio[*]) >= 0.5
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isIn(0, 1);
        JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve("exposure_golden.json").toFile()).get("cases")
                .get("german_foreign_one_ranking");
        JsonNode check = check();
        int checked = 0;
        for (JsonNode m : check.get("measurements")) {
            String name = m.get("name").asText();
            if (name.equals("relevance") || name.equals("share")) {
                String group = m.get("key").asText().substring("foreign_worker=".length());
                assertThat(m.get("value").asDouble()).as(name).isCloseTo(golden.get("groups").get(group).get(name).asDouble(), within(1e-12));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
        assertThat(check.get("notes").toString()).contains("descending model_proba_bad");
    }

    @Test
    void badSettingsAreNamed() throws IOException {
        String head = "data: {current: " + GOLDEN.resolve("german_ranking.csv") + "}\ncolumns: {label: bad}\n";
        CliRun r = run(head, "  - type: exposure\n    group: personal_status\n    score: proba_bad\n    rank: rank_in_purpose\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("suite.yaml").contains("not both").doesNotContain("Exception");
        r = run(head, "  - type: exposure\n    group: personal_status\n    score: proba_bad\n    k: 0\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("k must be a positive whole number");
        r = run(head, "  - type: exposure\n    group: sex\n    score: proba_bad\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown column 'sex'").contains("personal_status");
        r = run(head, "  - type: exposure\n    group: personal_status\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("score (higher ranks first) or rank");
    }
}
