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
 * {@code type: counterfactual} in suites with the bundled models: German credit's logistic regression
 * flipped on personal_status (counts and statsmodels Wilson intervals of
 * golden/counterfactual_german_logistic.json, scripts/golden/counterfactual_golden.py), Adult's on sex
 * with a seeded sample, and bad settings.
 */
class CounterfactualSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRun run(String head, String checks) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: counterfactual\n" + head + "checks:\n" + checks);
        return CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
    }

    private JsonNode checks() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
    }

    private static String german() {
        return "data: {current: " + EXAMPLES.resolve("german-credit/test.csv") + "}\nmodel: "
                + EXAMPLES.resolve("models/german_credit_logistic.onnx") + "\ncolumns: {label: class}\n"
                + "evaluation: {task: binary, positive: bad}\n";
    }

    @Test
    void germanCreditFlipsMatchTheGoldenCountsAndWilsonIntervals() throws IOException {
        CliRun r = run(german(), """
                  - type: counterfactual
                    attribute: personal_status
                    fail: flip_rate <= 0.01
                    warn: flip_rate[personal_status=male single->female div/dep/mar] <= 0.05
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL    Counterfactual flips of personal_status").contains("73 of 900");
        JsonNode golden = new ObjectMapper().readTree(Path.of(EvaluateCommandTest.resource("/golden/counterfactual_german_logistic.json"))
                .toFile());
        JsonNode check = checks().get(0);
        int pairs = 0;
        for (JsonNode m : check.get("measurements")) {
            if (!m.get("name").asText().equals("flip_rate")) {
                continue;
            }
            JsonNode g = m.get("key").isNull() ? golden.get("overall") : golden.get("pairs").get(m.get("key").asText());
            assertThat(g).as(m.toString()).isNotNull();
            assertThat(m.get("n").asLong()).isEqualTo(g.get("rows").asLong());
            assertThat(m.get("value").asDouble()).isCloseTo(g.get("flip_rate").asDouble(), within(1e-15));
            assertThat(m.get("interval").get("lower").asDouble()).isCloseTo(g.get("lower").asDouble(), within(1e-12));
            assertThat(m.get("interval").get("upper").asDouble()).isCloseTo(g.get("upper").asDouble(), within(1e-12));
            pairs++;
        }
        assertThat(pairs).isEqualTo(13);
        JsonNode warn = check.get("conditions").get(1);
        assertThat(warn.get("passed").asBoolean()).as(warn.toString()).isFalse();
        assertThat(check.get("tables").get(0).get("rows")).hasSize(12);
    }

    @Test
    void adultSexFlipsOnASeededSampleAndValuesPickPairs() throws IOException {
        CliRun r = run("data: {current: " + EXAMPLES.resolve("models/adult.csv") + "}\nmodel: "
                + EXAMPLES.resolve("models/adult_logistic.onnx") + "\ncolumns: {label: income-per-year}\n"
                + "evaluation: {task: binary, positive: \">50K\"}\n", """
                  - type: counterfactual
                    attribute: race
                    values: [White, Black]
                    max_rows: 3000
                    warn: max(flip_rate[*]) <= 0.001
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        JsonNode check = checks().get(0);
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(check.get("tables").get(0).get("rows")).hasSize(2);
        assertThat(check.get("notes").toString()).contains("sample of 3000 of the 32561 rows");
        assertThat(check.get("measurements").toString()).contains("race=White->Black").contains("race=Black->White");
    }

    @Test
    void badSettingsAndInputAreNamed() throws IOException {
        CliRun r = run(german(), "  - type: counterfactual\n    attributes: [personal_status, foreign_worker]\n    values: [yes, no]\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("suite.yaml").contains("values").contains("one attribute").doesNotContain("Exception");
        r = run(german(), "  - type: counterfactual\n    attribute: age\n  - type: counterfactual\n    attribute: sex\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'age' is numeric").contains("Unknown column 'sex'").doesNotContain("Exception");
        r = run("data: {current: " + EXAMPLES.resolve("german-credit/test.csv") + "}\ncolumns: {label: class}\n",
                "  - type: counterfactual\n    attribute: personal_status\n");
        assertThat(checks().get(0).get("status").asText()).as(r.out() + r.err()).isEqualTo("skipped");
        assertThat(checks().get(0).get("message").asText()).contains("a model");
    }
}
