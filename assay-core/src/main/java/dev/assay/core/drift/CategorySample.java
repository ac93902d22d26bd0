package dev.assay.core.drift;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import java.util.LinkedHashMap;
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

    /** The category counts of a categorical or text column. */
    public static CategorySample of(Column column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long missing = 0;
        if (column instanceof CategoricalColumn) {
            CategoricalColumn cat = (CategoricalColumn) column;
            long[] byLevel = cat.levelCounts();
            for (int i = 0; i < byLevel.length; i++) {
                if (byLevel[i] > 0) {
                    counts.put(cat.levels().get(i), byLevel[i]);
                }
            }
            missing = cat.missingCount();
        } else {
            for (int row = 0; row < column.size(); row++) {
                if (column.isMissing(row)) {
                    missing++;
                } else {
                    counts.merge(column.format(row), 1L, Long::sum);
                }
            }
        }
        return new CategorySample(column.name(), counts, missing);
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
