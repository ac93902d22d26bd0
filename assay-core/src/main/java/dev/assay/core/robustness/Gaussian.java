package dev.assay.core.robustness;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom} by the Box-Muller transform (the cosine branch). */
final class Gaussian {
    private Gaussian() {
    }

    /** One draw of N(0, 1); consumes two uniforms. */
    static double next(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
