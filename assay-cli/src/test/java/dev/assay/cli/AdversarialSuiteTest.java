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

/** {@code type: adversarial} in a suite with the bundled Adult logistic model. */
class AdversarialSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void pgdOnAdultWithConditionsChartExamplesAndExport() throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: attacks\ndata: {current: "
                + EXAMPLES.resolve("models/adult.csv") + "}\nmodel: " + EXAMPLES.resolve("models/adult_logistic.onnx")
                + "\ncolumns: {label: income-per-year}\nevaluation: {task: binary, positive: \">50K\"}\nchecks:\n" + """
                  - type: adversarial
                    attack: pgd
                    steps: 5
                    eps: [0, 0.05, 0.5]
                    immutable: [age]
                    bounds: {hours-per-week: "1..99"}
                    max_rows: 300
                    export: out/adversarial.csv
                    fail: ["robust_accuracy[eps=0] >= 0.7", "robust_accuracy[eps=0.5] >= 0.99"]
                  - type: adversarial
                    attack: simba
                    conditional: true
                    eps: [0.05]
                    max_rows: 300
                """);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode checks = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
        JsonNode pgd = checks.get(0);
        double clean = measurement(pgd, "clean_accuracy").get("value").asDouble();
        assertThat(clean).isBetween(0.75, 0.95);
        assertThat(measurement(pgd, "robust_accuracy[eps=0]").get("value").asDouble()).isEqualTo(clean);
        double strong = measurement(pgd, "robust_accuracy[eps=0.5]").get("value").asDouble();
        assertThat(strong).isLessThan(clean);
        assertThat(measurement(pgd, "success_rate[eps=0.5]").get("value").asDouble()).isGreaterThan(0);
        assertThat(measurement(pgd, "model_calls").get("value").asDouble()).isGreaterThan(1);
        assertThat(pgd.get("status").asText()).isEqualTo("fail");
        assertThat(pgd.get("charts").get(0).toString()).contains("Robust accuracy against eps");
        JsonNode rows = pgd.get("tables").get(0).get("rows");
        assertThat(rows).isNotEmpty();
        for (JsonNode row : rows) {
            assertThat(row.get(2).asText()).doesNotContain("age:").doesNotContain("workclass:");
        }
        List<String> csv = Files.readAllLines(dir.resolve("out/adversarial.csv"));
        assertThat(csv.get(0)).startsWith("eps,row,age,workclass").endsWith(",income-per-year,score_before,score_after")
                .doesNotContain("model_");
        assertThat(csv.size()).isGreaterThan(1);
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            double hours = Double.parseDouble(cells[14]);
            assertThat(hours).isBetween(1.0, 99.0).isEqualTo(Math.rint(hours));
            double gain = Double.parseDouble(cells[12]);
            double loss = Double.parseDouble(cells[13]);
            assertThat(gain).as(line).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(gain));
            assertThat(loss).as(line).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(loss));
            assertThat(Double.parseDouble(cells[cells.length - 1])).isNotEqualTo(Double.parseDouble(cells[cells.length - 2]));
        }
        JsonNode simba = checks.get(1);
        assertThat(measurement(simba, "robust_accuracy[eps=0.05]").get("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(measurement(simba, "robust_accuracy[eps=0.05]").get("n").asLong())
                .isLessThan(measurement(simba, "clean_accuracy").get("n").asLong());
    }

    @Test
    void aNegativeEpsIsAClearError() throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: attacks\ndata: {current: "
                + EXAMPLES.resolve("models/adult.csv") + "}\nmodel: " + EXAMPLES.resolve("models/adult_logistic.onnx")
                + "\ncolumns: {label: income-per-year}\nchecks:\n  - type: adversarial\n    eps: [0.1, -1]\n");
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("eps").contains("-1").doesNotContain("Exception");
    }
}
