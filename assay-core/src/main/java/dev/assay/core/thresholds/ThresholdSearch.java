package dev.assay.core.thresholds;

import dev.assay.core.error.InvalidInputException;
import java.util.Locale;

/**
 * The threshold that is best on a metric, optionally among those meeting a {@link Constraint}, and
 * the threshold of least expected cost. Candidates are the distinct scores (the
 * {@link OperatingPoints}), and for the cost also predicting nothing positive; among equally good
 * points the highest threshold wins, as numpy's
 * {@code argmax} over the points in order of falling threshold picks the first.
 */
public final class ThresholdSearch {
    private ThresholdSearch() {
    }

    /** The index of the point best on {@code metric} (largest, or smallest for fpr); -1 when no point defines it. */
    public static int best(OperatingPoints points, ThresholdMetric metric, double beta) {
        return best(points, metric, beta, null);
    }

    /**
     * The index of the point best on {@code metric} among those meeting {@code constraint} (null: all).
     *
     * @throws InvalidInputException when no threshold meets the constraint, naming the best reachable value
     */
    public static int best(OperatingPoints points, ThresholdMetric metric, double beta, Constraint constraint) {
        int best = -1;
        double bestValue = Double.NaN;
        for (int i = 0; i < points.size(); i++) {
            if (constraint != null && !constraint.holds(constraint.metric().at(points, i, beta))) {
                continue;
            }
            double v = metric.at(points, i, beta);
            if (!Double.isNaN(v) && (best < 0 || (metric.higherIsBetter() ? v > bestValue : v < bestValue))) {
                best = i;
                bestValue = v;
            }
        }
        if (best < 0 && constraint != null) {
            throw new InvalidInputException(unreachable(points, constraint, beta));
        }
        return best;
    }

    private static String unreachable(OperatingPoints points, Constraint constraint, double beta) {
        int reach = -1;
        double value = Double.NaN;
        for (int i = 0; i < points.size(); i++) {
            double v = constraint.metric().at(points, i, beta);
            if (!Double.isNaN(v) && (reach < 0 || (constraint.wantsLarge() ? v > value : v < value))) {
                reach = i;
                value = v;
            }
        }
        String id = constraint.metric().id();
        return "No threshold meets " + constraint + " on these " + points.size() + " distinct scores"
                + (reach < 0 ? "; " + id + " is undefined at every threshold."
                        : String.format(Locale.ROOT, "; the %s reachable %s is %.6g (at threshold %.6g). Loosen the constraint.",
                                constraint.wantsLarge() ? "highest" : "lowest", id, value, points.threshold(reach)));
    }

    /**
     * The index of the point of least expected cost, where predicting nothing positive ({@code -1},
     * threshold above every score) is a candidate too, and the first: refusing everyone can be the
     * cheapest decision when false positives are dear.
     */
    public static int leastCost(OperatingPoints points, CostMatrix costs) {
        int best = -1;
        double bestCost = costs.expectedCost(points, -1);
        for (int i = 0; i < points.size(); i++) {
            double c = costs.expectedCost(points, i);
            if (c < bestCost) {
                best = i;
                bestCost = c;
            }
        }
        return best;
    }
}
