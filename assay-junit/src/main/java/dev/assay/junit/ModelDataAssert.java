package dev.assay.junit;

import dev.assay.core.data.Frame;
import dev.assay.core.data.RowFilter;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assertions on a model judged on labelled data, started by {@link Assay#assertThatModel}. The model predicts the
 * data once per chain; each assertion measures with the same checks as a suite and throws an {@link AssertionError}
 * whose message gives the measured value, its interval, the condition and the worst group.
 *
 * <pre>{@code
 * assertThatModel(model).on(test).withPositiveClass("bad")
 *     .hasMetric("recall").atLeast(0.25)
 *     .hasMetric("roc_auc").withLowerBound().atLeast(0.70)
 *     .onSlice("foreign_worker=yes").hasMetric("recall").atLeast(0.20)
 *     .hasNoFairnessGap("demographic_parity_difference").over("personal_status").atMost(0.2);
 * }</pre>
 */
public final class ModelDataAssert {
    private final ModelUnderTest subject;
    private final RowFilter where;

    ModelDataAssert(ModelUnderTest subject, RowFilter where) {
        this.subject = subject;
        this.where = where;
    }

    /** The label column; without it, the one column the model does not read. */
    public ModelDataAssert withLabel(String column) {
        return new ModelDataAssert(subject.withLabel(column), where);
    }

    /** The class counted as positive by binary metrics and as the favourable outcome by fairness measures. */
    public ModelDataAssert withPositiveClass(String label) {
        return new ModelDataAssert(subject.withEvaluation(subject.evaluation().withTask(Task.BINARY)
                .withPositiveClass(label)), where);
    }

    /** The evaluation settings (task, positive class, threshold, zero division) in full. */
    public ModelDataAssert withEvaluation(EvaluationSettings settings) {
        return new ModelDataAssert(subject.withEvaluation(settings), where);
    }

    /**
     * The columns whose groups a failed metric assertion names as the worst; without them, every categorical
     * column the model reads.
     */
    public ModelDataAssert withGroups(String... columns) {
        return new ModelDataAssert(subject.withGroups(Arrays.asList(columns)), where);
    }

    /**
     * Restricts the following assertions to a slice, written as in a suite's {@code where}:
     * {@code "sex=Female"}, {@code "age=[25, 40)"}, several joined with {@code " & "}:
     * {@code "sex=Female & age=<25"}.
     *
     * @throws IllegalArgumentException for a term without {@code =}
     */
    public ModelDataAssert onSlice(String slice) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        for (String term : slice.split("&")) {
            int eq = term.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("onSlice(\"" + slice + "\"): write each term as column=value, e.g. "
                        + "\"sex=Female & age=[25, 40)\".");
            }
            terms.put(term.substring(0, eq).trim(), List.of(term.substring(eq + 1).trim()));
        }
        return new ModelDataAssert(subject, RowFilter.parse(terms));
    }

    /** Reference data, e.g. the training data, for {@link #hasNoDrift}; the model predicts it once too. */
    public ModelDataAssert comparedTo(Frame reference) {
        return new ModelDataAssert(subject.withReference(reference), where);
    }

    /** All rows again, after {@link #onSlice}. */
    public ModelDataAssert onAllRows() {
        return new ModelDataAssert(subject, null);
    }

    /** Assertions on a metric by its id ({@code assay metrics} lists them), e.g. {@code "recall"}. */
    public MetricAssert hasMetric(String id) {
        return new MetricAssert(this, subject, where, id, null);
    }

    /**
     * Assertions on a disparity between protected groups, e.g. {@code "demographic_parity_difference"},
     * {@code "equal_opportunity_difference"}, {@code "demographic_parity_ratio"}; name the columns with
     * {@link FairnessGapAssert#over}.
     */
    public FairnessGapAssert hasNoFairnessGap(String measure) {
        return new FairnessGapAssert(this, subject, where, measure, List.of());
    }

    /**
     * Assertions on the model's predictions under a perturbation of its inputs, e.g. {@code "gaussian_noise"},
     * {@code "missing_values"}, {@code "category_swap"} (docs/robustness.md).
     */
    public RobustnessAssert isRobustTo(String perturbation) {
        return new RobustnessAssert(this, subject, where, Map.of("perturbation", perturbation));
    }

    /**
     * Assertions on the drift of the data from the reference given with {@link #comparedTo}, measured by the
     * {@code drift} check with its defaults (KS or chi-square tests, Benjamini-Hochberg adjusted; see
     * docs/suite-format.md).
     */
    public DriftAssert hasNoDrift() {
        return new DriftAssert(this, subject, where, List.of());
    }
}
