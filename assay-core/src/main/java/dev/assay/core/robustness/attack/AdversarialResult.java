package dev.assay.core.robustness.attack;

import java.util.List;

/**
 * An attack's outcome over its budgets.
 *
 * @param settings the attack
 * @param columns the attacked columns
 * @param rows the rows evaluated
 * @param cleanCorrect the rows predicted correctly before the attack
 * @param results one per budget, in the order given
 * @param meanMinimalPerturbation over the rows fooled at some budget, the mean norm (the attack's norm, scale
 *     units, after rounding) of the adversarial example found at the smallest budget that fooled the row (for
 *     HopSkipJump the norm of the smallest perturbation it found); NaN when no row was fooled
 * @param fooledRows the rows fooled at some budget
 * @param calls predict calls in all, the clean call included
 * @param rowsScored rows scored over all calls, gradient calls included
 * @param gradientSource where FGSM and PGD took gradients: {@code "analytic"} (the model's own) or
 *     {@code "finite differences"}; {@code "none"} for the attacks that use no gradient
 * @param gradientCalls the model's gradient calls (each over a batch of rows), apart from {@code calls}
 * @param smallest for a minimisation attack (HopSkipJump), each evaluated row's smallest adversarial perturbation
 *     found (the attack's norm, scale units, before bounds and rounding); NaN where none was found, the row was not
 *     attacked, or the attack does not minimise
 */
public record AdversarialResult(AttackSettings settings, List<String> columns, int rows, int cleanCorrect,
        List<EpsilonResult> results, double meanMinimalPerturbation, int fooledRows, long calls, long rowsScored,
        String gradientSource, long gradientCalls, double[] smallest) {

    public AdversarialResult {
        columns = List.copyOf(columns);
        results = List.copyOf(results);
        smallest = smallest.clone();
    }

    @Override
    public double[] smallest() {
        return smallest.clone();
    }

    /** Clean accuracy. */
    public double cleanAccuracy() {
        return rows == 0 ? Double.NaN : (double) cleanCorrect / rows;
    }
}
