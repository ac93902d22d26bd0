package dev.assay.core.resample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of a label as imbalanced-learn sees them: codes in sorted label order (numbers by value,
 * text by its characters, as {@code np.unique}), the count of each class, and the majority and minority
 * as {@code max/min(Counter(y), key=...)} pick them: on a tie, the class seen first in the data.
 *
 * @param names  the class labels, sorted
 * @param codes  the class of each row, an index into {@code names}
 * @param counts the number of rows of each class
 * @param order  the classes in the order of their first row
 */
public record Classes(List<String> names, int[] codes, int[] counts, int[] order) {

    /** The classes of {@code labels} (no nulls); {@code numeric} sorts them by value, else as text. */
    public static Classes of(String[] labels, boolean numeric) {
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(Arrays.asList(labels)));
        if (numeric) {
            names.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        Map<String, Integer> code = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            code.put(names.get(i), i);
        }
        int[] codes = new int[labels.length];
        int[] counts = new int[names.size()];
        int[] order = new int[names.size()];
        int seen = 0;
        for (int i = 0; i < labels.length; i++) {
            codes[i] = code.get(labels[i]);
            if (counts[codes[i]]++ == 0) {
                order[seen++] = codes[i];
            }
        }
        return new Classes(List.copyOf(names), codes, counts, order);
    }

    /** The number of classes. */
    public int size() {
        return names.size();
    }

    /** The largest class (first seen on a tie). */
    public int majority() {
        int best = order[0];
        for (int c : order) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The smallest class (first seen on a tie). */
    public int minority() {
        int best = order[0];
        for (int c : order) {
            if (counts[c] < counts[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The rows of class {@code c}, in data order ({@code np.flatnonzero(y == c)}). */
    public int[] rowsOf(int c) {
        int[] out = new int[counts[c]];
        int n = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == c) {
                out[n++] = i;
            }
        }
        return out;
    }
}
