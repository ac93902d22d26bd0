package dev.assay.core.anonymity;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Columns as integer codes, one per distinct value (a missing value is a value of its own), for grouping rows.
 * Numeric columns are coded in ascending order of value, so codes of a numeric sensitive column are ranks.
 *
 * @param names the column names
 * @param codes per column, the code of each row
 * @param cardinalities per column, the number of distinct codes
 * @param numeric per column, whether it is numeric (codes ordered by value)
 */
record CodedColumns(List<String> names, int[][] codes, int[] cardinalities, boolean[] numeric) {

    /**
     * Codes the named columns of {@code frame}.
     *
     * @param maxNumericDistinct the most distinct values a numeric column may have (0: no limit); above it the message
     *     suggests binning, because every value would form its own equivalence class
     */
    static CodedColumns of(Frame frame, List<String> names, String role, int maxNumericDistinct) {
        int[][] codes = new int[names.size()][];
        int[] cards = new int[names.size()];
        boolean[] numeric = new boolean[names.size()];
        for (int j = 0; j < names.size(); j++) {
            Column c = frame.column(names.get(j), role);
            numeric[j] = c instanceof NumericColumn;
            codes[j] = numeric[j] ? ranks((NumericColumn) c) : texts(c);
            int card = 0;
            for (int v : codes[j]) {
                card = Math.max(card, v + 1);
            }
            cards[j] = card;
            if (numeric[j] && maxNumericDistinct > 0 && card > maxNumericDistinct) {
                throw new InvalidInputException(frame.source() + ": the " + role + " '" + names.get(j) + "' is numeric with " + card
                        + " distinct values (at most " + maxNumericDistinct + " allowed): nearly every value would be an equivalence"
                        + " class of its own. Bin it first (e.g. ages into 10-year bands) or raise --max-distinct.");
            }
        }
        return new CodedColumns(List.copyOf(names), codes, cards, numeric);
    }

    /** The number of rows. */
    int rows() {
        return codes.length == 0 ? 0 : codes[0].length;
    }

    private static int[] ranks(NumericColumn c) {
        TreeSet<Double> values = new TreeSet<>();
        for (int i = 0; i < c.size(); i++) {
            values.add(c.get(i));
        }
        Map<Double, Integer> rank = new HashMap<>();
        for (double v : values) {
            rank.put(v, rank.size());
        }
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rank.get(c.get(i));
        }
        return out;
    }

    private static int[] texts(Column c) {
        Map<String, Integer> seen = new HashMap<>();
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            String v = c.format(i);
            String key = v == null ? "\u0000missing" : v;
            Integer code = seen.get(key);
            if (code == null) {
                code = seen.size();
                seen.put(key, code);
            }
            out[i] = code;
        }
        return out;
    }
}
