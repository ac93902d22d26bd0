package dev.assay.spark;

import dev.assay.core.fairness.GroupCounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Counts the rows of a partition into the confusion cells (TP, FP, FN, TN) of every group of every
 * grouping: the accumulator of {@link GroupCounts}, one {@code long[4 * groups]} per grouping,
 * merged by adding cells. Rows arrive as {@code label, prediction, attribute...}; each value is
 * looked up as {@link #key} in the maps found by the first pass over the distinct values.
 *
 * @param labelText the class text of each label value
 * @param predictionText the class text of each prediction value
 * @param favorable the class counted as positive
 * @param codes the group code of each value of each attribute, in row order after label and prediction
 * @param numeric whether each row column (label, prediction, attributes) holds numbers
 * @param groupings the attributes (indexes into {@code codes}) of each grouping
 * @param widths the number of groups of each attribute
 */
record GroupTallyFolder(Map<Object, String> labelText, Map<Object, String> predictionText, String favorable,
        List<Map<Object, Integer>> codes, boolean[] numeric, int[][] groupings, int[] widths)
        implements PartitionFold.Folder<long[][]> {

    /** The lookup key of a Spark value: its number (NaN for null) in a numeric column, else its text (null for null). */
    static Object key(Object value, boolean numeric) {
        if (numeric) {
            return value == null ? Double.NaN : ((Number) value).doubleValue();
        }
        return value == null ? null : value.toString();
    }

    /** The number of groups of each grouping. */
    int groups(int grouping) {
        int n = 1;
        for (int a : groupings[grouping]) {
            n *= widths[a];
        }
        return n;
    }

    @Override
    public long[][] fold(Iterator<Row> rows) {
        long[][] cells = empty();
        int[] code = new int[codes.size()];
        while (rows.hasNext()) {
            Row r = rows.next();
            boolean truth = favorable.equals(labelText.get(key(r.get(0), numeric[0])));
            boolean predicted = favorable.equals(predictionText.get(key(r.get(1), numeric[1])));
            int cell = GroupCounts.cell(truth, predicted);
            for (int a = 0; a < code.length; a++) {
                code[a] = codes.get(a).get(key(r.get(2 + a), numeric[2 + a]));
            }
            for (int g = 0; g < groupings.length; g++) {
                int group = 0;
                for (int a : groupings[g]) {
                    group = group * widths[a] + code[a];
                }
                cells[g][4 * group + cell]++;
            }
        }
        return cells;
    }

    private long[][] empty() {
        long[][] cells = new long[groupings.length][];
        for (int g = 0; g < cells.length; g++) {
            cells[g] = new long[4 * groups(g)];
        }
        return cells;
    }

    @Override
    public byte[] encode(long[][] a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (long[] cells : a) {
                for (long c : cells) {
                    out.writeLong(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public long[][] decode(byte[] bytes) {
        long[][] cells = empty();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (long[] row : cells) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = in.readLong();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cells;
    }

    @Override
    public long[][] merge(long[][] left, long[][] right) {
        for (int g = 0; g < left.length; g++) {
            for (int i = 0; i < left[g].length; i++) {
                left[g][i] += right[g][i];
            }
        }
        return left;
    }
}
