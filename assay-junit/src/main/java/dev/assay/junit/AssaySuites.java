package dev.assay.junit;

import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.SuitePlan;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.api.TestReporter;

/**
 * A YAML suite as one dynamic test per check, so that it shows up check by check in IDEs and Surefire reports:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> releaseGate(TestReporter reporter) {
 *     return AssaySuites.dynamicTests("examples/german-credit/suite.yaml", reporter);
 * }
 * }</pre>
 * The suite runs once, as {@code assay run} runs it; a check whose fail condition broke fails with the check's
 * message and the conditions that broke, a check that could not run fails with the reason, a warning passes with a
 * report entry, and a skipped check is reported as aborted.
 */
public final class AssaySuites {
    private AssaySuites() {
    }

    /**
     * Runs the suite at {@code suiteFile} (resolved as {@link AssayData} paths are) and returns one test per check.
     *
     * @throws dev.assay.core.error.InvalidInputException when the suite or its data cannot be read, naming the
     *     file and line
     */
    public static Stream<DynamicTest> dynamicTests(String suiteFile, TestReporter reporter) {
        SuiteResult result = SuitePlan.fromFile(ProjectPaths.resolve(suiteFile)).run();
        return result.checks().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> verify(c, reporter)));
    }

    /** Passes, reports or fails as the check's result says. */
    static void verify(CheckResult check, TestReporter reporter) {
        if (check.status() == Status.FAIL || check.status() == Status.ERROR) {
            throw new AssertionError(describe(check));
        }
        if (check.status() == Status.SKIPPED) {
            throw new TestAbortedException(check.name() + " was skipped: " + check.message());
        }
        if (check.status() == Status.WARN) {
            reporter.publishEntry(Map.of("warning", describe(check)));
        }
    }

    /** The check's status, message and broken conditions, one a line. */
    static String describe(CheckResult check) {
        String broken = check.conditions().stream().filter(o -> !o.passed())
                .map(o -> "\n  " + o.severity().id() + " " + o.condition() + ": " + o.message())
                .collect(Collectors.joining());
        return check.name() + ": " + check.status().id() + (check.message() == null ? "" : " - " + check.message()) + broken;
    }
}
