package dev.assay.core.resample;

import dev.assay.core.error.InvalidInputException;

/** A class-imbalance resampler: takes feature rows and their classes, returns the rows in imbalanced-learn's order. */
public interface Sampler {

    /**
     * Resamples {@code x} (one row per entry, no missing values) with classes {@code classes}.
     *
     * @throws InvalidInputException when a class is too small for the neighbours asked for, or only one class is given
     */
    Resampled resample(double[][] x, Classes classes);

    /** Fails unless there are two classes or more. */
    static void requireClasses(Classes classes) {
        if (classes.size() < 2) {
            throw new InvalidInputException("The label has a single class" + (classes.size() == 1 ? " ('" + classes.names().get(0)
                    + "')" : "") + "; resampling needs two classes or more.");
        }
    }

    /** Fails unless class {@code c} has more than {@code k} rows, naming the fix. */
    static void requireNeighbours(Classes classes, int c, int k, String method, String parameter) {
        int n = classes.counts()[c];
        if (n < k + 1) {
            throw new InvalidInputException("Class '" + classes.names().get(c) + "' has " + n + " row" + (n == 1 ? "" : "s")
                    + "; " + method + " with " + parameter + "=" + k + " needs at least " + (k + 1) + " (" + parameter
                    + " + 1). " + (n >= 2 ? "Lower " + parameter + " to at most " + (n - 1) + ", or" : "Use random_over, or")
                    + " collect more rows of this class.");
        }
    }
}
