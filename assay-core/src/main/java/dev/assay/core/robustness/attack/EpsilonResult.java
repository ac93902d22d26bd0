package dev.assay.core.robustness.attack;

import dev.assay.core.data.Frame;

/**
 * What an attack achieved at one budget.
 *
 * @param eps the budget, in scale units
 * @param rows the rows evaluated
 * @param cleanCorrect the rows predicted correctly before the attack (the rows attacked)
 * @param robustCorrect the rows still predicted correctly after the attack (after rounding and bounds)
 * @param calls the predict calls the attack made at this budget, the final evaluation included
 * @param adversarial the adversarial examples found: the fooled rows with their attacked values
 * @param rowIndex each adversarial example's row in the evaluated rows
 * @param scoreBefore each adversarial example's clean positive-class score
 * @param scoreAfter each adversarial example's positive-class score
 */
public record EpsilonResult(double eps, int rows, int cleanCorrect, int robustCorrect, long calls, Frame adversarial,
        int[] rowIndex, double[] scoreBefore, double[] scoreAfter) {

    /** Robust accuracy over all rows (a clean error counts as an error, as Foolbox reports it). */
    public double robustAccuracy() {
        return rows == 0 ? Double.NaN : (double) robustCorrect / rows;
    }

    /** Robust accuracy among the clean-correct rows (as ART reports it); NaN without clean-correct rows. */
    public double conditionalRobustAccuracy() {
        return cleanCorrect == 0 ? Double.NaN : (double) robustCorrect / cleanCorrect;
    }

    /** The share of attacked (clean-correct) rows fooled; NaN without clean-correct rows. */
    public double successRate() {
        return cleanCorrect == 0 ? Double.NaN : (double) (cleanCorrect - robustCorrect) / cleanCorrect;
    }
}
