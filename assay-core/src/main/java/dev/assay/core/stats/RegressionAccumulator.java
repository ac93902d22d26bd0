package dev.assay.core.stats;

/** Accumulates {@link RegressionErrors} one row at a time. */
public final class RegressionAccumulator implements Accumulator<RegressionAccumulator, RegressionErrors>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The smallest divisor of the absolute percentage error, numpy's {@code finfo(float64).eps}. */
    public static final double PERCENTAGE_EPSILON = Math.ulp(1.0);

    private long rows;
    private double weight;
    private double absoluteError;
    private double squaredError;
    private double absolutePercentageError;
    private double maxAbsoluteError;
    private final MomentsAccumulator truth = new MomentsAccumulator();
    private final MomentsAccumulator residual = new MomentsAccumulator();

    /** Adds a row with true value {@code y}, prediction {@code yHat} and weight {@code w >= 0}. */
    public void add(double y, double yHat, double w) {
        double r = y - yHat;
        double a = Math.abs(r);
        rows++;
        weight += w;
        absoluteError += w * a;
        squaredError += w * r * r;
        absolutePercentageError += w * (a / Math.max(Math.abs(y), PERCENTAGE_EPSILON));
        if (w > 0 && a > maxAbsoluteError) {
            maxAbsoluteError = a;
        }
        truth.add(y, w);
        residual.add(r, w);
    }

    @Override
    public void merge(RegressionAccumulator other) {
        rows += other.rows;
        weight += other.weight;
        absoluteError += other.absoluteError;
        squaredError += other.squaredError;
        absolutePercentageError += other.absolutePercentageError;
        maxAbsoluteError = Math.max(maxAbsoluteError, other.maxAbsoluteError);
        truth.merge(other.truth);
        residual.merge(other.residual);
    }

    @Override
    public RegressionErrors result() {
        return new RegressionErrors(rows, weight, absoluteError, squaredError, absolutePercentageError,
                maxAbsoluteError, truth.result(), residual.result());
    }
}
