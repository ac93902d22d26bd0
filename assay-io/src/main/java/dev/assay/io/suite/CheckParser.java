package dev.assay.io.suite;

import dev.assay.core.check.Check;
import dev.assay.core.check.Condition;
import dev.assay.core.metrics.EvaluationSettings;
import java.util.List;
import java.util.Set;

/**
 * Reads one kind of check ({@code type: metric}, ...) from its suite-file entry. A new kind of check
 * plugs in by adding a parser to {@link SuiteFileParser#PARSERS}.
 */
interface CheckParser {

    /** Keys this kind accepts besides the common ones ({@code type}, {@code name}, {@code fail}, {@code warn}, {@code where}). */
    Set<String> keys();

    /** A default display name when the entry has none. */
    String defaultName(YamlSection entry);

    /**
     * Builds the check.
     *
     * @param entry the entry, with its keys already checked
     * @param name the display name
     * @param settings the suite's evaluation settings
     * @param conditions the parsed fail and warn conditions
     * @param where the row filter, or null
     */
    Check parse(YamlSection entry, String name, EvaluationSettings settings, List<Condition> conditions,
            dev.assay.core.data.RowFilter where);
}
