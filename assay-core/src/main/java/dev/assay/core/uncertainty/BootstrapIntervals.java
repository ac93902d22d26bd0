package dev.assay.core.uncertainty;

import dev.assay.core.result.Interval;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Confidence intervals from bootstrap replicates of a statistic, as pure functions of the numbers
 * given (no resampling here; {@link MetricBootstrap} draws the resamples).
 *
 * <p>With {@code α = (1 − level) / 2} and {@code Q(p)} the {@code p}-quantile of the replicates
 * (linear interpolation between order statistics, numpy's default {@code np.percentile}):
 * <ul>
 *   <li>percentile: {@code [Q(α), Q(1 − α)]};</li>
 *   <li>BCa (Efron 1987; Efron and Tibshirani 1993, 14.3 and eq. 15.36): {@code [Q(α₁), Q(α₂)]} with
 *   {@code α₁ = Φ(z₀ + (z₀ + z_α) / (1 − a (z₀ + z_α)))}, {@code α₂} the same with {@code z_{1−α}},
 *   bias correction {@code z₀ = Φ⁻¹((#{θ*_b < θ̂} + #{θ*_b ≤ θ̂}) / 2B)} and acceleration
 *   {@code a = Σ_j Σ_i U³_ji / n_j³ / (6 (Σ_j Σ_i U²_ji / n_j²)^{3/2})}, where {@code U_ji = (n_j − 1)(θ̄_j − θ_(j,i))}
 *   from the jackknife values {@code θ_(j,i)} leaving out row i of stratum j (size {@code n_j}, mean {@code θ̄_j}).</li>
 * </ul>
 *
 * <p>Edge cases: a NaN replicate or jackknife value leaves the interval undefined with the reason;
 * replicates all equal to the estimate give an undefined BCa interval (z₀ is infinite, as in scipy,
 * which warns "the distribution is degenerate"), while the percentile interval is then a point.
 * Zero jackknife spread gives acceleration NaN and an undefined BCa interval.
 *
 * <p>Reference: scipy 1.10 {@code scipy.stats._resampling._bca_interval} (each stratum one sample),
 * the function behind {@code scipy.stats.bootstrap(method='BCa')}, and {@code np.percentile}; matched to
 * 1e-9 on {@code golden/uncertainty/bootstrap_*.json}.
 */
public final class BootstrapIntervals {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private BootstrapIntervals() {
    }

    /** The percentile interval of {@code replicates} at confidence {@code level}. */
    public static IntervalEstimate percentile(double[] replicates, double level) {
        Validation.requireLevel(level, "level");
        String nan = nanReason(replicates, "bootstrap resample");
        if (nan != null) {
            return IntervalEstimate.undefined(nan);
        }
        double alpha = (1 - level) / 2;
        double[] sorted = sorted(replicates);
        return IntervalEstimate.of(new Interval(quantile(sorted, alpha), quantile(sorted, 1 - alpha), level,
                IntervalMethod.PERCENTILE.label()));
    }

    /**
     * The BCa interval at confidence {@code level} for the statistic {@code estimate} on the full data,
     * its {@code replicates}, and {@code jackknife[j][i]}, its value without row i of stratum j.
     */
    public static IntervalEstimate bca(double[] replicates, double estimate, double[][] jackknife, double level) {
        Validation.requireLevel(level, "level");
        String nan = nanReason(replicates, "bootstrap resample");
        for (int j = 0; nan == null && j < jackknife.length; j++) {
            nan = nanReason(jackknife[j], "leave-one-out (jackknife) subset");
        }
        if (nan != null) {
            return IntervalEstimate.undefined(nan);
        }
        double z0 = biasCorrection(replicates, estimate);
        if (Double.isInfinite(z0)) {
            return IntervalEstimate.undefined("every bootstrap resample gave a value on one side of the estimate, so the"
                    + " bias correction is infinite; use the percentile method, or more rows.");
        }
        double a = acceleration(jackknife);
        if (Double.isNaN(a)) {
            return IntervalEstimate.undefined("the value does not change when any one row is left out, so the acceleration"
                    + " is undefined; use the percentile method.");
        }
        double[] levels = bcaLevels(z0, a, level);
        double[] sorted = sorted(replicates);
        return IntervalEstimate.of(new Interval(quantile(sorted, levels[0]), quantile(sorted, levels[1]), level,
                IntervalMethod.BCA.label()));
    }

    /** The bias correction {@code z₀ = Φ⁻¹((#{θ*_b < θ̂} + #{θ*_b ≤ θ̂}) / 2B)}; ±infinity when every replicate is on one side. */
    public static double biasCorrection(double[] replicates, double estimate) {
        long below = 0;
        long atOrBelow = 0;
        for (double r : replicates) {
            if (r < estimate) {
                below++;
            }
            if (r <= estimate) {
                atOrBelow++;
            }
        }
        return STANDARD_NORMAL.inverseCumulativeProbability((below + atOrBelow) / (2.0 * replicates.length));
    }

    /** The acceleration {@code a} from the jackknife values of each stratum; NaN when they do not vary. */
    public static double acceleration(double[][] jackknife) {
        double num = 0;
        double den = 0;
        for (double[] values : jackknife) {
            int n = values.length;
            double mean = 0;
            for (double v : values) {
                mean += v;
            }
            mean /= n;
            double cubes = 0;
            double squares = 0;
            for (double v : values) {
                double u = (n - 1) * (mean - v);
                cubes += u * u * u;
                squares += u * u;
            }
            num += cubes / ((double) n * n * n);
            den += squares / ((double) n * n);
        }
        return num / 6 / Math.pow(den, 1.5);
    }

    /** The quantile levels {@code α₁, α₂} of the BCa interval. */
    static double[] bcaLevels(double z0, double a, double level) {
        double zAlpha = STANDARD_NORMAL.inverseCumulativeProbability((1 - level) / 2);
        double num1 = z0 + zAlpha;
        double num2 = z0 - zAlpha;
        return new double[] {STANDARD_NORMAL.cumulativeProbability(z0 + num1 / (1 - a * num1)),
                STANDARD_NORMAL.cumulativeProbability(z0 + num2 / (1 - a * num2))};
    }

    /** The {@code p}-quantile of sorted values by linear interpolation (numpy's default method, including its rounding). */
    public static double quantile(double[] sorted, double p) {
        double index = (sorted.length - 1) * p;
        int below = (int) Math.floor(index);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double t = index - below;
        double a = sorted[below];
        double b = sorted[below + 1];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    private static double[] sorted(double[] values) {
        double[] out = values.clone();
        Arrays.sort(out);
        return out;
    }

    private static String nanReason(double[] values, String what) {
        int nan = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                nan++;
            }
        }
        return nan == 0 ? null : "the value is undefined on " + nan + " of " + values.length + " " + what + "s"
                + " (e.g. a zero division); a wider slice or more rows may help.";
    }
}
