package dev.assay.core.abtest;

import java.util.List;
import java.util.Set;

/**
 * How an experiment is analysed.
 *
 * @param alpha significance level of tests and intervals (intervals are 1 − α), in (0, 0.5]
 * @param expectedSplit expected share weights of control and treatment, e.g. 50, 50
 * @param mannWhitney the metrics that also get a Mann-Whitney test
 * @param guardrails metrics that stop the test when they significantly worsen
 * @param lowerIsBetter metrics for which a decrease is an improvement (default: higher is better)
 * @param standardisedTauSquared the mSPRT mixing variance τ² as a multiple of the metric's variance
 */
public record AbTestSettings(double alpha, List<Double> expectedSplit, Set<String> mannWhitney, Set<String> guardrails,
        Set<String> lowerIsBetter, double standardisedTauSquared) {
    /** The default τ² multiple: a prior on effects of about a tenth of a standard deviation. */
    public static final double DEFAULT_TAU_SQUARED = 0.01;

    public AbTestSettings {
        if (!(alpha > 0 && alpha <= 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5], got " + alpha);
        }
        if (expectedSplit.size() != 2 || expectedSplit.stream().anyMatch(w -> !(w > 0) || w.isInfinite())) {
            throw new IllegalArgumentException("the expected split is two positive weights (control, treatment), e.g. 50,50;"
                    + " got " + expectedSplit);
        }
        if (!(standardisedTauSquared > 0) || Double.isInfinite(standardisedTauSquared)) {
            throw new IllegalArgumentException("the mixing variance tau² must be a positive number, got " + standardisedTauSquared);
        }
        expectedSplit = List.copyOf(expectedSplit);
        mannWhitney = Set.copyOf(mannWhitney);
        guardrails = Set.copyOf(guardrails);
        lowerIsBetter = Set.copyOf(lowerIsBetter);
    }

    /** α 0.05, a 50/50 split, no Mann-Whitney tests or guardrails, τ² multiple {@value #DEFAULT_TAU_SQUARED}. */
    public static AbTestSettings defaults() {
        return new AbTestSettings(0.05, List.of(50.0, 50.0), Set.of(), Set.of(), Set.of(), DEFAULT_TAU_SQUARED);
    }
}
