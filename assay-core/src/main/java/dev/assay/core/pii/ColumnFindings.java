package dev.assay.core.pii;

import java.util.List;
import java.util.Map;

/**
 * What a scan found in one column.
 *
 * @param column the column's name
 * @param values the number of values scanned (missing ones excluded)
 * @param withPii the number of values holding at least one entity
 * @param counts per entity found, the number of values holding it (entities absent from the map were not found)
 * @param examples per entity found, up to three distinct values holding it, masked ({@link Masking})
 */
public record ColumnFindings(String column, int values, int withPii, Map<PiiEntity, Integer> counts, Map<PiiEntity, List<String>> examples) {

    public ColumnFindings {
        counts = Map.copyOf(counts);
        examples = Map.copyOf(examples);
    }

    /** The number of values holding {@code entity}, zero when none. */
    public int count(PiiEntity entity) {
        return counts.getOrDefault(entity, 0);
    }

    /** Whether any entity was found. */
    public boolean any() {
        return !counts.isEmpty();
    }
}
