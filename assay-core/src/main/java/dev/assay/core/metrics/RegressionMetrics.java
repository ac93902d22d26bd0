package dev.assay.core.metrics;

import dev.assay.core.stats.RegressionErrors;
import dev.assay.core.stats.ValueDistribution;

/**
 * Regression metrics as pure functions of {@link RegressionErrors} (residual {@code r = y - ŷ},
 * weights {@code w}). Every function returns undefined when the rows have no positive total weight.
 */
public final class RegressionMetrics {
    private RegressionMetrics() {
    }

    private static MetricValue empty(String id, RegressionErrors e) {
        return e.weight() > 0 ? null : MetricValue.undefined(id, id + " needs rows with positive weight.");
    }

    /**
     * Mean absolute error {@code Σ w|r| / Σ w}; lower is better; range [0, ∞). Reference: {@code
     * mean_absolute_error(y, y_pred, sample_weight=w)}, 1e-9.
     */
    public static MetricValue mae(RegressionErrors e) {
        MetricValue u = empty("mae", e);
        return u != null ? u : MetricValue.of("mae", e.absoluteError() / e.weight());
    }

    /**
     * Mean squared error {@code Σ w r² / Σ w}; lower is better; range [0, ∞). Reference: {@code
     * mean_squared_error(y, y_pred, sample_weight=w)}, 1e-9.
     */
    public static MetricValue mse(RegressionErrors e) {
        MetricValue u = empty("mse", e);
        return u != null ? u : MetricValue.of("mse", e.squaredError() / e.weight());
    }

    /**
     * Root mean squared error {@code sqrt(mse)}; lower is better; range [0, ∞). Reference: {@code
     * mean_squared_error(y, y_pred, squared=False, sample_weight=w)}, 1e-9.
     */
    public static MetricValue rmse(RegressionErrors e) {
        MetricValue u = empty("rmse", e);
        return u != null ? u : MetricValue.of("rmse", Math.sqrt(e.squaredError() / e.weight()));
    }

    /**
     * Coefficient of determination {@code 1 - Σ w r² / Σ w (y - ȳ_w)²}; higher is better; range
     * (-∞, 1]. Edge cases: fewer than 2 rows → undefined; constant label → 1 if every prediction is
     * exact, else 0 (scikit-learn's {@code force_finite=True}). Reference: {@code r2_score(y, y_pred,
     * sample_weight=w)}, 1e-9.
     */
    public static MetricValue r2(RegressionErrors e) {
        return explained("r2", e, e.squaredError());
    }

    /**
     * Explained variance {@code 1 - Var_w(r) / Var_w(y)}; higher is better; range (-∞, 1]; equals r2
     * when the mean residual is 0. Edge cases: as {@link #r2}. Reference: {@code
     * explained_variance_score(y, y_pred, sample_weight=w)}, 1e-9.
     */
    public static MetricValue explainedVariance(RegressionErrors e) {
        return explained("explained_variance", e, e.residual().m2());
    }

    private static MetricValue explained(String id, RegressionErrors e, double numerator) {
        MetricValue u = empty(id, e);
        if (u != null) {
            return u;
        }
        if (e.rows() < 2) {
            return MetricValue.undefined(id, id + " is not defined for fewer than two rows.");
        }
        double denominator = e.truth().m2();
        if (denominator == 0) {
            return new MetricValue(id, numerator == 0 ? 1 : 0, null,
                    java.util.List.of(id + " has a constant label: reported as " + (numerator == 0 ? "1 (every prediction exact)" : "0")
                            + " by convention."));
        }
        return MetricValue.of(id, 1 - numerator / denominator);
    }

    /**
     * Mean absolute percentage error {@code Σ w |r| / max(|y|, ε) / Σ w}, ε = 2.22e-16, as a fraction;
     * lower is better; range [0, ∞). Edge cases: a label of 0 gives a huge but finite term rather
     * than infinity. Reference: {@code mean_absolute_percentage_error(y, y_pred, sample_weight=w)},
     * 1e-9.
     */
    public static MetricValue mape(RegressionErrors e) {
        MetricValue u = empty("mape", e);
        return u != null ? u : MetricValue.of("mape", e.absolutePercentageError() / e.weight());
    }

    /**
     * Median absolute error: the median of {@code |r|}; lower is better; range [0, ∞). Unweighted:
     * the middle value (mean of the two middle values for an even count). Weighted: the smallest
     * {@code |r|} whose cumulative weight reaches half the total, without interpolation. Reference:
     * {@code median_absolute_error(y, y_pred, sample_weight=w)}, 1e-9.
     */
    public static MetricValue medianAbsoluteError(ValueDistribution absoluteErrors) {
        if (absoluteErrors.size() == 0) {
            return MetricValue.undefined("median_absolute_error", "median_absolute_error needs at least one row.");
        }
        return MetricValue.of("median_absolute_error", absoluteErrors.median());
    }

    /**
     * Max error {@code max |r|} over rows of positive weight; lower is better; range [0, ∞).
     * scikit-learn's {@code max_error} takes no weights: here weights only exclude rows of weight 0,
     * so with positive weights the value is that of {@code max_error(y, y_pred)}, 1e-9.
     */
    public static MetricValue maxError(RegressionErrors e) {
        MetricValue u = empty("max_error", e);
        return u != null ? u : MetricValue.of("max_error", e.maxAbsoluteError());
    }
}
