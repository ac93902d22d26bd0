package dev.assay.junit;

import dev.assay.core.data.RowFilter;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Assertions on the drift of the data under test from the reference data, measured by the {@code drift} check:
 * {@code comparedTo(train).hasNoDrift().inColumns("age", "duration").driftedColumnsAtMost(0)}. A failure names
 * the drifted columns, the largest effect first.
 */
public final class DriftAssert {
    private final ModelDataAssert chain;
    private final ModelUnderTest subject;
    private final RowFilter where;
    private final List<String> columns;

    DriftAssert(ModelDataAssert chain, ModelUnderTest subject, RowFilter where, List<String> columns) {
        this.chain = chain;
        this.subject = subject;
        this.where = where;
        this.columns = List.copyOf(columns);
    }

    /** The columns compared; by default the feature columns, the prediction and the score. */
    public DriftAssert inColumns(String... names) {
        return new DriftAssert(chain, subject, where, Arrays.asList(names));
    }

    /** Fails unless at most {@code maximum} columns drifted. */
    public ModelDataAssert driftedColumnsAtMost(int maximum) {
        return check("drifted_columns", maximum);
    }

    /** Fails unless at most the share {@code maximum} of the compared columns drifted. */
    public ModelDataAssert driftShareAtMost(double maximum) {
        return check("drift_share", maximum);
    }

    private ModelDataAssert check(String measure, double maximum) {
        if (subject.referenceName() == null) {
            throw new IllegalArgumentException("hasNoDrift(): give the reference data first with .comparedTo(train).");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (!columns.isEmpty()) {
            settings.put("columns", columns);
        }
        CheckResult result = CheckRuns.run(subject, "drift", settings, List.of(measure + " <= " + maximum), where);
        if (result.status() == Status.FAIL) {
            Measurement m = result.measurement(measure);
            Map<String, Double> effects = result.measurements().stream()
                    .filter(x -> x.name().equals("effect_size") && x.key() != null)
                    .collect(Collectors.toMap(Measurement::key, Measurement::value, (a, b) -> a));
            String drifted = result.measurements().stream()
                    .filter(x -> x.name().equals("drift") && x.key() != null && x.value() == 1)
                    .map(Measurement::key)
                    .sorted(Comparator.comparingDouble((String c) -> -Math.abs(effects.getOrDefault(c, 0.0))))
                    .map(c -> c + (effects.containsKey(c) ? " (effect size " + FailureMessage.number(effects.get(c)) + ")" : ""))
                    .collect(Collectors.joining(", "));
            throw new AssertionError(FailureMessage.of(measure, subject.dataName() + " against " + subject.referenceName(),
                    where, m.value(), m, "at most " + (measure.equals("drifted_columns") ? Integer.toString((int) maximum)
                            : Double.toString(maximum)), drifted.isEmpty() ? null : "drifted: " + drifted));
        }
        return chain;
    }
}
