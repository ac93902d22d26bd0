package dev.assay.core.resample;

/** Row selection helpers on feature matrices. */
final class Rows {
    private Rows() {
    }

    /** The rows {@code idx} of {@code x} (shared, not copied). */
    static double[][] pick(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    /** {@code a} followed by {@code b}. */
    static double[][] concat(double[][] a, double[][] b) {
        double[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@code a} followed by {@code b}. */
    static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@code n} copies of {@code value}. */
    static int[] fill(int n, int value) {
        int[] out = new int[n];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
