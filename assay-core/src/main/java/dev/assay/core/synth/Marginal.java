package dev.assay.core.synth;

import java.util.Map;

/**
 * A fitted distribution of one numeric column: its cumulative distribution (used to turn values into
 * normal scores) and its quantile function (used to turn sampled normal scores back into values).
 */
public interface Marginal {

    /** The family id: {@code normal}, {@code gamma}, {@code beta}, {@code gaussian_kde} or {@code empirical}. */
    String family();

    /** P(X <= x). */
    double cdf(double x);

    /** The smallest x with cdf(x) >= u, for u in (0, 1). */
    double quantile(double u);

    /** The fitted parameters by name, as scipy.stats names them ({@code loc}, {@code scale}, {@code a}, {@code b}, {@code bandwidth}). */
    Map<String, Double> parameters();
}
