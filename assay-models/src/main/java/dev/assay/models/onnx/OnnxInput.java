package dev.assay.models.onnx;

/**
 * One input of an ONNX graph as Assay feeds it.
 *
 * @param name the graph input's name (for a per-column input, also the frame column's)
 * @param kind what is fed and in which element type
 * @param twoDimensional whether a per-column input has the shape {@code [N, 1]} rather than {@code [N]}
 */
record OnnxInput(String name, Kind kind, boolean twoDimensional) {

    /** The input conventions: one dense {@code [N, F]} tensor, or one tensor per column. */
    enum Kind {
        DENSE_FLOAT, DENSE_DOUBLE, COLUMN_FLOAT, COLUMN_DOUBLE, COLUMN_INT64, COLUMN_STRING;

        boolean dense() {
            return this == DENSE_FLOAT || this == DENSE_DOUBLE;
        }
    }
}
