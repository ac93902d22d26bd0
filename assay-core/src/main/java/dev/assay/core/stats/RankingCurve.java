package dev.assay.core.stats;

/**
 * The cumulative (weighted) counts of a score ranking at each distinct score, highest first: at
 * threshold {@code thresholds[i]}, rows scoring {@code >= thresholds[i]} hold positive weight
 * {@code truePositives[i]} and negative weight {@code falsePositives[i]}. This is scikit-learn's
 * {@code _binary_clf_curve}: one point per distinct score, so tied scores move together.
 */
public final class RankingCurve {
    private final double[] thresholds;
    private final double[] truePositives;
    private final double[] falsePositives;

    RankingCurve(double[] thresholds, double[] truePositives, double[] falsePositives) {
        this.thresholds = thresholds;
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
    }

    /**
     * A curve from its points, highest threshold first, with cumulative weights; e.g. a thinned curve
     * for a chart. The arrays are kept, not copied.
     */
    public static RankingCurve of(double[] thresholds, double[] truePositives, double[] falsePositives) {
        if (truePositives.length != thresholds.length || falsePositives.length != thresholds.length) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        return new RankingCurve(thresholds, truePositives, falsePositives);
    }

    /** The number of distinct scores. */
    public int size() {
        return thresholds.length;
    }

    public double threshold(int i) {
        return thresholds[i];
    }

    public double truePositives(int i) {
        return truePositives[i];
    }

    public double falsePositives(int i) {
        return falsePositives[i];
    }

    /** The total positive weight. */
    public double positives() {
        return thresholds.length == 0 ? 0 : truePositives[thresholds.length - 1];
    }

    /** The total negative weight. */
    public double negatives() {
        return thresholds.length == 0 ? 0 : falsePositives[thresholds.length - 1];
    }

    /**
     * The area under the ROC curve by the trapezoidal rule over the distinct thresholds, which counts
     * a tied positive-negative pair as one half. NaN unless both classes have positive weight.
     */
    public double rocAuc() {
        double p = positives();
        double n = negatives();
        if (!(p > 0 && n > 0)) {
            return Double.NaN;
        }
        double area = 0;
        double prevTp = 0;
        double prevFp = 0;
        for (int i = 0; i < thresholds.length; i++) {
            double tp = truePositives[i];
            double fp = falsePositives[i];
            area += (fp - prevFp) * (tp + prevTp);
            prevTp = tp;
            prevFp = fp;
        }
        return area / (2 * p * n);
    }

    /**
     * Average precision {@code Σ (R_i - R_{i-1}) P_i} over the distinct thresholds, highest first
     * (no interpolation). NaN unless the positives have positive weight.
     */
    public double averagePrecision() {
        double p = positives();
        if (!(p > 0)) {
            return Double.NaN;
        }
        double sum = 0;
        double prevTp = 0;
        for (int i = 0; i < thresholds.length; i++) {
            double tp = truePositives[i];
            if (tp != prevTp) {
                sum += (tp - prevTp) * (tp / (tp + falsePositives[i]));
            }
            prevTp = tp;
        }
        return sum / p;
    }
}
