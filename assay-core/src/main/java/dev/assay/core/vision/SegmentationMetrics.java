package dev.assay.core.vision;

import dev.assay.core.error.InvalidInputException;

/**
 * Semantic segmentation scores from per-pixel class labels: pixel accuracy {@code Σ_c n_cc / N} and mean IoU
 * {@code mean_c n_cc / (t_c + p_c - n_cc)} over the classes present in the truth or the prediction (a class
 * with an empty union is left out, as {@code nanmean} in mmsegmentation's {@code mean_iou}). Pixels labelled
 * {@code ignoreLabel} in the truth are not counted.
 */
public final class SegmentationMetrics {
    private final long[][] confusion;
    private final long pixels;

    private SegmentationMetrics(long[][] confusion, long pixels) {
        this.confusion = confusion;
        this.pixels = pixels;
    }

    /** Counts {@code truth} against {@code predicted} (labels 0..classes-1; {@code ignoreLabel} -1 for none). */
    public static SegmentationMetrics of(int[] truth, int[] predicted, int classes, int ignoreLabel) {
        if (truth.length != predicted.length) {
            throw new InvalidInputException("The truth has " + truth.length + " pixels and the prediction " + predicted.length
                    + "; give masks of the same size.");
        }
        long[][] confusion = new long[classes][classes];
        long n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == ignoreLabel) {
                continue;
            }
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new InvalidInputException("Pixel " + i + " has label " + truth[i] + " (truth) and " + predicted[i]
                        + " (prediction); labels must lie in 0.." + (classes - 1) + ".");
            }
            confusion[truth[i]][predicted[i]]++;
            n++;
        }
        return new SegmentationMetrics(confusion, n);
    }

    /** These counts and {@code other}'s summed, as mmsegmentation sums areas over a data set before dividing. */
    public SegmentationMetrics plus(SegmentationMetrics other) {
        if (other.confusion.length != confusion.length) {
            throw new IllegalArgumentException("class counts differ: " + confusion.length + " and " + other.confusion.length);
        }
        long[][] sum = new long[confusion.length][confusion.length];
        for (int i = 0; i < sum.length; i++) {
            for (int j = 0; j < sum.length; j++) {
                sum[i][j] = confusion[i][j] + other.confusion[i][j];
            }
        }
        return new SegmentationMetrics(sum, pixels + other.pixels);
    }

    /** Number of classes. */
    public int classes() {
        return confusion.length;
    }

    /** Pixels counted (those not ignored). */
    public long pixels() {
        return pixels;
    }

    /** Correctly labelled pixels over all counted pixels; NaN without pixels. */
    public double pixelAccuracy() {
        long correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return pixels == 0 ? Double.NaN : (double) correct / pixels;
    }

    /** IoU of class {@code c}; NaN when it is neither in the truth nor in the prediction. */
    public double classIou(int c) {
        long truth = 0;
        long predicted = 0;
        for (int j = 0; j < confusion.length; j++) {
            truth += confusion[c][j];
            predicted += confusion[j][c];
        }
        long union = truth + predicted - confusion[c][c];
        return union == 0 ? Double.NaN : (double) confusion[c][c] / union;
    }

    /** Mean of the defined class IoUs; NaN when none is. */
    public double meanIou() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < confusion.length; c++) {
            double iou = classIou(c);
            if (!Double.isNaN(iou)) {
                sum += iou;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
