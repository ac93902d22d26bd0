package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: edge_cases} in suites with the bundled Adult models (ONNX and Tribuo). */
class EdgeCasesSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private JsonNode run(String model, String checks, int exit) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: edge\ndata: {current: " + EXAMPLES.resolve("models/adult.csv")
                + "}\nmodel: " + EXAMPLES.resolve("models/" + model) + "\ncolumns: {label: income-per-year}\nchecks:\n" + checks);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(exit);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    private static double value(JsonNode check, String name) {
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().equals(name)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + name + " in " + check);
    }

    @Test
    void onnxAdultModelReturnsNanForMissingNumbers() throws IOException {
        JsonNode c = run("adult_logistic.onnx", "  - type: edge_cases\n    fail: [crashes == 0, non_finite == 0]\n", 1);
        assertThat(c.get("status").asText()).isEqualTo("fail");
        assertThat(value(c, "cases")).isEqualTo(63); // 5 numeric inputs × 6 cases + 8 categorical × 4 + the all-missing row
        assertThat(value(c, "crashes")).isZero();
        assertThat(value(c, "non_finite")).isEqualTo(6);
        assertThat(value(c, "out_of_range")).isZero();
        JsonNode rows = c.get("tables").get(0).get("rows");
        assertThat(rows.get(0).get(0).asText()).isEqualTo("age = missing");
        assertThat(rows.get(0).get(2).asText()).isEqualTo("probabilities <=50K=NaN, >50K=NaN");
        assertThat(rows.get(0).get(3).asText()).startsWith("age=(missing), capital-gain=0");
        assertThat(rows.get(5).get(0).asText()).isEqualTo("all inputs missing");
    }

    @Test
    void tribuoAdultForestThrowsOnMissingNumbersAndTheRunGoesOn() throws IOException {
        JsonNode c = run("adult_forest.tribuo.gz", "  - type: edge_cases\n    batch: 16\n    warn: crashes == 0\n", 0);
        assertThat(c.get("status").asText()).isEqualTo("warn");
        assertThat(value(c, "crashes")).isEqualTo(6);
        assertThat(value(c, "non_finite") + value(c, "out_of_range")).isZero();
        JsonNode first = c.get("tables").get(0).get("rows").get(0);
        assertThat(first.get(0).asText()).isEqualTo("age = missing");
        assertThat(first.get(1).asText()).isEqualTo("crash");
        assertThat(first.get(2).asText()).contains("adult_forest.tribuo.gz").contains("age");
    }
}
