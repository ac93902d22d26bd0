package dev.assay.core.uncertainty;

import dev.assay.core.error.InvalidInputException;

/** Shared checks of interval settings; messages name the setting, the value and what is allowed. */
final class Validation {
    /** The fewest bootstrap resamples accepted. */
    static final int MIN_RESAMPLES = 100;

    private Validation() {
    }

    static void requireLevel(double level, String key) {
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("'" + key + "' must be a confidence level between 0 and 1 (exclusive), got "
                    + level + ". Use e.g. 0.95 for a 95% interval.");
        }
    }

    static void requireResamples(int resamples, String key) {
        if (resamples < MIN_RESAMPLES) {
            throw new InvalidInputException("'" + key + "' must be at least " + MIN_RESAMPLES + " for a bootstrap interval, got "
                    + resamples + ". Use 1000 or more for 95% intervals.");
        }
    }
}
