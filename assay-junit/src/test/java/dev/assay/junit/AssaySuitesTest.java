package dev.assay.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/** The example suite as dynamic tests: one per check, warnings reported, failures thrown with the check's message. */
class AssaySuitesTest {

    /** How a user writes it: the German credit release gate passes check by check (it has warnings only). */
    @TestFactory
    Stream<DynamicTest> germanCreditReleaseGate(TestReporter reporter) {
        return AssaySuites.dynamicTests("examples/german-credit/suite.yaml", reporter);
    }

    @Test
    void oneTestPerCheckAndWarningsBecomeReportEntries() throws Throwable {
        List<Map<String, String>> entries = new ArrayList<>();
        List<DynamicTest> tests = AssaySuites.dynamicTests("examples/german-credit/suite.yaml", entries::add).toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName).hasSize(12)
                .startsWith("Model performance", "Ranking quality holds up on new applicants");
        for (DynamicTest t : tests) {
            t.getExecutable().execute();
        }
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.get("warning")).contains(": warn"));
    }

    @Test
    void aFailedConditionFailsItsTestWithTheChecksMessage(@TempDir Path dir) throws Throwable {
        Path suite = dir.resolve("suite.yaml");
        Path data = Path.of(ProjectPaths.resolve("examples/german-credit/test.csv").toString()).toAbsolutePath();
        Path model = ProjectPaths.resolve("examples/models/german_credit_logistic.onnx").toAbsolutePath();
        Files.writeString(suite, String.join("\n", "suite: Gate", "data:", "  current: " + data, "model: " + model,
                "columns:", "  label: class", "evaluation:", "  positive: bad", "checks:",
                "  - name: Catches bad risks", "    metric: recall", "    fail: recall >= 0.5",
                "  - name: Ranks well", "    metric: roc_auc", "    fail: roc_auc >= 0.7", ""));
        List<DynamicTest> tests = AssaySuites.dynamicTests(suite.toString(), e -> { }).toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("Catches bad risks", "Ranks well");
        assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Catches bad risks: fail")
                .hasMessageContaining("\n  fail recall >= 0.5: ");
        tests.get(1).getExecutable().execute();
    }

    @Test
    void aMissingSuiteIsNamed() {
        assertThatThrownBy(() -> AssaySuites.dynamicTests("no/such/suite.yaml", e -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("suite.yaml");
    }
}
