package dev.assay.core.checks;

import dev.assay.core.check.RunStore;
import dev.assay.core.metrics.CalibrationAccumulator;

/**
 * The calibration sums of a data set whose rows are not in this process (a distributed engine adds
 * them where they are and merges the parts). An engine puts one in the run's store under
 * {@link #NAMESPACE} and the data set's role; the {@code calibration} check then computes its bins,
 * ECE and Brier decomposition from these sums, which needs edges fixed in advance (uniform bins).
 * Without one, the check reads the rows it holds.
 */
public interface CalibrationTallies {
    /** Where an engine puts the tallies of a data set, keyed by its role ({@code current}, {@code reference}). */
    RunStore.Namespace NAMESPACE = RunStore.Namespace.of(CalibrationTallies.class);

    /** The sums of every row over the bins between {@code edges}, a row positive when its label is {@code positiveClass}. */
    CalibrationAccumulator accumulate(double[] edges, String positiveClass);
}
