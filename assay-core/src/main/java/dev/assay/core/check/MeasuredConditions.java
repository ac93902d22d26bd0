package dev.assay.core.check;

import dev.assay.core.error.Excerpt;
import java.util.Optional;

/**
 * The one rule every kind of check shares: a condition may only be about a value the check
 * measures. Suite files report a violation at the condition's line, builders at once.
 */
public final class MeasuredConditions {
    private MeasuredConditions() {
    }

    /** Why {@code condition} cannot be judged by {@code check}, or empty when the check measures its value. */
    public static Optional<String> problem(Check check, Condition condition) {
        if (check.measures().contains(condition.measurement())) {
            return Optional.empty();
        }
        String measured = String.join(", ", check.measures());
        return Optional.of("the condition '" + Excerpt.of(condition.text()) + "' is about '" + Excerpt.of(condition.measurement())
                + "', which this check does not measure. It measures: " + (measured.length() > 300
                        ? measured.substring(0, measured.lastIndexOf(',', 300)) + ", ..." : measured) + ".");
    }
}
