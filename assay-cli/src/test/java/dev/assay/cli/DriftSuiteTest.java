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

/** {@code type: drift} in a suite: German credit training rows as reference, held-out rows as current. */
class DriftSuiteTest {
    private static final Path GERMAN = Path.of("../examples/german-credit").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode run(String check, int expectedExit) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: drift gate
                data: {reference: %s, current: %s}
                columns: {label: class, features: [duration, credit_amount, age, purpose, housing]}
                checks:
                """.formatted(GERMAN.resolve("train.csv"), GERMAN.resolve("test.csv")) + check);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(expectedExit);
        return JSON.readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    private static double measured(JsonNode check, String name, String key) {
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().equals(name) && (key == null ? m.path("key").isMissingNode() || m.path("key").isNull()
                    : m.path("key").asText().equals(key))) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no measurement " + name + "[" + key + "] in " + check);
    }

    @Test
    void driftedColumnsFailTheCondition() throws IOException {
        JsonNode check = run("""
                  - type: drift
                    method: ks
                    thresholds: {duration: 0.2}
                    warn: "max(effect_size[*]) < 0.1"
                    fail: [drifted_columns == 0, "p_value[age] > 0.05"]
                """, 1);
        assertThat(check.get("status").asText()).isEqualTo("fail");
        assertThat(measured(check, "p_value", "duration")).isCloseTo(0.037086655440306454, within(1e-12));
        assertThat(measured(check, "statistic", "purpose")).isPositive();
        assertThat(measured(check, "drift", "credit_amount")).isEqualTo(1.0);
        assertThat(measured(check, "drift", "duration")).isEqualTo(1.0);
        assertThat(measured(check, "drifted_columns", null)).isEqualTo(2.0);
        assertThat(measured(check, "drift_share", null)).isCloseTo(0.4, within(1e-15));
        assertThat(check.get("tables").get(0).get("rows")).hasSize(5);
        assertThat(check.get("charts")).hasSize(2);
    }

    @Test
    void aSuiteWithoutReferenceSaysHowToAddOne() throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: drift gate
                data: {current: %s}
                columns: {label: class}
                checks:
                  - type: drift
                """.formatted(GERMAN.resolve("test.csv")));
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("compares with reference data").contains("Add 'data.reference:'");
    }

    @Test
    void anUnknownMethodIsAnInputError() throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: drift gate
                data: {reference: %s, current: %s}
                columns: {label: class}
                checks:
                  - type: drift
                    method: ttest
                """.formatted(GERMAN.resolve("train.csv"), GERMAN.resolve("test.csv")));
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown drift method 'ttest'");
    }
}
