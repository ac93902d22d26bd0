package dev.assay.core.contract;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Condition;
import dev.assay.core.check.Requirements;
import dev.assay.core.result.ConditionOutcome.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code type: contract}: a data contract on the current data (see {@link ContractReader} for the
 * keys {@code columns}, {@code rows} and {@code mostly}). Measures {@code failed_expectations},
 * {@code expectations}, {@code row_count}, and per expectation {@code unexpected_count[id]} and
 * {@code unexpected_share[id]} with ids such as {@code age:range}. Without a {@code fail} condition
 * the check fails when any expectation fails ({@code failed_expectations == 0}).
 */
public final class ContractCheckKind implements CheckKind {
    /** The condition a contract check gets when its entry has no {@code fail} condition. */
    public static final String DEFAULT_CONDITION = "failed_expectations == 0";

    @Override
    public String id() {
        return ContractCheck.KIND;
    }

    @Override
    public String description() {
        return "Data contract: expectations on columns (type, missing values, allowed values, range, regex, length,"
                + " uniqueness, order) and on the row count, each with a 'mostly' tolerance.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("columns", "column name to its expectations: " + String.join(", ", ContractReader.COLUMN_KEYS)),
                new ConfigKey("rows", "bounds of the row count: {min: N, max: N}"),
                new ConfigKey("mostly", "the share of checked rows each expectation needs, in (0, 1] (default 1)"));
    }

    @Override
    public String measures() {
        return String.join(", ", ContractCheck.MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Data contract";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        Contract contract = ContractReader.read(setup.name(), config);
        return new ContractCheck(withDefaultCondition(setup), contract);
    }

    /** {@code setup} with {@link #DEFAULT_CONDITION} added when it has no failure-level condition. */
    public static CheckSetup withDefaultCondition(CheckSetup setup) {
        if (setup.conditions().stream().anyMatch(c -> c.severity() == Severity.FAIL)) {
            return setup;
        }
        List<Condition> conditions = new ArrayList<>(setup.conditions());
        conditions.add(Condition.parse(DEFAULT_CONDITION, Severity.FAIL));
        return new CheckSetup(setup.name(), conditions, setup.where(), setup.evaluation(), setup.seed());
    }
}
