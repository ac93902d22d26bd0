package dev.assay.core.monitor;

import dev.assay.core.stats.ConfusionMatrix;

/**
 * The four cells of a binary confusion matrix, realised (whole counts) or expected (sums of calibrated
 * probabilities, {@link Cbpe}), and the metrics read from them. A metric whose denominator is 0 is NaN.
 *
 * @param tp true positives
 * @param fp false positives
 * @param fn false negatives
 * @param tn true negatives
 */
public record BinaryCounts(double tp, double fp, double fn, double tn) {

    /** The cells of a 2-class matrix, class 1 positive. */
    public static BinaryCounts of(ConfusionMatrix m) {
        return new BinaryCounts(m.count(1, 1), m.count(0, 1), m.count(1, 0), m.count(0, 0));
    }

    public double total() {
        return tp + fp + fn + tn;
    }

    /** {@code (tp + tn) / n}. */
    public double accuracy() {
        return ratio(tp + tn, total());
    }

    /** {@code tp / (tp + fp)}. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** {@code tp / (tp + fn)}. */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** {@code 2 tp / (2 tp + fp + fn)}. */
    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** The metric named {@code accuracy}, {@code precision}, {@code recall} or {@code f1}. */
    public double metric(String name) {
        switch (name) {
            case "accuracy":
                return accuracy();
            case "precision":
                return precision();
            case "recall":
                return recall();
            case "f1":
                return f1();
            default:
                throw new IllegalArgumentException("unknown metric " + name + "; expected accuracy, precision, recall or f1");
        }
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
