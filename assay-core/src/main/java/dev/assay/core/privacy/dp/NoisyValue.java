package dev.assay.core.privacy.dp;

/**
 * A released statistic.
 *
 * @param query what was released, e.g. {@code count[sex=female]}
 * @param value the noised value, the only number that may be published
 * @param mechanism the noise
 * @param epsilon the ε this release cost
 * @param delta the δ this release cost (0 for Laplace)
 * @param sensitivity the L1 (Laplace) or L2 (Gaussian) sensitivity the noise was scaled to
 * @param noiseStd the standard deviation of the noise, for reading the value's precision
 */
public record NoisyValue(String query, double value, Mechanism mechanism, double epsilon, double delta, double sensitivity,
        double noiseStd) {
}
