package dev.assay.core.checks;

import dev.assay.core.check.RunStore;
import dev.assay.core.metrics.CalibrationAccumulator;
import dev.assay.core.metrics.CalibrationBinning;

/**
 * The calibration sums of a data set whose rows are not in this process (a distributed engine adds
 * them where they are and merges the parts). An engine puts one in the run's store under
 * {@link #NAMESPACE} and the data set's role; the {@code calibration} check then computes its bins,
 * ECE and Brier decomposition from these sums over the edges of {@link #edges}: fixed in advance for
 * uniform bins, read from the sorted scores for quantile bins. Without one, the check reads the rows
 * it holds.
 */
public interface CalibrationTallies {
    /** Where an engine puts the tallies of a data set, keyed by its role ({@code current}, {@code reference}). */
    RunStore.Namespace NAMESPACE = RunStore.Namespace.of(CalibrationTallies.class);

    /** The sums of every row over the bins between {@code edges}, a row positive when its label is {@code positiveClass}. */
    CalibrationAccumulator accumulate(double[] edges, String positiveClass);

    /**
     * The {@code bins + 1} edges of {@code binning} over every score. By default only edges that do
     * not depend on the scores ({@link CalibrationBinning#fixedEdges}); an engine that can read order
     * statistics of the scores gives quantile edges through {@link CalibrationBinning#quantileEdges}.
     */
    default double[] edges(CalibrationBinning binning, int bins) {
        return binning.fixedEdges(bins);
    }
}
