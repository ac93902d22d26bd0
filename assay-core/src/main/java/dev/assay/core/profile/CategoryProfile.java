package dev.assay.core.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;

/**
 * The profile of a categorical or text column: exact counts, a frequent-items sketch of the categories
 * and an HLL distinct count. The frequent-items counts are exact while the column has fewer than
 * {@code 0.75 * }{@link #MAP_SIZE} = 768 categories ({@link #maximumError()} is then 0); beyond, each
 * count is an estimate within {@link #maximumError()} of the true one (DataSketches'
 * {@code ItemsSketch}, Misra-Gries with a purge of the smallest counts).
 */
public final class CategoryProfile implements ColumnProfile {
    /** Size of the frequent-items map. */
    public static final int MAP_SIZE = 1024;

    private final String name;
    private long rows;
    private long missing;
    private final ItemsSketch<String> items;
    private HllSketch distinct;

    /** An empty profile of column {@code name}. */
    public CategoryProfile(String name) {
        this(name, 0, 0, new ItemsSketch<>(MAP_SIZE), Hll.empty());
    }

    CategoryProfile(String name, long rows, long missing, ItemsSketch<String> items, HllSketch distinct) {
        this.name = name;
        this.rows = rows;
        this.missing = missing;
        this.items = items;
        this.distinct = distinct;
    }

    /** Adds {@code count > 0} occurrences of {@code value}; null is missing. */
    public void add(String value, long count) {
        rows += count;
        if (value == null) {
            missing += count;
            return;
        }
        items.update(value, count);
        distinct.update(value);
    }

    /** Adds everything {@code other} has seen; {@code other} is left unchanged. */
    public void merge(CategoryProfile other) {
        rows += other.rows;
        missing += other.missing;
        items.merge(other.items);
        distinct = Hll.union(distinct, other.distinct);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "categorical";
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long missing() {
        return missing;
    }

    /** The non-missing values seen. */
    public long count() {
        return rows - missing;
    }

    @Override
    public double distinct() {
        return distinct.getEstimate();
    }

    /** The largest error of any count in {@link #counts()}; 0 when they are exact. */
    public long maximumError() {
        return items.getMaximumError();
    }

    /**
     * The categories the sketch holds with their estimated counts, most frequent first (ties by name);
     * every category when {@link #maximumError()} is 0.
     */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        ItemsSketch.Row<String>[] rows = items.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES);
        java.util.Arrays.sort(rows, (a, b) -> a.getEstimate() != b.getEstimate() ? Long.compare(b.getEstimate(), a.getEstimate())
                : a.getItem().compareTo(b.getItem()));
        for (ItemsSketch.Row<String> r : rows) {
            out.put(r.getItem(), r.getEstimate());
        }
        return out;
    }

    ItemsSketch<String> items() {
        return items;
    }

    HllSketch hll() {
        return distinct;
    }
}
