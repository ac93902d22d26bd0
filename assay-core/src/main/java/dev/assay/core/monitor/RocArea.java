package dev.assay.core.monitor;

/**
 * The area under an ROC curve built from groups of rows in descending score order: group {@code g}
 * adds {@code positives[g]} (expected or counted) to the true positives and {@code negatives[g]} to the
 * false positives; the curve joins the cumulative points, starting at (0, 0), and the area is taken by
 * the trapezoidal rule (ties within a group count half, as {@code sklearn.metrics.roc_auc_score}).
 * With calibrated probabilities as expected counts ({@code p} and {@code 1 - p} per row) this is
 * NannyML's {@code estimate_roc_auc} (0.8), with the curve closed at the origin where NannyML 0.8 stops at
 * its highest threshold (later NannyML versions append a threshold of 1 to come close to it). NaN when
 * either total is 0.
 */
final class RocArea {
    private RocArea() {
    }

    static double of(double[] positives, double[] negatives) {
        double p = 0;
        double n = 0;
        for (int g = 0; g < positives.length; g++) {
            p += positives[g];
            n += negatives[g];
        }
        if (p <= 0 || n <= 0) {
            return Double.NaN;
        }
        double area = 0;
        double tp = 0;
        for (int g = 0; g < positives.length; g++) {
            area += negatives[g] * (tp + positives[g] / 2);
            tp += positives[g];
        }
        return area / (p * n);
    }
}
