package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: metamorphic} in suites with the bundled Adult logistic model. */
class MetamorphicSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String HEAD = "data: {current: " + EXAMPLES.resolve("models/adult.csv") + "}\nmodel: "
            + EXAMPLES.resolve("models/adult_logistic.onnx") + "\ncolumns: {label: income-per-year}\n"
            + "evaluation: {task: binary, positive: \">50K\"}\n";

    @TempDir
    Path dir;

    private CliRun run(String checks) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: metamorphic\n" + HEAD + "checks:\n" + checks);
        return CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
    }

    private JsonNode checks() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
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
    void invDirAndMftOnAdult() throws IOException {
        CliRun r = run("""
                  - type: metamorphic
                    test: inv
                    substitute: {column: sex, from: Male, to: Female}
                    max_rows: 3000
                    fail: fail_rate <= 0.001
                  - type: metamorphic
                    test: dir
                    change: {column: capital-gain, add: 5000}
                    direction: not_decrease
                    max_rows: 3000
                    fail: fail_rate <= 0
                  - type: metamorphic
                    test: mft
                    cases: |
                      age,workclass,fnlwgt,education,education-num,marital-status,occupation,relationship,race,sex,capital-gain,capital-loss,hours-per-week,native-country,income-per-year
                      52,Self-emp-inc,287927,Doctorate,16,Married-civ-spouse,Exec-managerial,Husband,White,Male,99999,0,60,United-States,>50K
                      19,Private,168294,HS-grad,9,Never-married,Other-service,Own-child,White,Female,0,0,20,United-States,<=50K
                      23,Private,122272,HS-grad,9,Never-married,Handlers-cleaners,Own-child,White,Male,0,0,30,United-States,>50K
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode inv = checks().get(0);
        assertThat(value(inv, "tested")).isGreaterThan(1000).isLessThan(3000);
        assertThat(value(inv, "failures")).isGreaterThan(0);
        assertThat(inv.get("status").asText()).isEqualTo("fail");
        assertThat(inv.get("tables").get(0).get("rows").get(0).get(1).asText()).isEqualTo("sex: Male → Female");
        JsonNode dir = checks().get(1);
        assertThat(dir.get("status").asText()).as(dir.toString()).isEqualTo("pass");
        assertThat(value(dir, "tested")).isEqualTo(3000);
        JsonNode mft = checks().get(2);
        assertThat(value(mft, "tested")).isEqualTo(3);
        assertThat(value(mft, "failures")).isEqualTo(1);
        assertThat(mft.get("tables").get(0).get("rows").get(0).get(0).asText()).isEqualTo("case 3");
        assertThat(r.out()).contains("INV: sex: Male → Female");
    }

    @Test
    void badSettingsAreNamed() throws IOException {
        CliRun r = run("  - type: metamorphic\n    test: dir\n    change: {column: age, add: 1}\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("suite.yaml").contains("not_decrease").doesNotContain("Exception");
        r = run("  - type: metamorphic\n    test: inv\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("exactly one of 'perturbation', 'substitute' or 'change'").doesNotContain("Exception");
        r = run("  - type: metamorphic\n    test: mft\n    cases: \"age,sex\\n30,Male\\n\"\n");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("no column 'income-per-year'").doesNotContain("Exception");
    }
}
