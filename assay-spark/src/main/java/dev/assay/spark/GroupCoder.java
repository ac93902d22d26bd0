package dev.assay.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The curves a row belongs to: curve 0 holds every row, and each grouping (one or more key columns,
 * e.g. {@code sex}, or {@code sex} and {@code race} together) numbers its groups from
 * {@code offsets[g]} on, group {@code (c1 * width2 + c2) * width3 + ...} of the key codes, as
 * {@link dev.assay.core.fairness.Groups} numbers them. A value is looked up as
 * {@link GroupTallyFolder#key}; a value without a code (or code -1) puts the row in no group of
 * that grouping.
 *
 * @param codes the group code of each value of each key column
 * @param numeric whether each key column holds numbers
 * @param groupings the key columns (indexes into {@code codes}) of each grouping
 * @param widths the number of codes of each key column
 * @param first the position of the first key column in a row
 */
record GroupCoder(List<Map<Object, Integer>> codes, boolean[] numeric, int[][] groupings, int[] widths, int first)
        implements Serializable {

    /** The number of groups of grouping {@code g}. */
    int groups(int g) {
        int n = 1;
        for (int a : groupings[g]) {
            n *= widths[a];
        }
        return n;
    }

    /** The first curve of grouping {@code g}; curve 0 is all rows. */
    int offset(int g) {
        int at = 1;
        for (int i = 0; i < g; i++) {
            at += groups(i);
        }
        return at;
    }

    /** The curves of row {@code r}: 0, then its group's curve in each grouping (-1 for none). */
    int[] curves(Row r) {
        int[] code = new int[codes.size()];
        for (int a = 0; a < code.length; a++) {
            Integer c = codes.get(a).get(GroupTallyFolder.key(r.get(first + a), numeric[a]));
            code[a] = c == null ? -1 : c;
        }
        int[] out = new int[1 + groupings.length];
        int at = 1;
        for (int g = 0; g < groupings.length; g++) {
            int group = 0;
            for (int a : groupings[g]) {
                group = code[a] < 0 || group < 0 ? -1 : group * widths[a] + code[a];
            }
            out[1 + g] = group < 0 ? -1 : at + group;
            at += groups(g);
        }
        return out;
    }
}
