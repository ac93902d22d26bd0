package dev.assay.core.fairness;

import dev.assay.core.error.InvalidInputException;
import java.util.Objects;

/**
 * How group metrics and disparities are computed.
 *
 * @param convention how undefined rates and small groups are treated
 * @param minGroupSize groups with fewer rows are flagged and, under {@link Convention#EXPLICIT}, left out
 *     of maxima and minima (ignored by the compatibility conventions)
 * @param level the confidence level of every interval, e.g. 0.95
 * @param resamples the number of bootstrap resamples for disparity intervals; 0 for none
 * @param seed the seed of the bootstrap: the same seed gives the same intervals
 */
public record FairnessSettings(Convention convention, int minGroupSize, double level, int resamples, long seed) {

    /** Explicit undefined values, groups of at least 30 rows, 95% intervals from 1,000 resamples, seed 42. */
    public static final FairnessSettings DEFAULT = new FairnessSettings(Convention.EXPLICIT, 30, 0.95, 1000, 42);

    public FairnessSettings {
        Objects.requireNonNull(convention, "convention");
        if (minGroupSize < 0) {
            throw new InvalidInputException("the minimum group size must be 0 or more, not " + minGroupSize + ".");
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("the confidence level must be between 0 and 1 (e.g. 0.95), not " + level + ".");
        }
        if (resamples < 0) {
            throw new InvalidInputException("the number of bootstrap resamples must be 0 or more, not " + resamples + ".");
        }
    }

    /** These settings with another convention. */
    public FairnessSettings withConvention(Convention value) {
        return new FairnessSettings(value, minGroupSize, level, resamples, seed);
    }

    /** These settings with another minimum group size. */
    public FairnessSettings withMinGroupSize(int value) {
        return new FairnessSettings(convention, value, level, resamples, seed);
    }

    /** These settings with another number of resamples (0 for no intervals). */
    public FairnessSettings withResamples(int value) {
        return new FairnessSettings(convention, minGroupSize, level, value, seed);
    }

    /** The minimum group size in force: 0 under the compatibility conventions. */
    public int effectiveMinGroupSize() {
        return convention == Convention.EXPLICIT ? minGroupSize : 0;
    }
}
