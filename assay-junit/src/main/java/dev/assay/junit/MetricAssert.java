package dev.assay.junit;

import dev.assay.core.data.RowFilter;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assertions on one metric of a model: {@code hasMetric("recall").atLeast(0.8)}, or on a bound of its 95% BCa
 * bootstrap interval: {@code hasMetric("recall").withLowerBound().atLeast(0.75)} (the condition
 * {@code recall.lower >= 0.75} of a suite). Each comparison measures with the {@code metric} check and returns
 * the chain, so that further assertions follow.
 */
public final class MetricAssert {
    private final ModelDataAssert chain;
    private final ModelUnderTest subject;
    private final RowFilter where;
    private final String metric;
    private final String bound;

    MetricAssert(ModelDataAssert chain, ModelUnderTest subject, RowFilter where, String metric, String bound) {
        this.chain = chain;
        this.subject = subject;
        this.where = where;
        this.metric = metric;
        this.bound = bound;
    }

    /** Compares the lower bound of the metric's 95% confidence interval instead of its value. */
    public MetricAssert withLowerBound() {
        return new MetricAssert(chain, subject, where, metric, "lower");
    }

    /** Compares the upper bound of the metric's 95% confidence interval instead of its value. */
    public MetricAssert withUpperBound() {
        return new MetricAssert(chain, subject, where, metric, "upper");
    }

    /** Fails unless the metric (or bound) is at least {@code minimum}. */
    public ModelDataAssert atLeast(double minimum) {
        return check(List.of(subjectText() + " >= " + minimum), "at least " + plain(minimum));
    }

    /** Fails unless the metric (or bound) is at most {@code maximum}. */
    public ModelDataAssert atMost(double maximum) {
        return check(List.of(subjectText() + " <= " + maximum), "at most " + plain(maximum));
    }

    /** Fails unless the metric (or bound) lies in [{@code minimum}, {@code maximum}]. */
    public ModelDataAssert between(double minimum, double maximum) {
        if (!(minimum <= maximum)) {
            throw new IllegalArgumentException("between(" + minimum + ", " + maximum + "): the minimum must not exceed "
                    + "the maximum.");
        }
        return check(List.of(subjectText() + " >= " + minimum, subjectText() + " <= " + maximum),
                "between " + plain(minimum) + " and " + plain(maximum));
    }

    private ModelDataAssert check(List<String> conditions, String expectation) {
        CheckResult result = CheckRuns.run(subject, "metric", Map.of("metric", metric, "ci", true), conditions, where);
        if (result.status() == Status.FAIL) {
            Measurement m = result.measurement(metric);
            double measured = bound == null ? m.value() : m.interval() == null ? Double.NaN
                    : bound.equals("lower") ? m.interval().lower() : m.interval().upper();
            String worst = WorstGroups.ofMetric(subject, metric, where).map(g -> "worst group: " + FailureMessage.group(g))
                    .orElse(null);
            throw new AssertionError(FailureMessage.of(subjectText(), subject.dataName(), where, measured, m, expectation,
                    worst));
        }
        return chain;
    }

    private String subjectText() {
        return bound == null ? metric : metric + "." + bound;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%.1f", value)
                : Double.toString(value);
    }
}
