package dev.assay.junit;

import dev.assay.core.data.RowFilter;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Assertions on a disparity between the groups of protected columns, measured by the {@code fairness} check
 * (between groups: max - min for a {@code *_difference}, min / max for a {@code *_ratio}):
 * {@code hasNoFairnessGap("demographic_parity_difference").over("sex").atMost(0.1)}. Each column is judged
 * on its own; a failure names the groups with the lowest and highest rate behind the disparity.
 */
public final class FairnessGapAssert {
    private final ModelDataAssert chain;
    private final ModelUnderTest subject;
    private final RowFilter where;
    private final String measure;
    private final List<String> columns;

    FairnessGapAssert(ModelDataAssert chain, ModelUnderTest subject, RowFilter where, String measure, List<String> columns) {
        this.chain = chain;
        this.subject = subject;
        this.where = where;
        this.measure = measure;
        this.columns = columns;
    }

    /** The protected columns whose groups are compared, each on its own. */
    public FairnessGapAssert over(String... protectedColumns) {
        if (protectedColumns.length == 0) {
            throw new IllegalArgumentException("over(): name at least one protected column, e.g. over(\"sex\").");
        }
        return new FairnessGapAssert(chain, subject, where, measure, Arrays.asList(protectedColumns));
    }

    /** Fails unless the disparity over each column is at most {@code maximum} (for differences). */
    public ModelDataAssert atMost(double maximum) {
        return check(" <= " + maximum, "at most " + maximum);
    }

    /** Fails unless the disparity over each column is at least {@code minimum} (for ratios). */
    public ModelDataAssert atLeast(double minimum) {
        return check(" >= " + minimum, "at least " + minimum);
    }

    private ModelDataAssert check(String comparison, String expectation) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("hasNoFairnessGap(\"" + measure + "\"): name the protected columns with "
                    + ".over(\"sex\") before the comparison.");
        }
        for (String column : columns) {
            CheckResult result = CheckRuns.run(subject, "fairness", Map.of("groups", List.of(column)),
                    List.of(measure + comparison), where);
            if (result.status() == Status.FAIL) {
                Measurement m = result.measurement(measure);
                List<Measurement> extremes = WorstGroups.extremes(result, rateBehind(measure));
                String groups = extremes.isEmpty() ? null : "lowest " + rateBehind(measure) + " "
                        + FailureMessage.group(extremes.get(0)) + ", highest " + FailureMessage.group(extremes.get(1));
                throw new AssertionError(FailureMessage.of(measure + " over " + column, subject.dataName(), where, m.value(),
                        m, expectation, groups));
            }
        }
        return chain;
    }

    /** The per-group rate a disparity compares, e.g. {@code true_positive_rate} for equal opportunity. */
    static String rateBehind(String measure) {
        if (measure.startsWith("equal_opportunity") || measure.startsWith("equalized_odds")
                || measure.startsWith("false_negative_rate")) {
            return "true_positive_rate";
        }
        if (measure.startsWith("false_positive_rate")) {
            return "false_positive_rate";
        }
        if (measure.startsWith("predictive_parity")) {
            return "positive_predictive_value";
        }
        return "selection_rate";
    }
}
