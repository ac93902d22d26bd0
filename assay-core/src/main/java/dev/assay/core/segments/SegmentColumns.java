package dev.assay.core.segments;

import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a search slices when none are named: the schema's feature columns, or else every
 * column that has no role (label, prediction, score, class probabilities, weight, id, timestamp);
 * free-text columns are left out, with a note.
 *
 * @param columns the columns to slice
 * @param skipped the free-text columns left out
 */
public record SegmentColumns(List<String> columns, List<String> skipped) {

    public SegmentColumns {
        columns = List.copyOf(columns);
        skipped = List.copyOf(skipped);
    }

    /**
     * The default columns of {@code frame} under {@code schema}.
     *
     * @throws InvalidInputException when no column is left to slice
     */
    public static SegmentColumns of(Frame frame, Schema schema) {
        List<String> candidates = schema.features();
        if (candidates.isEmpty()) {
            Set<String> roles = new HashSet<>();
            schema.assignments().forEach(a -> roles.add(a.getValue()));
            candidates = frame.columnNames().stream().filter(c -> !roles.contains(c)).toList();
        }
        List<String> columns = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (String c : candidates) {
            (frame.column(c, "feature") instanceof TextColumn ? text : columns).add(c);
        }
        if (columns.isEmpty()) {
            throw new InvalidInputException("There are no columns to slice" + (frame.source() == null ? "" : " in " + frame.source())
                    + ": name them (categories or numbers), or give the schema's feature columns.");
        }
        return new SegmentColumns(columns, text);
    }

    /** "Not sliced (free text): comment." when a column was left out. */
    public Optional<String> note() {
        return skipped.isEmpty() ? Optional.empty()
                : Optional.of("Not sliced (free text): " + String.join(", ", skipped.stream().map(Excerpt::of).toList()) + ".");
    }
}
