package dev.assay.cli;

import static dev.assay.cli.ReportMeasurements.measurement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: adversarial_detection} in suites with the bundled Adult logistic model. */
class AdversarialDetectionSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRun run(String checks) throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve("models/adult.csv"));
        Files.write(dir.resolve("rows.csv"), lines.subList(0, 301));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: detection\ndata: {current: rows.csv}\nmodel: "
                + EXAMPLES.resolve("models/adult_logistic.onnx") + "\ncolumns: {label: income-per-year}\nchecks:\n" + checks);
        return CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
    }

    private JsonNode check(int i) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(i);
    }

    @Test
    void theSameRowsGiveTheSameRatesAndNoNoiseFlagsNothing() throws IOException {
        CliRun r = run("""
                  - type: adversarial_detection
                    adversarial_file: rows.csv
                    name: noisy
                    sigma: 0.5
                    fail: false_positive_rate <= 0.01
                  - type: adversarial_detection
                    adversarial_file: rows.csv
                    name: quiet
                    sigma: 0
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode noisy = check(0);
        double detection = measurement(noisy, "detection_rate").get("value").asDouble();
        assertThat(detection).isGreaterThan(0.01).isLessThan(0.5);
        // the adversarial file holds the clean rows themselves, noised with the same seeds: every flag agrees
        assertThat(measurement(noisy, "false_positive_rate").get("value").asDouble()).isEqualTo(detection);
        assertThat(measurement(noisy, "adversarial_rows").get("value").asDouble()).isEqualTo(300);
        JsonNode interval = measurement(noisy, "detection_rate").get("interval");
        assertThat(interval.get("lower").asDouble()).isLessThan(detection);
        assertThat(interval.get("upper").asDouble()).isGreaterThan(detection);
        assertThat(noisy.get("status").asText()).isEqualTo("fail");
        JsonNode quiet = check(1);
        assertThat(measurement(quiet, "detection_rate").get("value").asDouble()).isZero();
        assertThat(measurement(quiet, "false_positive_rate").get("value").asDouble()).isZero();
    }

    @Test
    void badFilesAreNamed() throws IOException {
        Files.writeString(dir.resolve("adv.csv"), "age,sex\n30,Male\n");
        CliRun r = run("  - type: adversarial_detection\n    adversarial_file: adv.csv\n");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("adv.csv").contains("has no column 'capital-gain' (its columns: [age, sex])").doesNotContain("Exception");
        r = run("  - type: adversarial_detection\n    adversarial_file: missing.csv\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing.csv").doesNotContain("Exception");
    }
}
