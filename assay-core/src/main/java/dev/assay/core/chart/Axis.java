package dev.assay.core.chart;

/**
 * An axis of an {@link XYChart}.
 *
 * @param label the axis title
 * @param min the lower bound, or {@code NaN} to fit the data
 * @param max the upper bound, or {@code NaN} to fit the data
 */
public record Axis(String label, double min, double max) {

    /** An axis fitted to the data. */
    public static Axis auto(String label) {
        return new Axis(label, Double.NaN, Double.NaN);
    }

    /** An axis from 0 to 1, for rates and probabilities. */
    public static Axis unit(String label) {
        return new Axis(label, 0, 1);
    }
}
