package dev.assay.core.monitor;

/**
 * One metric of one window as {@link Cbpe} estimates it.
 *
 * @param metric {@code accuracy}, {@code precision}, {@code recall}, {@code f1} or {@code roc_auc}
 * @param estimated the estimate from the calibrated scores (NaN when undefined, e.g. no predicted positives)
 * @param samplingError the standard error of a window this size: the standard deviation of the metric
 *     over random reference chunks times {@code sqrt(chunk size / window rows)}
 * @param lower the lower alert bound: reference chunk mean minus 3 standard deviations, at least 0
 * @param upper the upper alert bound: reference chunk mean plus 3 standard deviations, at most 1
 * @param realised the metric on the rows whose label has arrived; NaN without labels
 * @param labelCoverage labelled rows / rows of the window
 */
public record CbpeEstimate(String metric, double estimated, double samplingError, double lower, double upper, double realised,
        double labelCoverage) {

    /** Whether the estimate is outside the reference band [lower, upper]. */
    public boolean alert() {
        return estimated < lower || estimated > upper;
    }
}
