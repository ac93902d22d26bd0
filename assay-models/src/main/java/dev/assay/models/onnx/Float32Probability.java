package dev.assay.models.onnx;

/**
 * A class probability a model computed in 32-bit floats, widened to a double. Rounding in float32
 * (softmax, averaging trees' votes) can leave a probability a few units in the last place outside
 * [0, 1], e.g. 1.0000001; such a value is pinned to the bound it missed, so that it still counts as
 * a probability (log loss and Brier score require [0, 1], as scikit-learn's do). Anything further out
 * is kept, so a model that does not output probabilities is still reported as such.
 */
final class Float32Probability {
    /** How far outside [0, 1] float32 rounding may leave a probability: 4 units in the last place of 1f. */
    static final double TOLERANCE = 4 * Math.ulp(1f);

    private Float32Probability() {
    }

    static double widen(float p) {
        if (p > 1 && p <= 1 + TOLERANCE) {
            return 1;
        }
        if (p < 0 && p >= -TOLERANCE) {
            return 0;
        }
        return p;
    }
}
