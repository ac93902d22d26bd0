package dev.assay.core.explain;

/**
 * The explanation of one row: its output on the link scale, the contribution of each feature (in the
 * order of {@link Explanation#features()}) and an estimate of each contribution's error.
 *
 * @param row the 0-based index of the row in the explained frame
 * @param base v(no feature), link(mean output over the background with only the columns outside every
 *     feature taken from this row): the same for all rows when every column the model reads is a feature
 * @param output link(f(x)), the model output explained
 * @param values the contribution of each feature; they sum to {@code output - base}
 * @param errors the standard error of each value: 0 when computed exactly, NaN when not estimated
 */
public record RowExplanation(int row, double base, double output, double[] values, double[] errors) {

    /** The sum of the values: the output minus the base when the explanation is additive. */
    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
