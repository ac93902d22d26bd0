package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: partial_dependence} in suites with the bundled German credit models. */
class PartialDependenceSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRun run(String model, String checks) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: explain\ndata: {current: "
                + EXAMPLES.resolve("german-credit/test.csv") + "}\nmodel: " + EXAMPLES.resolve("models/" + model)
                + "\ncolumns: {label: class}\nevaluation: {task: binary, positive: bad}\nchecks:\n" + checks);
        return CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
    }

    private JsonNode checks() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
    }

    private static double value(JsonNode check, String id) {
        for (JsonNode m : check.get("measurements")) {
            String key = m.hasNonNull("key") ? "[" + m.get("key").asText() + "]" : "";
            if ((m.get("name").asText() + key).equals(id)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + id + " in " + check);
    }

    @Test
    void aLogisticModelIsMonotoneAndAForestIsNot() throws IOException {
        String checks = """
                  - type: partial_dependence
                    columns: [credit_history]
                    increasing: [duration]
                    pair: [duration, age]
                    fail:
                      - monotonicity_violation[duration] <= 0.001
                      - min(pd_range[*]) >= 0
                """;
        CliRun r = run("german_credit_logistic.onnx", checks);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        JsonNode logistic = checks().get(0);
        assertThat(value(logistic, "monotonicity_violation[duration]")).isLessThan(1e-12);
        assertThat(value(logistic, "pd_range[duration]")).isGreaterThan(0.05);
        assertThat(logistic.get("charts")).hasSize(3);
        assertThat(Files.readString(dir.resolve("r/report.html"))).contains("Partial dependence on duration and age");

        r = run("german_credit_forest.onnx", checks);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode forest = checks().get(0);
        assertThat(value(forest, "monotonicity_violation[duration]")).isGreaterThan(0.001);
    }

    @Test
    void badSettingsAreExplained() throws IOException {
        CliRun r = run("german_credit_logistic.onnx", "  - type: partial_dependence\n    increasing: [credit_history]\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("credit_history").contains("categorical").doesNotContain("Exception");
        r = run("german_credit_logistic.onnx", "  - type: partial_dependence\n    columns: [agee]\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("agee").doesNotContain("Exception");
        r = run("german_credit_logistic.onnx", "  - type: partial_dependence\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("columns");
        r = run("german_credit_logistic.onnx", "  - type: partial_dependence\n    pair: [age]\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("pair");
    }
}
