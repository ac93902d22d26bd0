package dev.assay.core.data;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Selects the rows of a frame whose columns hold given values, e.g. {@code sex = Female} or
 * {@code region in (EU, UK)}; all columns must match (AND). Numeric columns compare the formatted
 * value, so {@code 1} matches 1.0. Missing values never match.
 *
 * @param equals column name to the accepted values (as text)
 */
public record RowFilter(Map<String, Set<String>> equals) {

    public RowFilter {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        equals.forEach((k, v) -> {
            if (v.isEmpty()) {
                throw new InvalidInputException("the slice gives no value for column '" + k + "'; give the value(s) to keep.");
            }
            copy.put(k, Set.copyOf(v));
        });
        equals = java.util.Collections.unmodifiableMap(copy);
    }

    /** The row numbers (0-based, ascending) of {@code frame} that match. */
    public int[] rows(Frame frame) {
        List<Column> cols = new ArrayList<>();
        List<Set<String>> accepted = new ArrayList<>();
        equals.forEach((name, values) -> {
            cols.add(frame.column(name, "filter"));
            accepted.add(values);
        });
        int[] out = new int[frame.rowCount()];
        int n = 0;
        rows:
        for (int i = 0; i < frame.rowCount(); i++) {
            for (int c = 0; c < cols.size(); c++) {
                String v = cols.get(c).format(i);
                if (v == null || !accepted.get(c).contains(v)) {
                    continue rows;
                }
            }
            out[n++] = i;
        }
        if (n == 0) {
            throw new InvalidInputException("No row of " + (frame.source() == null ? "the data" : frame.source())
                    + " matches " + describe() + ". Check the values against the data (they are compared as text).");
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** A readable description, e.g. {@code sex = Female, region in (EU, UK)}. */
    public String describe() {
        return equals.entrySet().stream().map(e -> e.getValue().size() == 1
                ? Excerpt.of(e.getKey()) + " = " + Excerpt.of(e.getValue().iterator().next())
                : Excerpt.of(e.getKey()) + " in (" + e.getValue().stream().sorted().map(Excerpt::of)
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }
}
