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
 * {@code type: synthetic_quality} in a suite: 1,000 real Adult rows as reference, the copula's 1,000 synthetic rows
 * as current (assay-core's {@code synth/} fixtures); values against pandas/SciPy ({@code synth/golden.json}, copied
 * here as literals).
 */
class SyntheticQualitySuiteTest {
    private static final Path SYNTH = Path.of("../assay-core/src/test/resources/synth").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode run(String check, int expectedExit) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: synthetic data gate
                data: {reference: %s, current: %s}
                columns: {label: income-per-year}
                checks:
                """.formatted(SYNTH.resolve("adult_real.csv"), SYNTH.resolve("adult_synthetic.csv")) + check);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(expectedExit);
        return JSON.readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    @Test
    void measuresSdmetricsScoresAndJudgesConditions() throws IOException {
        JsonNode check = run("""
                  - type: synthetic_quality
                    fail: ["min(ks_complement[*]) >= 0.9", "tv_complement[sex] >= 0.95", new_row_synthesis >= 0.99]
                    warn: dcr_baseline_protection >= 0.99
                """, 0);
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(ReportMeasurements.value(check, "ks_complement[age]")).isCloseTo(0.975, within(1e-12));
        assertThat(ReportMeasurements.value(check, "ks_complement[fnlwgt]")).isCloseTo(0.955, within(1e-12));
        assertThat(ReportMeasurements.value(check, "tv_complement[education]")).isCloseTo(0.96, within(1e-12));
        assertThat(ReportMeasurements.value(check, "new_row_synthesis")).isEqualTo(1.0);
        assertThat(ReportMeasurements.value(check, "correlation_similarity")).isBetween(0.9, 1.0);
        assertThat(ReportMeasurements.value(check, "dcr_baseline_protection")).isBetween(0.0, 0.99);
        assertThat(check.get("charts")).hasSize(15);
        assertThat(check.get("tables").get(0).get("rows")).hasSize(105);
    }

    @Test
    void aFailedConditionFailsTheSuiteAndBadKeysAreSuiteErrors() throws IOException {
        JsonNode check = run("""
                  - type: synthetic_quality
                    columns: [age, sex]
                    fail: column_shapes >= 0.999
                """, 1);
        assertThat(check.get("status").asText()).isEqualTo("fail");
        java.util.List<String> keyed = new java.util.ArrayList<>();
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().endsWith("_complement")) {
                keyed.add(m.get("key").asText());
            }
        }
        assertThat(keyed).containsExactly("age", "sex");
        Path suite = Files.writeString(dir.resolve("bad.yaml"), """
                suite: bad
                data: {reference: %s, current: %s}
                columns: {label: income-per-year}
                checks:
                  - type: synthetic_quality
                    tolerance: 2
                """.formatted(SYNTH.resolve("adult_real.csv"), SYNTH.resolve("adult_synthetic.csv")));
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("b").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("tolerance").contains("[0, 1)");
    }
}
