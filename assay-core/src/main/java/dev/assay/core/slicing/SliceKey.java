package dev.assay.core.slicing;

import java.util.stream.Collectors;

/**
 * How a condition addresses a slice's member, as in {@code recall[sex=Female]}: {@code column=value}
 * for a value, {@code column=lower..upper} for a quantile bin (its edges; the bins of one check never
 * share both edges, so the key is unique, and it holds no unpaired bracket, which the condition
 * reader could not take), {@code column=(missing)} for the missing values, and the terms of a pair
 * joined by a comma: {@code sex=Female,age=17..28}.
 */
public final class SliceKey {
    /** The key spelling of a missing-values term. */
    public static final String MISSING = "(missing)";

    private SliceKey() {
    }

    /** The key of {@code slice}. */
    public static String of(Slice slice) {
        return slice.terms().stream().map(SliceKey::of).collect(Collectors.joining(","));
    }

    /** The key of one term: {@code sex=Female}, {@code age=28..37}, {@code workclass=(missing)}. */
    public static String of(SliceTerm term) {
        return term.column() + "=" + switch (term.kind()) {
            case VALUE -> term.label();
            case INTERVAL -> term.label().substring(1, term.label().length() - 1).replace(", ", "..");
            case MISSING -> MISSING;
        };
    }
}
