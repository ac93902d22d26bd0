package dev.assay.core.resample;

/**
 * The output of a sampler in imbalanced-learn's order: first the input rows it keeps ({@code kept}, indices
 * into the input; a random over-sampler repeats some), then the rows it creates ({@code synthetic}
 * feature vectors with their classes {@code syntheticClasses}).
 *
 * @param kept             input rows, in output order
 * @param synthetic        new feature vectors, after the kept rows
 * @param syntheticClasses the class code of each new vector
 */
public record Resampled(int[] kept, double[][] synthetic, int[] syntheticClasses) {

    /** The number of output rows. */
    public int size() {
        return kept.length + synthetic.length;
    }

    /** The number of output rows of each class, given the input classes. */
    public int[] counts(Classes input) {
        int[] out = new int[input.size()];
        for (int r : kept) {
            out[input.codes()[r]]++;
        }
        for (int c : syntheticClasses) {
            out[c]++;
        }
        return out;
    }

    static Resampled keeping(int[] kept) {
        return new Resampled(kept, new double[0][], new int[0]);
    }

    static int[] all(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
