package dev.assay.core.stats;

/**
 * A k×k matrix of (weighted) counts: {@code count(t, p)} is the total weight of rows whose true
 * class is {@code t} and predicted class is {@code p}. Classes are numbered {@code 0..k-1}.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final double[] cells;

    ConfusionMatrix(int classes, double[] cells) {
        this.classes = classes;
        this.cells = cells.clone();
    }

    public int classes() {
        return classes;
    }

    /** The weight of rows with true class {@code t} predicted as {@code p}. */
    public double count(int t, int p) {
        return cells[t * classes + p];
    }

    /** The weight of rows whose true class is {@code t} (the class's support). */
    public double trueTotal(int t) {
        double s = 0;
        for (int p = 0; p < classes; p++) {
            s += cells[t * classes + p];
        }
        return s;
    }

    /** The weight of rows predicted as {@code p}. */
    public double predictedTotal(int p) {
        double s = 0;
        for (int t = 0; t < classes; t++) {
            s += cells[t * classes + p];
        }
        return s;
    }

    /** The weight of correctly classified rows. */
    public double trace() {
        double s = 0;
        for (int c = 0; c < classes; c++) {
            s += cells[c * classes + c];
        }
        return s;
    }

    /** The weight of all rows. */
    public double total() {
        double s = 0;
        for (double c : cells) {
            s += c;
        }
        return s;
    }

    /** A copy as {@code [true][predicted]}. */
    public double[][] toArray() {
        double[][] out = new double[classes][classes];
        for (int t = 0; t < classes; t++) {
            System.arraycopy(cells, t * classes, out[t], 0, classes);
        }
        return out;
    }
}
