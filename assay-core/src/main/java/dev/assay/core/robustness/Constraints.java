package dev.assay.core.robustness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a perturbation must respect beyond the column types: columns it must never change, the ranges
 * numeric columns must stay in, and groups of 0/1 columns that one-hot encode one value (exactly one 1 per
 * row, or none when the value is missing) and must stay that way. Numeric columns whose clean values are
 * all whole numbers stay whole numbers, and categorical columns take only levels seen in the clean data,
 * without being declared (see {@link PerturbationTarget}).
 *
 * @param immutable columns never changed (e.g. sex, a date of birth)
 * @param bounds the allowed range of numeric columns, by column
 * @param oneHotGroups named groups of one-hot columns, e.g. {@code workclass: [wc_private, wc_state_gov]}
 */
public record Constraints(Set<String> immutable, Map<String, Bounds> bounds, Map<String, List<String>> oneHotGroups) {
    /** No constraints beyond the column types. */
    public static final Constraints NONE = new Constraints(Set.of(), Map.of(), Map.of());

    public Constraints {
        immutable = Set.copyOf(immutable);
        bounds = Map.copyOf(bounds);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        oneHotGroups.forEach((k, v) -> groups.put(k, List.copyOf(v)));
        oneHotGroups = java.util.Collections.unmodifiableMap(groups);
    }

    /** These constraints with the columns {@code more} immutable as well. */
    public Constraints withImmutable(java.util.Collection<String> more) {
        Set<String> all = new java.util.LinkedHashSet<>(immutable);
        all.addAll(more);
        return new Constraints(all, bounds, oneHotGroups);
    }
}
