package dev.assay.core.check;

import dev.assay.core.data.ColumnTest;
import dev.assay.core.data.RowFilter;
import dev.assay.core.data.ValueSet;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.ConditionOutcome.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common part of the builders of checks in Java: name, conditions, slice, evaluation settings
 * and seed, the same things a suite entry gives with {@code name}, {@code fail}, {@code warn},
 * {@code where} and {@code seed}. Conditions are parsed as they are added, so a typo fails at once.
 *
 * @param <B> the concrete builder, returned by every method
 */
public abstract class CheckBuilder<B extends CheckBuilder<B>> {
    private String name;
    private final List<Condition> conditions = new ArrayList<>();
    private final Map<String, ColumnTest> where = new LinkedHashMap<>();
    private EvaluationSettings evaluation = EvaluationSettings.defaults();
    private long seed = CheckSetup.DEFAULT_SEED;

    /** The display name; without one, the check's kind chooses it. */
    public B name(String displayName) {
        this.name = displayName;
        return self();
    }

    /** Conditions whose failure fails the check, e.g. {@code "recall >= 0.8"}. */
    public B fail(String... texts) {
        for (String t : texts) {
            conditions.add(Condition.parse(t, Severity.FAIL));
        }
        return self();
    }

    /** Conditions whose failure only warns. */
    public B warn(String... texts) {
        for (String t : texts) {
            conditions.add(Condition.parse(t, Severity.WARN));
        }
        return self();
    }

    /** Runs on the rows whose {@code column} holds one of {@code values} (and any other slice given). */
    public B where(String column, String... values) {
        where.put(column, new ValueSet(List.of(values)));
        return self();
    }

    /** Runs on the rows whose {@code column} passes {@code test}, e.g. {@code NumericRange.parse("[25, 40)")}. */
    public B where(String column, ColumnTest test) {
        where.put(column, test);
        return self();
    }

    /** Task, positive class, threshold and zero-division policy. */
    public B evaluation(EvaluationSettings settings) {
        this.evaluation = settings;
        return self();
    }

    /** The seed for anything random the check does. */
    public B seed(long value) {
        this.seed = value;
        return self();
    }

    /** The setup collected so far, named {@code defaultName} when no name was given. */
    protected final CheckSetup setup(String defaultName) {
        return new CheckSetup(name == null ? defaultName : name, conditions, where.isEmpty() ? null : new RowFilter(where),
                evaluation, seed);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
