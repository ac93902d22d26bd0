package dev.assay.core.segments;

import dev.assay.core.slicing.Slice;

/**
 * One slice tried against the rest of the rows.
 *
 * @param slice the slice
 * @param positives the slice's rows of the positive class
 * @param count the slice's denominator rows of the metric
 * @param successes the slice's numerator rows of the metric
 * @param restCount the denominator rows outside the slice
 * @param restSuccesses the numerator rows outside the slice
 * @param pValue the one-sided Fisher exact p-value that the slice is worse than the rest
 * @param adjustedP the Benjamini-Hochberg adjusted p-value over every slice tried
 */
public record SliceTest(Slice slice, int positives, int count, int successes, int restCount, int restSuccesses,
        double pValue, double adjustedP) {

    /** The metric on the slice's rows. */
    public double metric() {
        return (double) successes / count;
    }

    /** The metric on the rows outside the slice. */
    public double restMetric() {
        return (double) restSuccesses / restCount;
    }

    /** The slice's metric minus the rest's. */
    public double difference() {
        return metric() - restMetric();
    }

    /**
     * How much worse the slice is than the rest, positive when worse: {@code rest - slice} for a
     * metric where higher is better, {@code slice - rest} otherwise.
     */
    public double shortfall(SegmentMetric m) {
        return m.higherIsBetter() ? -difference() : difference();
    }

    /**
     * Effect size times support, the order segments are reported in:
     * {@code shortfall · count / total}, with {@code total = count + restCount} the metric's
     * denominator rows in the data: how much the metric on all rows would improve if the slice were
     * as good as the rest. A large gap on few rows and a small gap on many rows rank alike.
     */
    public double impact(SegmentMetric m) {
        return shortfall(m) * count / (count + restCount);
    }

    SliceTest withAdjustedP(double adjusted) {
        return new SliceTest(slice, positives, count, successes, restCount, restSuccesses, pValue, adjusted);
    }
}
