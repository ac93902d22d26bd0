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
 * The {@code pii} and {@code anonymity} check kinds in a suite on the Adult census extract; anonymity values from
 * pandas (assay-core golden/anonymity/anonymity.json, case adult_sex_race_occupation).
 */
class PiiAnonymitySuiteTest {
    @TempDir
    Path dir;

    private Path suite(String checks) throws IOException {
        Files.copy(Path.of("../examples/models/adult.csv"), dir.resolve("adult.csv"));
        return Files.writeString(dir.resolve("suite.yaml"), """
                suite: privacy gate
                data: {current: adult.csv}
                columns: {label: income-per-year}
                checks:
                """ + checks);
    }

    @Test
    void anonymityAndPiiChecksEndToEnd() throws IOException {
        Path s = suite("""
                  - name: Sex and race keep groups of 50
                    type: anonymity
                    quasi_identifiers: [sex, race]
                    sensitive: occupation
                    k: 50
                    c: 3
                    fail: k_anonymity >= 50
                    warn: t_closeness_equal <= 0.2
                  - name: No personal data
                    type: pii
                    columns: [occupation, native-country, education]
                    fail: pii_columns == 0
                  - name: Too fine
                    type: anonymity
                    quasi_identifiers: [age, sex, race, native-country]
                    fail: k_anonymity >= 5
                """);
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("WARN    Sex and race keep groups of 50").contains("PASS    No personal data").contains("FAIL    Too fine");
        JsonNode checks = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
        JsonNode a = checks.get(0);
        assertThat(ReportMeasurements.value(a, "k_anonymity")).isEqualTo(109);
        assertThat(ReportMeasurements.value(a, "l_diversity_distinct")).isEqualTo(11);
        assertThat(ReportMeasurements.value(a, "l_diversity_entropy")).isCloseTo(8.528791015819982, within(1e-9));
        assertThat(ReportMeasurements.value(a, "l_diversity_recursive")).isEqualTo(8);
        assertThat(ReportMeasurements.value(a, "t_closeness_equal")).isCloseTo(0.3222054075498099, within(1e-9));
        assertThat(ReportMeasurements.value(checks.get(1), "pii_columns")).isZero();
        assertThat(ReportMeasurements.value(checks.get(2), "k_anonymity")).isEqualTo(1);
        assertThat(ReportMeasurements.value(checks.get(2), "share_below_k")).isCloseTo(0.09320966800773932, within(1e-12));
        assertThat(ReportMeasurements.value(checks.get(2), "breaking_combinations")).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("r/report.html"))).contains("Smallest quasi-identifier combinations").contains("native-country");
    }

    @Test
    void piiCheckCountsEntitiesPerColumn() throws IOException {
        Files.writeString(dir.resolve("people.csv"), "name,contact,ip\nann,ann@example.com,10.0.0.1\nbob,+1 415 555 0132,x\ncid,cid@example.org,y\n");
        Path s = Files.writeString(dir.resolve("suite.yaml"), """
                suite: pii gate
                data: {current: people.csv}
                columns: {label: name}
                checks:
                  - type: pii
                    fail: email_address == 0
                """);
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode check = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
        assertThat(ReportMeasurements.value(check, "email_address")).isEqualTo(2);
        assertThat(ReportMeasurements.measurement(check, "email_address", "contact").get("value").asDouble()).isEqualTo(2);
        assertThat(ReportMeasurements.measurement(check, "phone_number", "contact").get("value").asDouble()).isEqualTo(1);
        assertThat(ReportMeasurements.measurement(check, "pii_values", "contact").get("value").asDouble()).isEqualTo(3);
        assertThat(ReportMeasurements.value(check, "ip_address")).isEqualTo(1);
        assertThat(ReportMeasurements.value(check, "pii_columns")).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("r/report.html"))).contains("a**@*******.**m").doesNotContain("ann@example.com");
    }

    @Test
    void aMissingQuasiIdentifierListIsASuiteError() throws IOException {
        Path s = suite("""
                  - type: anonymity
                    sensitive: occupation
                """);
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("quasi_identifiers").contains("required");
    }
}
