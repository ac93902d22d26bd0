package dev.assay.cli;

import static dev.assay.cli.ReportMeasurements.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: explanation} in suites with the bundled German credit and Adult models. */
class ExplanationSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRun run(String head, String checks) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: explanations\n" + head + "checks:\n" + checks);
        return CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
    }

    private JsonNode checks() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
    }

    private static String german(String model) {
        return "data: {current: " + EXAMPLES.resolve("german-credit/test.csv") + "}\nmodel: "
                + EXAMPLES.resolve("models/" + model) + "\ncolumns: {label: class}\n"
                + "evaluation: {task: binary, positive: bad}\n";
    }

    @Test
    void germanCreditKernelShapAndPermutation() throws IOException {
        CliRun r = run(german("german_credit_logistic.onnx"), """
                  - type: explanation
                    max_rows: 20
                    background: 20
                    fail: [additivity_error <= 1e-9, "rank[checking_status] <= 5", concentration <= 0.5, stability >= 0.5]
                    warn: "rank[foreign_worker] < 5"
                  - type: explanation
                    method: permutation
                    max_rows: 300
                    fail: ["rank[checking_status] <= 5"]
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        JsonNode shap = checks().get(0);
        assertThat(shap.get("status").asText()).as(shap.toString()).isEqualTo("warn");
        assertThat(measurement(shap, "additivity_error", null).get("value").asDouble()).isLessThan(1e-9);
        assertThat(measurement(shap, "rank", "duration").get("value").asDouble()).isEqualTo(1);
        assertThat(measurement(shap, "rank", "foreign_worker").get("value").asDouble()).isEqualTo(20);
        assertThat(measurement(shap, "stability", null).get("value").asDouble()).isBetween(0.5, 1.0);
        double sum = 0;
        double max = 0;
        for (JsonNode m : shap.get("measurements")) {
            if (m.get("name").asText().equals("importance")) {
                sum += m.get("value").asDouble();
                max = Math.max(max, m.get("value").asDouble());
            }
        }
        assertThat(measurement(shap, "concentration", null).get("value").asDouble()).isCloseTo(max / sum, within(1e-12));
        assertThat(shap.get("charts")).extracting(c -> c.get("type").asText()).containsExactly("bar", "beeswarm", "waterfall",
                "waterfall", "waterfall");
        JsonNode permutation = checks().get(1);
        assertThat(permutation.get("status").asText()).as(permutation.toString()).isEqualTo("pass");
        assertThat(measurement(permutation, "additivity_error", null).get("value").isNull()).isTrue();
        assertThat(r.out()).contains("Explanation (kernel_shap)").contains("Explanation (permutation)");
    }

    @Test
    void adultForestExactOnChosenFeatures() throws IOException {
        CliRun r = run("data: {current: " + EXAMPLES.resolve("models/adult.csv") + "}\nmodel: "
                + EXAMPLES.resolve("models/adult_forest.tribuo.gz") + "\ncolumns: {label: income-per-year}\n"
                + "evaluation: {task: binary, positive: \">50K\"}\n", """
                  - type: explanation
                    method: exact
                    features: [age, education-num, marital-status, capital-gain, hours-per-week, sex]
                    max_rows: 10
                    background: 10
                    fail: [additivity_error <= 1e-9, "rank[sex] > 1"]
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        JsonNode exact = checks().get(0);
        assertThat(exact.get("status").asText()).as(exact.toString()).isEqualTo("pass");
        assertThat(measurement(exact, "importance", "capital-gain").get("n").asLong()).isEqualTo(10);
    }

    @Test
    void badSettingsAndConditionsAreExplained() throws IOException {
        CliRun unknown = run(german("german_credit_logistic.onnx"), """
                  - type: explanation
                    max_rows: 5
                    background: 5
                    fail: ["rank[colour] > 3"]
                """);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.out() + unknown.err()).contains("names feature 'colour', which is not explained");
        CliRun method = run(german("german_credit_logistic.onnx"), """
                  - type: explanation
                    method: tree_shap
                """);
        assertThat(method.exitCode()).isEqualTo(2);
        assertThat(method.out() + method.err()).contains("is not a tree ensemble Assay can read");
        CliRun typo = run(german("german_credit_logistic.onnx"), """
                  - type: explanation
                    method: shap
                """);
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.out() + typo.err()).contains("Unknown explanation method 'shap'");
    }
}
