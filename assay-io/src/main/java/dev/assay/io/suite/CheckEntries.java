package dev.assay.io.suite;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Condition;
import dev.assay.core.check.MeasuredConditions;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.ColumnTest;
import dev.assay.core.data.RowFilter;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.ConditionOutcome.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code checks} list of a suite file. The keys every check has ({@code type, name, fail,
 * warn, where, seed}) are read here; the rest of an entry goes to its {@link CheckKind}. After the
 * kind builds the check, the rules every kind shares are enforced at the line that breaks them:
 * a condition about a value the check does not measure, a condition on {@code reference} in a suite
 * without reference data, and a check that reads predictions in a suite that has none.
 */
final class CheckEntries {
    static final Set<String> COMMON_KEYS = Set.of("type", "name", "fail", "warn", "where", "seed");

    private final CheckKinds kinds;
    private final EvaluationSettings evaluation;
    private final long seed;
    private final boolean hasReference;
    private final boolean hasPredictions;
    private final List<SuitePlan.Slice> slices = new ArrayList<>();

    /**
     * @param kinds the kinds of check available
     * @param evaluation the suite's evaluation settings, shared by its checks
     * @param seed the suite's seed, used by checks that do not give their own
     * @param hasReference whether the suite names reference data
     * @param hasPredictions whether the suite names a model or prediction columns
     */
    CheckEntries(CheckKinds kinds, EvaluationSettings evaluation, long seed, boolean hasReference, boolean hasPredictions) {
        this.kinds = kinds;
        this.evaluation = evaluation;
        this.seed = seed;
        this.hasReference = hasReference;
        this.hasPredictions = hasPredictions;
    }

    List<Check> read(YamlSection top) {
        List<YamlSection> entries = top.sections("checks");
        if (entries.isEmpty()) {
            throw new SuiteFileException(top.file(), top.line("checks"), "the suite has no checks. Add a 'checks' list, "
                    + "for example:\n  checks:\n    - metric: recall\n      fail: recall >= 0.8");
        }
        List<Check> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection entry : entries) {
            Check check = entry(entry);
            if (!names.add(check.name())) {
                throw entry.error("name", "two checks are named '" + check.name() + "'. Give each check a distinct 'name'.");
            }
            out.add(check);
        }
        return out;
    }

    private Check entry(YamlSection entry) {
        CheckKind kind = kind(entry);
        Set<String> allowed = new HashSet<>(COMMON_KEYS);
        kind.keys().forEach(k -> allowed.add(k.name()));
        entry.allowOnly(allowed);
        String name = entry.string("name", kind.defaultName(entry));
        List<Condition> conditions = new ArrayList<>();
        conditions.addAll(conditions(entry, "fail", Severity.FAIL));
        conditions.addAll(conditions(entry, "warn", Severity.WARN));
        RowFilter where = where(entry);
        if (where != null) {
            slices.add(new SuitePlan.Slice(name, where, entry.line("where")));
        }
        CheckSetup setup = new CheckSetup(name, conditions, where, evaluation, entry.integer("seed", seed));
        Check check = kind.create(entry, setup);
        for (Condition c : conditions) {
            String key = c.severity() == Severity.FAIL ? "fail" : "warn";
            MeasuredConditions.problem(check, c).ifPresent(problem -> {
                throw entry.error(key, problem);
            });
        }
        if (check.requirements().predictions() && !hasPredictions) {
            throw new SuiteFileException(entry.file(), entry.line(), "the check '" + name + "' reads predictions, but the "
                    + "suite has neither a model nor prediction columns. Add 'model:' (a model file or URL), or name the "
                    + "stored predictions under 'columns:' (prediction, score or probabilities).");
        }
        if (check.requirements().reference() && !hasReference) {
            throw new SuiteFileException(entry.file(), entry.line(), "the check '" + name + "' compares with reference "
                    + "data, but the suite has none. Add 'data.reference:' (e.g. the training data).");
        }
        return check;
    }

    /** The {@code where} of each check read so far, to be checked against the data once it is loaded. */
    List<SuitePlan.Slice> slices() {
        return List.copyOf(slices);
    }

    private CheckKind kind(YamlSection entry) {
        try {
            return kinds.get(entry.string("type", MetricCheck.KIND));
        } catch (InvalidInputException e) {
            throw entry.error("type", e.getMessage());
        }
    }

    private List<Condition> conditions(YamlSection entry, String key, Severity severity) {
        List<Condition> out = new ArrayList<>();
        for (String text : entry.strings(key)) {
            Condition c;
            try {
                c = Condition.parse(text, severity);
            } catch (InvalidInputException e) {
                throw entry.error(key, e.getMessage());
            }
            if (c.needsReference() && !hasReference) {
                throw entry.error(key, "the condition '" + c.text() + "' compares with the reference data, but the suite "
                        + "has none. Add 'data.reference:' (e.g. the training data), or compare with a number.");
            }
            out.add(c);
        }
        return out;
    }

    private static RowFilter where(YamlSection entry) {
        if (!entry.has("where")) {
            return null;
        }
        if (!entry.isSection("where")) {
            throw entry.error("where", "'where' must be a mapping of column to value(s), comparison or interval, e.g. {sex: Female} or {age: \"[25, 40)\"}.");
        }
        YamlSection w = entry.child("where");
        RowFilter.Builder filter = RowFilter.builder();
        for (String column : w.keys()) {
            try {
                filter.where(column, ColumnTest.parse(w.strings(column)));
            } catch (InvalidInputException e) {
                throw w.error(column, "'" + Excerpt.of(column) + "': " + e.getMessage());
            }
        }
        return filter.build();
    }
}
