package dev.assay.core.fairness.counterfactual;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link CounterfactualFlipTest}: one {@link FlipPair} per attribute and ordered pair
 * of its values (pairs whose {@code from} group has no row included, with zero rows), the counts pooled
 * per attribute and over everything, and notes (rows left out, the positive class scored).
 *
 * @param pairs every (attribute, from, to), in the order of the attributes and of the values
 * @param byAttribute the counts of each attribute's pairs pooled
 * @param overall every pair pooled
 * @param positiveClass the class whose probability is the score; null when the model gives no probabilities
 * @param rowsUsed the rows flipped (after sampling)
 * @param notes what a reader should know
 */
public record FlipResult(List<FlipPair> pairs, Map<String, FlipCounts> byAttribute, FlipCounts overall, String positiveClass,
        int rowsUsed, List<String> notes) {
    public FlipResult {
        pairs = List.copyOf(pairs);
        byAttribute = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byAttribute));
        notes = List.copyOf(notes);
    }
}
