package dev.assay.io.suite;

import dev.assay.core.check.Check;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.model.ModelSource;
import dev.assay.core.suite.Suite;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed and validated suite file, before its data is loaded.
 *
 * @param file the suite file
 * @param suite the suite's name, description and checks
 * @param current the data under test
 * @param reference the data to compare with; null when the suite has none
 * @param columns the column roles
 * @param settings the evaluation settings shared by the checks
 * @param model the model whose predictions are tested; null when the data holds the predictions
 * @param modelLine the suite-file line of the model, for messages (0 without a model)
 */
public record SuiteFile(Path file, Suite suite, DataSpec current, DataSpec reference, ColumnsSpec columns,
        EvaluationSettings settings, ModelSource model, int modelLine) {

    /** The checks, in order. */
    public List<Check> checks() {
        return suite.checks();
    }
}
