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
 * {@code type: ab_test} in a suite on the A/B set built from Adult: gates on p-values and interval
 * bounds, values against the statsmodels/SciPy goldens of assay-core's {@code abtest/adult_ab.json}.
 */
class AbTestSuiteTest {
    private static final Path CORE = Path.of("../assay-core/src/test/resources/abtest").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode run(String check, int expectedExit) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: experiment gate
                data: {current: %s}
                columns: {label: converted}
                checks:
                """.formatted(CORE.resolve("adult_ab.csv")) + check);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(expectedExit);
        return JSON.readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    @Test
    void cupedLiftPassesWhereThePlainIntervalFails() throws IOException {
        JsonNode golden = JSON.readTree(CORE.resolve("adult_ab.json").toFile()).get("metrics");
        JsonNode check = run("""
                  - type: ab_test
                    variant: variant
                    control: control
                    metrics: [converted, hours]
                    covariate: education_num
                    look: day
                    mann_whitney: [hours]
                    warn: "p_value[converted] < 0.05"
                    fail: ["cuped_difference[converted].lower > 0", srm_p_value >= 0.001, guardrails_worsened == 0]
                """, 0);
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(ReportMeasurements.value(check, "p_value[converted]")).isCloseTo(golden.at("/converted/p_value").asDouble(),
                within(1e-10));
        JsonNode diff = ReportMeasurements.measurement(check, "difference", "converted");
        assertThat(diff.at("/interval/lower").asDouble()).isCloseTo(golden.at("/converted/ci_low").asDouble(), within(1e-10));
        assertThat(diff.at("/interval/method").asText()).isEqualTo("unpooled_wald");
        assertThat(ReportMeasurements.measurement(check, "cuped_difference", "converted").at("/interval/lower").asDouble())
                .isCloseTo(golden.at("/converted/cuped/ci_low").asDouble(), within(1e-9));
        assertThat(ReportMeasurements.value(check, "mann_whitney_p_value[hours]"))
                .isCloseTo(golden.at("/hours/mann_whitney/p_value").asDouble(), within(1e-10));
        assertThat(ReportMeasurements.value(check, "sequential_p_value[hours]"))
                .isCloseTo(golden.at("/hours/sequential/looks/9/p_value").asDouble(), within(1e-9));
        assertThat(check.get("charts")).hasSize(1);
        assertThat(check.get("message").asText()).startsWith("no_significant_difference");
    }

    @Test
    void aPlainIntervalGateFailsAndAGuardrailIsCounted() throws IOException {
        JsonNode check = run("""
                  - type: ab_test
                    variant: variant
                    control: control
                    metrics: [hours]
                    guardrails: [converted]
                    lower_is_better: [converted]
                    alpha: 0.1
                    fail: ["difference[converted].lower > 0", guardrails_worsened == 0]
                """, 1);
        assertThat(check.get("status").asText()).isEqualTo("fail");
        assertThat(ReportMeasurements.value(check, "guardrails_worsened")).isEqualTo(1.0);
        assertThat(check.get("message").asText()).startsWith("stop_guardrail");
    }

    @Test
    void badKeysAndColumnsAreReported() throws IOException {
        JsonNode check = run("""
                  - type: ab_test
                    variant: variant
                    control: control
                    metrics: [revenu]
                """, 2);
        assertThat(check.get("status").asText()).isEqualTo("error");
        assertThat(check.get("message").asText()).contains("'revenu'").contains("revenue");
        Path suite = Files.writeString(dir.resolve("bad.yaml"), """
                suite: bad
                data: {current: %s}
                columns: {label: converted}
                checks:
                  - type: ab_test
                    variant: variant
                    control: control
                    metrics: [converted]
                    mann_whitney: [hours]
                """.formatted(CORE.resolve("adult_ab.csv")));
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("b").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml").contains("'hours' is not one of the metrics");
    }
}
