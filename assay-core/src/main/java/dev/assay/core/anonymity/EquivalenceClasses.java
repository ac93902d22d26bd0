package dev.assay.core.anonymity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Rows grouped by equal values of a set of quasi-identifiers (missing values compare equal to each other).
 *
 * @param classOf per row, the index of its class
 * @param sizes per class, its number of rows
 */
record EquivalenceClasses(int[] classOf, int[] sizes) {

    /** The classes of the rows of {@code columns} (indices into {@code coded}). */
    static EquivalenceClasses of(CodedColumns coded, int[] columns) {
        int n = coded.rows();
        int[] classOf = new int[n];
        Map<Key, Integer> ids = new HashMap<>();
        int[] sizes = new int[Math.max(16, Math.min(n, 1024))];
        for (int i = 0; i < n; i++) {
            int[] values = new int[columns.length];
            for (int j = 0; j < columns.length; j++) {
                values[j] = coded.codes()[columns[j]][i];
            }
            Integer id = ids.putIfAbsent(new Key(values), ids.size());
            int c = id == null ? ids.size() - 1 : id;
            if (c >= sizes.length) {
                sizes = Arrays.copyOf(sizes, sizes.length * 2);
            }
            sizes[c]++;
            classOf[i] = c;
        }
        return new EquivalenceClasses(classOf, Arrays.copyOf(sizes, ids.size()));
    }

    /** The number of classes. */
    int count() {
        return sizes.length;
    }

    /** The size of the smallest class: the table's k. */
    int smallest() {
        return Arrays.stream(sizes).min().orElse(0);
    }

    /** Per class, the number of rows with each code of the {@code cardinality}-valued {@code sensitive} codes. */
    int[][] counts(int[] sensitive, int cardinality) {
        int[][] out = new int[sizes.length][cardinality];
        for (int i = 0; i < classOf.length; i++) {
            out[classOf[i]][sensitive[i]]++;
        }
        return out;
    }

    private record Key(int[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key && Arrays.equals(values, ((Key) o).values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }
}
