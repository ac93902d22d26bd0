package dev.assay.core.abtest;

import java.util.List;

/**
 * What the experiment says, in this order of precedence:
 * <ol>
 *   <li>{@code invalid_sample_ratio}: the split is off ({@link SampleRatioMismatch}); no result is trusted;</li>
 *   <li>{@code stop_guardrail}: a guardrail metric significantly worsened (unadjusted p-value below α, so
 *       a guardrail errs on the side of stopping);</li>
 *   <li>{@code treatment_better}, {@code treatment_worse} or {@code mixed}: primary (non-guardrail)
 *       metrics that changed significantly after Holm's correction, all one way or both ways;</li>
 *   <li>{@code no_significant_difference}.</li>
 * </ol>
 *
 * @param outcome one of the ids above
 * @param reason one sentence for a person
 */
public record Decision(String outcome, String reason) {

    static Decision of(SampleRatioMismatch srm, List<MetricResult> metrics, double alpha) {
        if (srm.mismatch()) {
            return new Decision("invalid_sample_ratio", "Sample ratio mismatch: the arms' sizes are off the expected split"
                    + " (chi-square p = " + srm.pValue() + " < " + SampleRatioMismatch.THRESHOLD + "); fix the assignment"
                    + " or logging before reading the metrics.");
        }
        List<String> broken = metrics.stream().filter(m -> m.guardrail() && m.worsened(alpha)).map(MetricResult::metric).toList();
        if (!broken.isEmpty()) {
            return new Decision("stop_guardrail", "Guardrail metric(s) " + String.join(", ", broken)
                    + " significantly worsened (p < " + alpha + "): stop the test.");
        }
        List<String> better = metrics.stream().filter(m -> !m.guardrail() && m.improvedAfterHolm(alpha)).map(MetricResult::metric)
                .toList();
        List<String> worse = metrics.stream().filter(m -> !m.guardrail() && m.worsenedAfterHolm(alpha)).map(MetricResult::metric)
                .toList();
        if (!better.isEmpty() && !worse.isEmpty()) {
            return new Decision("mixed", "Treatment better on " + String.join(", ", better) + " but worse on "
                    + String.join(", ", worse) + " (Holm-adjusted p < " + alpha + ").");
        }
        if (!better.isEmpty()) {
            return new Decision("treatment_better", "Treatment significantly better on " + String.join(", ", better)
                    + " (Holm-adjusted p < " + alpha + ").");
        }
        if (!worse.isEmpty()) {
            return new Decision("treatment_worse", "Treatment significantly worse on " + String.join(", ", worse)
                    + " (Holm-adjusted p < " + alpha + ").");
        }
        return new Decision("no_significant_difference", "No primary metric changed significantly (Holm-adjusted p >= "
                + alpha + ").");
    }
}
