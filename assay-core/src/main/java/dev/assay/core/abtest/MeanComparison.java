package dev.assay.core.abtest;

/**
 * A fixed-horizon comparison of the treatment and control means of one metric: the absolute
 * difference (treatment − control) with its interval and p-value, and the relative lift.
 *
 * @param test {@code two_proportion_z} or {@code welch_t}
 * @param interval how the interval of the difference is computed ({@code unpooled_wald} or {@code welch})
 * @param controlCount rows in the control arm
 * @param treatmentCount rows in the treatment arm
 * @param controlMean the control mean (a rate for 0/1 metrics)
 * @param treatmentMean the treatment mean
 * @param difference {@code treatmentMean − controlMean}
 * @param ciLow lower end of the interval of the difference
 * @param ciHigh upper end
 * @param statistic the z or t statistic
 * @param degreesOfFreedom Welch-Satterthwaite degrees of freedom; NaN for the z-test
 * @param pValue two-sided p-value
 * @param relative the relative lift
 */
public record MeanComparison(String test, String interval, int controlCount, int treatmentCount, double controlMean,
        double treatmentMean, double difference, double ciLow, double ciHigh, double statistic, double degreesOfFreedom,
        double pValue, Lift relative) {

    /** The comparison appropriate to the values: the z-test when every value is 0 or 1, Welch's t-test otherwise. */
    public static MeanComparison of(double[] treatment, double[] control, double alpha) {
        return isBinary(treatment) && isBinary(control) ? TwoProportionZTest.compare(treatment, control, alpha)
                : WelchTTest.compare(treatment, control, alpha);
    }

    /** Whether every value is 0 or 1. */
    public static boolean isBinary(double[] values) {
        for (double v : values) {
            if (v != 0 && v != 1) {
                return false;
            }
        }
        return true;
    }
}
