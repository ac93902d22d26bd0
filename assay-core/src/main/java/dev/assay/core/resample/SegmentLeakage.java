package dev.assay.core.resample;

import java.util.ArrayList;
import java.util.List;

/**
 * Test rows that SMOTE-like interpolation could have made from training rows: a test row {@code x} lies on
 * the segment between training rows {@code a} and {@code b} when {@code t = (x−a)·(b−a) / |b−a|²} is in
 * [0, 1] and {@code max_j |a_j + t(b_j−a_j) − x_j| <= tol × max(1, |x|∞)}. Over-sampling before a train/test
 * split puts such rows in the test set; a row with {@code t} = 0 or 1 is a duplicate of an endpoint.
 *
 * <p>Only the {@code m} training rows nearest to each test row (of the same class when classes are given)
 * are tried as endpoints: a synthetic row lies between a seed and one of the seed's nearest neighbours, so
 * both are near it. A row with a missing value is not searched.
 */
public final class SegmentLeakage {
    /** A test row found on a segment: its endpoints (training rows) and position {@code t} from {@code a}. */
    public record Finding(int testRow, int a, int b, double t) {
    }

    private final int m;
    private final double tolerance;

    /** Searches the {@code m} nearest training rows (at least 2) with relative tolerance {@code tolerance}. */
    public SegmentLeakage(int m, double tolerance) {
        if (m < 2) {
            throw new IllegalArgumentException("m must be at least 2, found " + m);
        }
        this.m = m;
        this.tolerance = tolerance;
    }

    /**
     * The test rows on a segment between two training rows, in test row order. {@code trainClasses} and
     * {@code testClasses} (codes of one shared coding; null to ignore classes) restrict endpoints to the test
     * row's class.
     */
    public List<Finding> find(double[][] train, int[] trainClasses, double[][] test, int[] testClasses) {
        List<Finding> out = new ArrayList<>();
        int classes = 1;
        if (trainClasses != null) {
            for (int c : trainClasses) {
                classes = Math.max(classes, c + 1);
            }
        }
        for (int c = 0; c < classes; c++) {
            int[] tr = select(train, trainClasses, c);
            int[] te = select(test, testClasses, c);
            if (tr.length < 2 || te.length == 0) {
                continue;
            }
            double[][] data = Rows.pick(train, tr);
            int[][] near = Neighbors.of(data, Rows.pick(test, te), Math.min(m, tr.length)).index();
            for (int q = 0; q < te.length; q++) {
                Finding f = onSegment(test[te[q]], data, near[q]);
                if (f != null) {
                    out.add(new Finding(te[q], tr[f.a()], tr[f.b()], f.t()));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Finding::testRow));
        return out;
    }

    private Finding onSegment(double[] x, double[][] data, int[] near) {
        double scale = 1;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        double tol = tolerance * scale;
        if (Neighbors.squared(x, data[near[0]]) == 0) {
            return new Finding(-1, near[0], near[0], 0);
        }
        for (int i = 0; i < near.length; i++) {
            for (int j = i + 1; j < near.length; j++) {
                double t = position(x, data[near[i]], data[near[j]], tol);
                if (!Double.isNaN(t)) {
                    return new Finding(-1, near[i], near[j], t);
                }
            }
        }
        return null;
    }

    /** {@code t} when {@code x} is within {@code tol} of the segment a-b, else NaN. */
    private static double position(double[] x, double[] a, double[] b, double tol) {
        double num = 0;
        double den = 0;
        for (int j = 0; j < x.length; j++) {
            double d = b[j] - a[j];
            num += (x[j] - a[j]) * d;
            den += d * d;
        }
        if (den == 0) {
            return Double.NaN;
        }
        double t = num / den;
        if (t < 0 || t > 1) {
            return Double.NaN;
        }
        for (int j = 0; j < x.length; j++) {
            if (Math.abs(a[j] + t * (b[j] - a[j]) - x[j]) > tol) {
                return Double.NaN;
            }
        }
        return t;
    }

    private static int[] select(double[][] x, int[] classes, int c) {
        return java.util.stream.IntStream.range(0, x.length)
                .filter(i -> (classes == null || classes[i] == c) && complete(x[i])).toArray();
    }

    private static boolean complete(double[] row) {
        for (double v : row) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
