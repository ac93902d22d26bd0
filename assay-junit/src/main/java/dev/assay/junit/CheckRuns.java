package dev.assay.junit;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Condition;
import dev.assay.core.data.RowFilter;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Status;
import java.util.List;
import java.util.Map;

/**
 * Runs a check of a registered kind on a {@link ModelUnderTest}, configured as a suite entry would be:
 * the assertions are one-liners over the same checks {@code assay run} executes.
 */
final class CheckRuns {
    private static final CheckKinds KINDS = CheckKinds.discover();

    private CheckRuns() {
    }

    /**
     * The result of a check of {@code kind} with {@code settings} (the kind's keys) and the fail conditions
     * {@code conditions}, on the rows of {@code where} (null for all).
     *
     * @throws IllegalArgumentException when the check could not run (unknown metric or column, bad data),
     *     with the check's message
     */
    static CheckResult run(ModelUnderTest subject, String kind, Map<String, ?> settings, List<String> conditions,
            RowFilter where) {
        String name = kind + " assertion";
        CheckSetup setup = new CheckSetup(name, conditions.stream().map(c -> Condition.parse(c, Severity.FAIL)).toList(),
                where, subject.evaluation(), CheckSetup.DEFAULT_SEED);
        Check check = KINDS.get(kind).create(CheckConfig.of(name, settings), setup);
        CheckResult result = check.run(subject.context());
        if (result.status() == Status.ERROR || result.status() == Status.SKIPPED) {
            throw new IllegalArgumentException("Cannot measure on " + subject.dataName() + (where == null ? ""
                    : " where " + where.describe()) + ": " + result.message());
        }
        return result;
    }
}
