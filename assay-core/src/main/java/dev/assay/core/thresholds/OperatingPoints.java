package dev.assay.core.thresholds;

import dev.assay.core.stats.RankingCurve;

/**
 * Every operating point of binary scores: one per distinct score, highest first, where a row is
 * predicted positive when its score is {@code >=} the threshold. Point {@code i} holds the
 * (weighted) counts {@code tp}, {@code fp}, {@code fn = P - tp}, {@code tn = N - fp}. The thresholds
 * are those of scikit-learn's {@code roc_curve(drop_intermediate=False)} without its first point
 * (which predicts nothing positive), and those of {@code precision_recall_curve} in reverse order.
 * A view over a {@link RankingCurve}, which holds the single sort of the scores.
 */
public final class OperatingPoints {
    private final RankingCurve curve;

    public OperatingPoints(RankingCurve curve) {
        this.curve = curve;
    }

    /** The number of points: the number of distinct scores. */
    public int size() {
        return curve.size();
    }

    /** The curve the points come from. */
    public RankingCurve curve() {
        return curve;
    }

    /**
     * The threshold of point {@code i}: its distinct score, or for {@code i = -1} (nothing predicted
     * positive) the least number above every score, {@code Math.nextUp} of the highest.
     */
    public double threshold(int i) {
        return i < 0 ? Math.nextUp(curve.threshold(0)) : curve.threshold(i);
    }

    /** The positive weight at or above threshold {@code i}; 0 for {@code i = -1} (nothing predicted positive). */
    public double truePositives(int i) {
        return i < 0 ? 0 : curve.truePositives(i);
    }

    /** The negative weight at or above threshold {@code i}; 0 for {@code i = -1} (nothing predicted positive). */
    public double falsePositives(int i) {
        return i < 0 ? 0 : curve.falsePositives(i);
    }

    public double falseNegatives(int i) {
        return curve.positives() - truePositives(i);
    }

    public double trueNegatives(int i) {
        return curve.negatives() - falsePositives(i);
    }

    /** The total positive weight P. */
    public double positives() {
        return curve.positives();
    }

    /** The total negative weight N. */
    public double negatives() {
        return curve.negatives();
    }

    /**
     * The point a decision threshold {@code t} selects (rows with score {@code >= t} are positive):
     * the lowest distinct score still {@code >= t}; -1 when every score is below {@code t}, so that
     * no row is predicted positive.
     */
    public int indexAt(double t) {
        int lo = 0;
        int hi = size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (threshold(mid) >= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
