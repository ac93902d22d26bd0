package dev.assay.core.drift;

import java.util.Map;

/**
 * The category counts of a categorical or text column.
 *
 * @param column the column's name
 * @param counts rows per category, in order of first appearance
 * @param missing the number of missing values left out
 */
public record CategorySample(String column, Map<String, Long> counts, long missing) implements ColumnSample {
    public CategorySample {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }

    @Override
    public long count() {
        long n = 0;
        for (long c : counts.values()) {
            n += c;
        }
        return n;
    }
}
