package dev.assay.core.fairness;

/**
 * How undefined rates and small groups are treated.
 *
 * <ul>
 *   <li>{@link #EXPLICIT} (default): a rate with a zero denominator is undefined with its reason and
 *   is left out of maxima and minima, as are groups below the minimum size; the result lists both.
 *   A disparity with fewer than two usable groups is undefined.</li>
 *   <li>{@link #FAIRLEARN}: Fairlearn 0.13's conventions. A rate with a zero denominator is 0
 *   ({@code confusion_matrix(normalize="true")} turns 0/0 into 0, {@code precision_score} warns and
 *   gives 0); no minimum group size; empty intersections are left out (Fairlearn never sees them);
 *   {@code min / max} with both 0 is NaN, and NaN ratios to overall are skipped as pandas'
 *   {@code min()} skips them.</li>
 *   <li>{@link #AIF360}: AIF360 0.6's conventions. A rate with a zero denominator is NaN and a
 *   positive number over 0 is infinite (numpy float division); NaN propagates through every
 *   aggregate; no minimum group size.</li>
 * </ul>
 */
public enum Convention {
    /** Undefined values and small groups named and left out. */
    EXPLICIT,
    /** Fairlearn: 0 for a zero denominator. */
    FAIRLEARN,
    /** AIF360: NaN for a zero denominator. */
    AIF360
}
