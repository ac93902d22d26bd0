package dev.assay.core.metrics;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns label and prediction columns into class codes over the sorted union of their values. */
final class ClassEncoding {
    /** Distinct numeric values up to which a linear scan is used before sorting. */
    private static final int SCAN_LIMIT = 64;

    private ClassEncoding() {
    }

    /**
     * A column's distinct values and each row's index into them ({@code -1}: missing).
     *
     * @param numbers the distinct values as numbers when the column is numeric, else null
     */
    record Encoded(String column, int[] codes, List<String> values, double[] numbers, int missing, int firstMissingRow) {

        int distinct() {
            return values.size();
        }
    }

    /** The classes in sorted order and, per column, the class index of each local value. */
    record Classes(List<String> names, boolean numeric, int[] labelToClass, int[] predictionToClass) {
    }

    static Encoded encode(Column column) {
        if (column instanceof NumericColumn n) {
            return encodeNumeric(n);
        }
        int size = column.size();
        int[] codes = new int[size];
        Map<String, Integer> dict = new HashMap<>();
        List<String> values = new ArrayList<>();
        int missing = 0;
        int firstMissing = -1;
        if (column instanceof CategoricalColumn c) {
            int[] levelToLocal = new int[c.levels().size()];
            Arrays.fill(levelToLocal, -1);
            for (int i = 0; i < size; i++) {
                int code = c.code(i);
                if (code == CategoricalColumn.MISSING) {
                    codes[i] = -1;
                    missing++;
                    firstMissing = firstMissing < 0 ? i : firstMissing;
                    continue;
                }
                if (levelToLocal[code] < 0) {
                    levelToLocal[code] = values.size();
                    values.add(c.levels().get(code));
                }
                codes[i] = levelToLocal[code];
            }
        } else {
            TextColumn t = (TextColumn) column;
            for (int i = 0; i < size; i++) {
                String v = t.get(i);
                if (v == null || v.isEmpty()) {
                    codes[i] = -1;
                    missing++;
                    firstMissing = firstMissing < 0 ? i : firstMissing;
                    continue;
                }
                Integer code = dict.get(v);
                if (code == null) {
                    code = values.size();
                    dict.put(v, code);
                    values.add(v);
                }
                codes[i] = code;
            }
        }
        return new Encoded(column.name(), codes, List.copyOf(values), null, missing, firstMissing);
    }

    private static Encoded encodeNumeric(NumericColumn column) {
        int size = column.size();
        int[] codes = new int[size];
        double[] distinct = new double[SCAN_LIMIT];
        int count = 0;
        int missing = 0;
        int firstMissing = -1;
        boolean overflow = false;
        for (int i = 0; i < size && !overflow; i++) {
            double v = column.get(i);
            if (Double.isNaN(v)) {
                codes[i] = -1;
                missing++;
                firstMissing = firstMissing < 0 ? i : firstMissing;
                continue;
            }
            int k = 0;
            while (k < count && distinct[k] != v) {
                k++;
            }
            if (k == count) {
                if (count == SCAN_LIMIT) {
                    overflow = true;
                    break;
                }
                distinct[count++] = v + 0.0;
            }
            codes[i] = k;
        }
        double[] numbers;
        if (overflow) {
            double[] all = column.toArray();
            double[] sorted = Arrays.stream(all).filter(d -> !Double.isNaN(d)).map(d -> d + 0.0).sorted().distinct().toArray();
            missing = 0;
            firstMissing = -1;
            for (int i = 0; i < size; i++) {
                if (Double.isNaN(all[i])) {
                    codes[i] = -1;
                    missing++;
                    firstMissing = firstMissing < 0 ? i : firstMissing;
                } else {
                    codes[i] = Arrays.binarySearch(sorted, all[i] + 0.0);
                }
            }
            numbers = sorted;
        } else {
            numbers = Arrays.copyOf(distinct, count);
        }
        List<String> values = new ArrayList<>(numbers.length);
        for (double d : numbers) {
            values.add(format(d));
        }
        return new Encoded(column.name(), codes, List.copyOf(values), numbers, missing, firstMissing);
    }

    /** A number as a class name: whole numbers without a decimal point ("1", not "1.0"). */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * The sorted union of the label's and the prediction's values (prediction may be null), plus any
     * {@code extra} class names: numeric order when every column is numeric, else lexicographic.
     */
    static Classes union(Encoded label, Encoded prediction, List<String> extra) {
        boolean numeric = label.numbers() != null && (prediction == null || prediction.numbers() != null)
                && extra.stream().allMatch(ClassEncoding::isNumber);
        List<String> names = new ArrayList<>(label.values());
        if (prediction != null) {
            for (String v : prediction.values()) {
                if (!names.contains(v)) {
                    names.add(v);
                }
            }
        }
        for (String v : extra) {
            String name = numeric ? format(Double.parseDouble(v)) : v;
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        names.sort(order);
        return new Classes(names, numeric, mapping(label, names),
                prediction == null ? null : mapping(prediction, names));
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int[] mapping(Encoded e, List<String> names) {
        int[] out = new int[e.distinct()];
        for (int i = 0; i < out.length; i++) {
            out[i] = names.indexOf(e.values().get(i));
        }
        return out;
    }

    /** Row class codes of an encoded column through its mapping. */
    static int[] classCodes(Encoded e, int[] toClass) {
        int[] out = new int[e.codes().length];
        for (int i = 0; i < out.length; i++) {
            int c = e.codes()[i];
            out[i] = c < 0 ? -1 : toClass[c];
        }
        return out;
    }
}
