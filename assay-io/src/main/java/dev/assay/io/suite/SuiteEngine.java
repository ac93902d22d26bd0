package dev.assay.io.suite;

import dev.assay.core.progress.Progress;
import dev.assay.core.result.SuiteResult;
import java.util.Map;

/**
 * Another way to run a suite than loading its data into this process, found with
 * {@link java.util.ServiceLoader} by {@code assay run --engine ID} (e.g. {@code spark} from the
 * assay-spark jar). It reads the plan's data itself and returns the same result type, so the
 * reports and the exit code are those of a local run.
 */
public interface SuiteEngine {

    /** The value of {@code --engine} that selects this engine. */
    String id();

    /**
     * Runs {@code plan}.
     *
     * @param options engine options given on the command line, such as {@code master}
     * @throws dev.assay.core.error.InvalidInputException when the data cannot be read, naming the file and the fix
     */
    SuiteResult run(SuitePlan plan, Map<String, String> options, Progress progress);
}
