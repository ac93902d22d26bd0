package dev.assay.cli;

import static dev.assay.cli.ReportMeasurements.measurement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: perturbation} in suites with the bundled German credit and Adult models. */
class PerturbationSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRun run(String head, String checks) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: robustness\n" + head + "checks:\n" + checks);
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
    void germanCreditUnderNoiseAndZeroNoise() throws IOException {
        CliRun r = run(german("german_credit_logistic.onnx"), """
                  - type: perturbation
                    perturbation: gaussian_noise
                    sigma: 0.5
                    columns: [duration, credit_amount, age]
                    immutable: [age]
                    bounds: {duration: "4..72"}
                    fail: [accuracy_drop <= 0.2, flip_rate <= 0.01]
                  - type: perturbation
                    perturbation: gaussian_noise
                    sigma: 0
                    fail: [accuracy_drop <= 0, flip_rate <= 0]
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode noisy = checks().get(0);
        assertThat(noisy.get("status").asText()).isEqualTo("fail");
        JsonNode flips = measurement(noisy, "flip_rate");
        assertThat(flips.get("value").asDouble()).isGreaterThan(0.01);
        assertThat(flips.get("interval").get("lower").asDouble()).isLessThan(flips.get("value").asDouble());
        JsonNode drop = measurement(noisy, "accuracy_drop");
        assertThat(drop.get("interval").get("lower").asDouble()).isLessThanOrEqualTo(drop.get("value").asDouble());
        JsonNode table = noisy.get("tables").get(0);
        assertThat(table.get("rows")).isNotEmpty();
        for (JsonNode row : table.get("rows")) {
            assertThat(row.get(1).asText()).doesNotContain("age:").containsAnyOf("duration:", "credit_amount:");
        }
        JsonNode zero = checks().get(1);
        assertThat(zero.get("status").asText()).as(zero.toString()).isEqualTo("pass");
        assertThat(measurement(zero, "changed_rows").get("value").asDouble()).isZero();
        assertThat(measurement(zero, "accuracy_drop").get("value").asDouble()).isZero();
    }

    @Test
    void adultForestUnderCategorySwapsAndMissingValuesOnASample() throws IOException {
        CliRun r = run("data: {current: " + EXAMPLES.resolve("models/adult.csv") + "}\nmodel: "
                + EXAMPLES.resolve("models/adult_forest.tribuo.gz") + "\ncolumns: {label: income-per-year}\n"
                + "evaluation: {task: binary, positive: \">50K\"}\n", """
                  - type: perturbation
                    perturbation: category_swap
                    rate: 0.2
                    immutable: [sex, race]
                    max_rows: 2000
                    metric: roc_auc
                    warn: roc_auc_drop <= 0.01
                  - type: perturbation
                    perturbation: missing_values
                    rate: 0.1
                    columns: [workclass, occupation]
                    max_rows: 2000
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        JsonNode swap = checks().get(0);
        assertThat(swap.get("status").asText()).as(swap.toString()).isEqualTo("warn");
        assertThat(measurement(swap, "roc_auc_drop").get("n").asLong()).isEqualTo(2000);
        for (JsonNode row : swap.get("tables").get(0).get("rows")) {
            assertThat(row.get(1).asText()).doesNotContain("sex:").doesNotContain("race:");
        }
        assertThat(r.out()).contains("Robustness to category_swap (rate 0.2)");
    }

    @Test
    void onnxAndTribuoExportsOfTheSameModelFlipTheSameRows() throws IOException {
        String check = """
                  - type: perturbation
                    perturbation: extreme_values
                    rate: 0.1
                    bounds: {age: "17..90", capital-loss: "0.."}
                    max_rows: 3000
                """;
        double[][] values = new double[2][];
        String[] models = {"adult_logistic.onnx", "adult_logistic.tribuo.gz"};
        for (int m = 0; m < 2; m++) {
            CliRun r = run("data: {current: " + EXAMPLES.resolve("models/adult.csv") + "}\nmodel: "
                    + EXAMPLES.resolve("models/" + models[m]) + "\ncolumns: {label: income-per-year}\n"
                    + "evaluation: {task: binary, positive: \">50K\"}\n", check);
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
            JsonNode c = checks().get(0);
            values[m] = new double[] {measurement(c, "flip_rate").get("value").asDouble(),
                measurement(c, "accuracy_drop").get("value").asDouble(), measurement(c, "changed_rows").get("value").asDouble()};
        }
        assertThat(values[0]).containsExactly(values[1]);
        assertThat(values[0][0]).isGreaterThan(0);
    }

    @Test
    void badSettingsAreNamed() throws IOException {
        CliRun r = run(german("german_credit_logistic.onnx"), "  - type: perturbation\n    perturbation: noise\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("suite.yaml").contains("gaussian_noise").doesNotContain("Exception");
        r = run(german("german_credit_logistic.onnx"), "  - type: perturbation\n    perturbation: missing_values\n    rate: 1.5\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("between 0 and 1").doesNotContain("Exception");
        r = run(german("german_credit_logistic.onnx"), "  - type: perturbation\n    perturbation: missing_values\n    sigma: 0.2\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'sigma' is not a setting of missing_values; its settings: rate").doesNotContain("Exception");
        r = run(german("german_credit_logistic.onnx"), "  - type: perturbation\n    perturbation: rounding\n    columns: [agee]\n"
                + "  - type: perturbation\n    perturbation: rounding\n    decimals: -1\n    bounds: {age: \"30..40\"}\n");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("agee").contains("outside its bounds").doesNotContain("Exception");
        r = run("data: {current: " + EXAMPLES.resolve("german-credit/test.csv") + "}\ncolumns: {label: class}\n",
                "  - type: perturbation\n    perturbation: rounding\n");
        assertThat(checks().get(0).get("status").asText()).as(r.out() + r.err()).isEqualTo("skipped");
    }
}
