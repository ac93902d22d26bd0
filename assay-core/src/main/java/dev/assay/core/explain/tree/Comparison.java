package dev.assay.core.explain.tree;

/**
 * How a split node compares its input x with its threshold t to choose its true child, as the
 * {@code nodes_modes} of ONNX-ML tree ensembles ({@code BRANCH_LEQ} and so on).
 */
public enum Comparison {
    LEQ, LT, GTE, GT, EQ, NEQ;

    /** Whether {@code x} (not NaN) goes to the true child of a split at {@code threshold}. */
    public boolean test(double x, double threshold) {
        switch (this) {
            case LEQ:
                return x <= threshold;
            case LT:
                return x < threshold;
            case GTE:
                return x >= threshold;
            case GT:
                return x > threshold;
            case EQ:
                return x == threshold;
            default:
                return x != threshold;
        }
    }
}
