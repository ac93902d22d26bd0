package dev.assay.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles rows one at a time, for data that arrives as rows rather than as a frame (a partition of a
 * distributed data set): numeric cells are buffered and added to the column's {@link NumericProfile} in
 * batches, category cells are counted and added to its {@link CategoryProfile} once, so the profile is
 * the one {@link Profiler} builds from a frame of the same rows (the same exact counts and moments; the
 * same KLL sketch when the values arrive in the same order).
 *
 * <pre>{@code
 * ProfileBuilder b = new ProfileBuilder(List.of("age", "sex"), new boolean[] {true, false});
 * b.addRow(new Object[] {39, "Male"});
 * DatasetProfile p = b.result("part-0");
 * }</pre>
 */
public final class ProfileBuilder {
    private static final int BATCH = 4096;

    private final List<String> columns;
    private final boolean[] numeric;
    private final double[][] buffers;
    private final int[] buffered;
    private final NumericProfile[] numbers;
    private final List<Map<String, long[]>> categories;
    private final long[] missingText;
    private long rows;

    /**
     * @param columns the column names, in order
     * @param numeric whether each column is numeric (else its cells are categories, compared as text)
     */
    public ProfileBuilder(List<String> columns, boolean[] numeric) {
        if (columns.size() != numeric.length) {
            throw new IllegalArgumentException(columns.size() + " columns but " + numeric.length + " types");
        }
        this.columns = List.copyOf(columns);
        this.numeric = numeric.clone();
        int k = numeric.length;
        buffers = new double[k][];
        buffered = new int[k];
        numbers = new NumericProfile[k];
        categories = new ArrayList<>(k);
        missingText = new long[k];
        for (int c = 0; c < k; c++) {
            if (numeric[c]) {
                buffers[c] = new double[BATCH];
                numbers[c] = new NumericProfile(columns.get(c));
            }
            categories.add(numeric[c] ? null : new HashMap<>());
        }
    }

    /**
     * Adds one row: a cell of a numeric column is a {@link Number} (null or NaN: missing), a cell of a
     * category column any value, profiled as its {@code toString()} (null: missing).
     */
    public void addRow(Object[] cells) {
        for (int c = 0; c < numeric.length; c++) {
            Object v = cells[c];
            if (numeric[c]) {
                buffers[c][buffered[c]++] = v == null ? Double.NaN : ((Number) v).doubleValue();
                if (buffered[c] == BATCH) {
                    flush(c);
                }
            } else if (v == null) {
                missingText[c]++;
            } else {
                categories.get(c).computeIfAbsent(v.toString(), key -> new long[1])[0]++;
            }
        }
        rows++;
    }

    /** The profile of the rows added, named {@code source}. */
    public DatasetProfile result(String source) {
        List<ColumnProfile> out = new ArrayList<>(numeric.length);
        for (int c = 0; c < numeric.length; c++) {
            if (numeric[c]) {
                flush(c);
                out.add(numbers[c]);
            } else {
                CategoryProfile p = new CategoryProfile(columns.get(c));
                List<Map.Entry<String, long[]>> counts = new ArrayList<>(categories.get(c).entrySet());
                counts.sort(Map.Entry.comparingByKey());
                counts.forEach(e -> p.add(e.getKey(), e.getValue()[0]));
                if (missingText[c] > 0) {
                    p.add(null, missingText[c]);
                }
                out.add(p);
            }
        }
        return new DatasetProfile(out, List.of(source), rows);
    }

    /** {@code profile} named {@code source} alone (after merging the profiles of its parts). */
    public static DatasetProfile named(DatasetProfile profile, String source) {
        return new DatasetProfile(profile.columns(), List.of(source), profile.rows());
    }

    private void flush(int c) {
        if (buffered[c] > 0) {
            numbers[c].add(Arrays.copyOf(buffers[c], buffered[c]));
            buffered[c] = 0;
        }
    }
}
