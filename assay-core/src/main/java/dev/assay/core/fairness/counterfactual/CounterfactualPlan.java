package dev.assay.core.fairness.counterfactual;

import dev.assay.core.error.InvalidInputException;
import java.util.List;

/**
 * What a {@link CounterfactualFlipTest} flips.
 *
 * @param attributes the protected columns, each flipped on its own
 * @param values the values to flip between (one attribute only); empty for every value that occurs
 * @param positiveClass the class whose probability is the score; null for the greater of two class names
 * @param maxRows flip a seeded sample of this many rows when the data has more
 * @param seed the seed of that sample
 */
public record CounterfactualPlan(List<String> attributes, List<String> values, String positiveClass, int maxRows, long seed) {
    /** The sample size when none is given. */
    public static final int DEFAULT_MAX_ROWS = 10_000;

    public CounterfactualPlan {
        attributes = List.copyOf(attributes);
        values = List.copyOf(values);
        if (attributes.isEmpty()) {
            throw new InvalidInputException("Name the protected attribute to flip, e.g. attribute: sex.");
        }
        if (!values.isEmpty() && attributes.size() > 1) {
            throw new InvalidInputException("values picks values of one attribute, but " + attributes.size() + " attributes are "
                    + "named; flip one attribute per check when naming values.");
        }
        if (maxRows < 1) {
            throw new InvalidInputException("max_rows must be a positive whole number, found " + maxRows + ".");
        }
    }
}
