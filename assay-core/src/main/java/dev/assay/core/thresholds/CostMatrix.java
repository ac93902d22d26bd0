package dev.assay.core.thresholds;

/**
 * The cost of each outcome of a binary decision, for cost-sensitive evaluation. The expected cost
 * per row of a decision rule is {@code (c_tp tp + c_fp fp + c_fn fn + c_tn tn) / (P + N)} with the
 * (weighted) counts of its operating point. For calibrated scores p the decision of least expected
 * cost predicts positive when {@code p >= (c_fp - c_tn) / ((c_fp - c_tn) + (c_fn - c_tp))}, the Bayes
 * threshold ({@code c_fp / (c_fp + c_fn)} when correct decisions cost nothing; Elkan 2001, "The
 * foundations of cost-sensitive learning"). Reference: numpy over the confusion counts of
 * scikit-learn 1.2.1's confusion_matrix at each threshold, to 1e-12.
 */
public record CostMatrix(double truePositive, double falsePositive, double falseNegative, double trueNegative) {

    public CostMatrix {
        for (double c : new double[] {truePositive, falsePositive, falseNegative, trueNegative}) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("costs must be finite numbers, found " + c);
            }
        }
    }

    /** The expected cost per row at point {@code i} ({@code -1}: nothing predicted positive); NaN without rows. */
    public double expectedCost(OperatingPoints points, int i) {
        double total = points.positives() + points.negatives();
        if (!(total > 0)) {
            return Double.NaN;
        }
        return (truePositive * points.truePositives(i) + falsePositive * points.falsePositives(i)
                + falseNegative * points.falseNegatives(i) + trueNegative * points.trueNegatives(i)) / total;
    }

    /**
     * The Bayes threshold {@code (c_fp - c_tn) / ((c_fp - c_tn) + (c_fn - c_tp))}; NaN unless an error
     * costs more than the matching correct decision on both sides ({@code c_fp > c_tn}, {@code c_fn > c_tp}).
     */
    public double bayesThreshold() {
        double fp = falsePositive - trueNegative;
        double fn = falseNegative - truePositive;
        return fp > 0 && fn > 0 ? fp / (fp + fn) : Double.NaN;
    }
}
