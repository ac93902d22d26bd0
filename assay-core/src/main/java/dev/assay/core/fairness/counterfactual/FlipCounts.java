package dev.assay.core.fairness.counterfactual;

import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.WilsonInterval;

/**
 * What changed when the protected attribute of {@code rows} rows was set to another value: how many
 * predicted classes flipped and how far the score of the positive class moved (new − original).
 *
 * <p>Flip rate {@code flips / rows}, with a Wilson interval (statsmodels
 * {@code proportion_confint(method="wilson")}); mean and largest absolute score change
 * {@code Σ|Δ| / n} and {@code max |Δ|}, mean signed change {@code ΣΔ / n}, where {@code n} is
 * {@code scored}, the rows with a score (all rows when the model gives probabilities, none otherwise).
 *
 * <p>Edge cases: no rows gives an undefined flip rate; no scores gives NaN score changes.
 *
 * @param rows the rows compared
 * @param flips the rows whose predicted class changed
 * @param scored the rows with a score on both sides
 * @param sumAbsChange the sum of absolute score changes
 * @param maxAbsChange the largest absolute score change (0 when nothing was scored)
 * @param sumChange the sum of signed score changes
 */
public record FlipCounts(long rows, long flips, long scored, double sumAbsChange, double maxAbsChange, double sumChange) {
    /** Nothing compared. */
    public static final FlipCounts EMPTY = new FlipCounts(0, 0, 0, 0, 0, 0);

    /** These counts and {@code other}'s together. */
    public FlipCounts plus(FlipCounts other) {
        return new FlipCounts(rows + other.rows, flips + other.flips, scored + other.scored, sumAbsChange + other.sumAbsChange,
                Math.max(maxAbsChange, other.maxAbsChange), sumChange + other.sumChange);
    }

    /** {@code flips / rows}; NaN without rows. */
    public double flipRate() {
        return rows == 0 ? Double.NaN : (double) flips / rows;
    }

    /** The Wilson interval of the flip rate at {@code level}. */
    public IntervalEstimate flipRateInterval(double level) {
        return WilsonInterval.of(flips, rows, level);
    }

    /** The mean absolute change of the positive-class score; NaN without scores. */
    public double meanAbsChange() {
        return scored == 0 ? Double.NaN : sumAbsChange / scored;
    }

    /** The largest absolute change of the positive-class score; NaN without scores. */
    public double maxAbsChangeOrNaN() {
        return scored == 0 ? Double.NaN : maxAbsChange;
    }

    /** The mean signed change (new − original) of the positive-class score; NaN without scores. */
    public double meanChange() {
        return scored == 0 ? Double.NaN : sumChange / scored;
    }
}
