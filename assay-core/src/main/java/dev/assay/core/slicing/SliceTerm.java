package dev.assay.core.slicing;

import dev.assay.core.error.Excerpt;
import java.util.Objects;

/**
 * One column's part of a slice: a value ({@code sex = Female}), a numeric interval
 * ({@code age in (28, 37]}) or the missing values ({@code workclass is missing}).
 *
 * @param column the column
 * @param label the value, the interval in bracket notation, or {@code missing}
 * @param kind which of the three the label is
 */
public record SliceTerm(String column, String label, Kind kind) {

    /** What a term selects. */
    public enum Kind { VALUE, INTERVAL, MISSING }

    public SliceTerm {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    /** E.g. {@code sex = Female}, {@code age in [17, 28]}, {@code workclass is missing}. */
    public String describe() {
        return switch (kind) {
            case VALUE -> Excerpt.of(column) + " = " + Excerpt.of(label);
            case INTERVAL -> Excerpt.of(column) + " in " + label;
            case MISSING -> Excerpt.of(column) + " is missing";
        };
    }
}
