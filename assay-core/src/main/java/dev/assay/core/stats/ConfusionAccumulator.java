package dev.assay.core.stats;

/**
 * Accumulates a {@link ConfusionMatrix} of (weighted) counts over classes {@code 0..k-1}.
 * Unweighted rows count 1; sums of whole numbers below 2<sup>53</sup> are exact.
 */
public final class ConfusionAccumulator implements Accumulator<ConfusionAccumulator, ConfusionMatrix>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int classes;
    private final double[] cells;

    /** An empty matrix over {@code classes} classes. */
    public ConfusionAccumulator(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, got " + classes);
        }
        this.classes = classes;
        this.cells = new double[classes * classes];
    }

    /** Adds one row with true class {@code t}, predicted class {@code p} and weight {@code w}. */
    public void add(int t, int p, double w) {
        cells[t * classes + p] += w;
    }

    /**
     * Adds rows {@code from..to-1} of class codes; {@code weight} may be null (every row counts 1).
     */
    public void addAll(int[] truth, int[] predicted, double[] weight, int from, int to) {
        if (weight == null) {
            long[] counts = new long[cells.length];
            for (int i = from; i < to; i++) {
                counts[truth[i] * classes + predicted[i]]++;
            }
            for (int c = 0; c < counts.length; c++) {
                cells[c] += counts[c];
            }
        } else {
            for (int i = from; i < to; i++) {
                cells[truth[i] * classes + predicted[i]] += weight[i];
            }
        }
    }

    /**
     * Adds binary rows {@code from..to-1} (class 1 = positive, 0 = negative); {@code weight} may be
     * null.
     */
    public void addBinary(boolean[] truth, boolean[] predicted, double[] weight, int from, int to) {
        if (classes != 2) {
            throw new IllegalStateException("binary rows need a 2-class matrix, this one has " + classes);
        }
        if (weight == null) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = from; i < to; i++) {
                boolean t = truth[i];
                boolean p = predicted[i];
                tp += t & p ? 1 : 0;
                fp += !t & p ? 1 : 0;
                fn += t & !p ? 1 : 0;
            }
            cells[3] += tp;
            cells[1] += fp;
            cells[2] += fn;
            cells[0] += (to - from) - tp - fp - fn;
        } else {
            for (int i = from; i < to; i++) {
                cells[(truth[i] ? 2 : 0) + (predicted[i] ? 1 : 0)] += weight[i];
            }
        }
    }

    @Override
    public void merge(ConfusionAccumulator other) {
        if (other.classes != classes) {
            throw new IllegalArgumentException("cannot merge a " + other.classes + "-class matrix into a " + classes + "-class one");
        }
        for (int c = 0; c < cells.length; c++) {
            cells[c] += other.cells[c];
        }
    }

    @Override
    public ConfusionMatrix result() {
        return new ConfusionMatrix(classes, cells);
    }
}
