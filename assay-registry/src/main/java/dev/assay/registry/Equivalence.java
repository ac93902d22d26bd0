package dev.assay.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether two versions of a binary classifier behave the same on the same rows, as a converted model
 * (an ONNX export, a float16 or quantised copy) should: the share of rows given the same class at
 * the threshold, the largest difference of the positive-class probability
 * {@code max_i |p_a(i) - p_b(i)|}, each metric's difference, and the rows whose class differs. The
 * versions count as equivalent when no row's class differs, the largest probability difference is
 * at most {@code tolerance} and every metric differs by at most {@code tolerance}.
 *
 * @param rows the number of rows compared
 * @param agreementRate the share of rows given the same class
 * @param maxProbabilityDifference the largest absolute difference of the scores
 * @param maxDifferenceRow the (0-based) row where it occurs
 * @param tolerance the tolerance for probabilities and metrics
 * @param metrics each metric's values and difference, by id
 * @param disagreeing the rows whose class differs, at most {@code maxListed} of them
 * @param disagreeingCount how many rows' classes differ
 */
public record Equivalence(int rows, double agreementRate, double maxProbabilityDifference, int maxDifferenceRow, double tolerance,
        Map<String, MetricDifference> metrics, List<Row> disagreeing, int disagreeingCount) {

    /**
     * One metric on both versions.
     *
     * @param a its value on the first version
     * @param b its value on the second
     */
    public record MetricDifference(double a, double b) {
        /** {@code b - a}. */
        public double difference() {
            return b - a;
        }
    }

    /**
     * A row the versions classify differently.
     *
     * @param row its 0-based index
     * @param scoreA the first version's score of the positive class
     * @param scoreB the second version's
     */
    public record Row(int row, double scoreA, double scoreB) {
    }

    /**
     * Compares the positive-class scores {@code a} and {@code b} of the same rows.
     *
     * @param threshold a row is positive when its score is at least this
     * @param metrics each metric's value on version a and on version b
     * @param maxListed the most disagreeing rows to list
     */
    public static Equivalence of(double[] a, double[] b, double threshold, double tolerance, Map<String, double[]> metrics,
            int maxListed) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " scores against " + b.length);
        }
        int agree = 0;
        double maxDiff = 0;
        int maxRow = -1;
        List<Row> rows = new ArrayList<>();
        int disagreeing = 0;
        for (int i = 0; i < a.length; i++) {
            if ((a[i] >= threshold) == (b[i] >= threshold)) {
                agree++;
            } else {
                disagreeing++;
                if (rows.size() < maxListed) {
                    rows.add(new Row(i, a[i], b[i]));
                }
            }
            double d = Math.abs(a[i] - b[i]);
            if (d > maxDiff || maxRow < 0) {
                maxDiff = d;
                maxRow = i;
            }
        }
        Map<String, MetricDifference> diffs = new LinkedHashMap<>();
        metrics.forEach((id, v) -> diffs.put(id, new MetricDifference(v[0], v[1])));
        return new Equivalence(a.length, a.length == 0 ? Double.NaN : (double) agree / a.length, maxDiff, maxRow, tolerance, diffs,
                rows, disagreeing);
    }

    /** Whether a metric's difference is within the tolerance (both undefined counts as equal). */
    public boolean withinTolerance(String metric) {
        MetricDifference m = metrics.get(metric);
        if (Double.isNaN(m.a()) && Double.isNaN(m.b())) {
            return true;
        }
        return Math.abs(m.difference()) <= tolerance;
    }

    /** Whether the versions are equivalent: no class differs, probabilities and metrics within the tolerance. */
    public boolean equivalent() {
        return disagreeingCount == 0 && maxProbabilityDifference <= tolerance
                && metrics.keySet().stream().allMatch(this::withinTolerance);
    }
}
