package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data integrity kinds and {@code type: contract} in suites, end to end on Adult (with its
 * {@code ?} missing markers) and the German credit splits, against golden/integrity_adult.json
 * (pandas 1.5.3, scikit-learn 1.2.1; scripts/golden/integrity_golden.py).
 */
class IntegritySuiteTest {
    private static final Path GOLDEN = Path.of("../assay-core/src/test/resources/golden/integrity_adult.json");

    @TempDir
    Path dir;

    private JsonNode run(String suite, int exit) throws IOException {
        Path file = Files.writeString(dir.resolve("suite.yaml"), suite);
        CliRun run = CliRun.of("run", file.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exit);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
    }

    private static Map<String, Double> values(JsonNode check) {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode m : check.get("measurements")) {
            out.put(m.get("name").asText() + (m.hasNonNull("key") ? "[" + m.get("key").asText() + "]" : ""), m.get("value").asDouble());
        }
        return out;
    }

    @Test
    void adultIntegrityMatchesPandasEndToEnd() throws IOException {
        Files.copy(Path.of("../examples/models/adult.csv"), dir.resolve("adult.csv"));
        JsonNode checks = run("""
                suite: adult data integrity
                data: {current: adult.csv, missing: ["?"]}
                columns: {label: income-per-year}
                checks:
                  - type: missing_values
                    fail: max_missing_share < 0.10
                    warn: missing_share[occupation] < 0.05
                  - type: duplicate_rows
                    fail: duplicate_share < 0.01
                  - type: conflicting_labels
                    fail: conflicting_share < 0.001
                  - type: class_imbalance
                    warn: imbalance_ratio >= 0.5
                  - type: feature_label_leakage
                    fail: max_feature_auc < 0.95
                  - type: outliers
                    columns: [age]
                    fail: outlier_share[age] < 0.01
                  - type: isolation_forest
                    columns: [age, hours-per-week, education-num]
                    fail: outlier_share < 0.25
                  - type: string_mismatch
                    columns: [workclass, education, occupation, native-country]
                    fail: max_mismatch_share == 0
                  - type: special_characters
                    fail: max_special_share == 0
                  - type: mixed_types
                    fail: mixed_columns == 0
                  - type: single_value
                    fail: single_value_columns == 0
                  - name: Adult contract
                    type: contract
                    rows: {min: 30000}
                    columns:
                      age: {type: integer, min: 17, max: 90}
                      workclass: {nullable: false, mostly: 0.9}
                      sex: {allowed: [Male, Female]}
                """, 0);
        JsonNode g = new ObjectMapper().readTree(GOLDEN.toFile());
        assertThat(checks).hasSize(12);
        for (JsonNode c : checks) {
            assertThat(c.get("status").asText()).as(c.get("name").asText() + " " + c.get("message")).isIn("pass", "warn");
        }
        Map<String, Double> missing = values(checks.get(0));
        assertThat(checks.get(0).get("status").asText()).isEqualTo("warn");
        assertThat(missing.get("missing_share[occupation]")).isCloseTo(g.get("missing_share").get("occupation").asDouble(), within(1e-12));
        assertThat(values(checks.get(1)).get("duplicate_count")).isEqualTo(g.get("duplicate_count").asDouble());
        assertThat(values(checks.get(2)).get("conflicting_count")).isEqualTo(g.get("conflicting_count").asDouble());
        assertThat(values(checks.get(3)).get("imbalance_ratio")).isCloseTo(g.get("imbalance_ratio").asDouble(), within(1e-12));
        assertThat(values(checks.get(4)).get("feature_auc[relationship]"))
                .isCloseTo(g.get("feature_auc").get("relationship").asDouble(), within(1e-12));
        assertThat(values(checks.get(5)).get("outlier_count[age]")).isEqualTo(g.get("iqr").get("age").get("count").asDouble());
        assertThat(values(checks.get(8)).get("max_special_share")).isZero();
        // the forest's trees differ from scikit-learn's: the flagged share agrees to within one percentage point
        assertThat(values(checks.get(6)).get("outlier_share"))
                .isCloseTo(g.get("isolation_outlier_share_age_hours_education").asDouble(), within(0.01));
        Map<String, Double> contract = values(checks.get(11));
        assertThat(contract.get("failed_expectations")).isZero();
        assertThat(contract.get("unexpected_count[workclass:not_null]")).isEqualTo(g.get("missing_count").get("workclass").asDouble());
        JsonNode evidence = checks.get(1).get("tables").get(0);
        assertThat(evidence.get("rows").get(0).get(1).asText()).matches("row \\d+ \\(line \\d+\\)(, row \\d+ \\(line \\d+\\))+");
    }

    @Test
    void leakageNewCategoriesAndAFailingContractOnGermanCredit() throws IOException {
        Files.copy(Path.of("../examples/german-credit/train.csv"), dir.resolve("train.csv"));
        Path test = dir.resolve("test.csv");
        String text = Files.readString(Path.of("../examples/german-credit/test.csv"));
        String[] train = Files.readString(Path.of("../examples/german-credit/train.csv")).split("\n");
        // plant: three training rows copied into the test set, and a purpose never seen in training
        String[] fresh = train[4].split(",");
        fresh[3] = "crypto";
        Files.writeString(test, text + train[1] + "\n" + train[2] + "\n" + train[3] + "\n" + String.join(",", fresh) + "\n");
        JsonNode checks = run("""
                suite: german credit split
                data: {current: test.csv, reference: train.csv}
                columns: {label: class}
                checks:
                  - type: train_test_leakage
                    fail: leaked_count == 0
                  - type: new_categories
                    columns: [purpose]
                    warn: new_category_count[purpose] == 0
                  - name: Split contract
                    type: contract
                    rows: {max: 300}
                    columns:
                      duration: {min: 4, max: 72}
                """, 1);
        assertThat(checks.get(0).get("status").asText()).isEqualTo("fail");
        assertThat(values(checks.get(0)).get("leaked_count")).isGreaterThanOrEqualTo(3.0);
        assertThat(checks.get(0).get("tables").get(0).get("rows").get(0).get(1).asText()).startsWith("row ");
        assertThat(checks.get(1).get("status").asText()).as(checks.get(1).toString()).isIn("warn");
        assertThat(values(checks.get(1)).get("new_category_count[purpose]")).isGreaterThanOrEqualTo(1.0);
        assertThat(checks.get(2).get("status").asText()).isEqualTo("fail");
        assertThat(checks.get(2).get("message").asText()).contains("rows:count");
    }

    @Test
    void aBadContractEntryNamesTheSuiteLine() throws IOException {
        Files.copy(Path.of("../examples/german-credit/train.csv"), dir.resolve("train.csv"));
        Path file = Files.writeString(dir.resolve("suite.yaml"), """
                suite: bad
                data: {current: train.csv}
                columns: {label: class}
                checks:
                  - type: contract
                    columns:
                      duration: {minimum: 4}
                """);
        CliRun run = CliRun.of("run", file.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("suite.yaml line 7").contains("unknown key 'minimum'")
                .contains("Did you mean 'min'?");
    }
}
