package dev.assay.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * Counts the values of numeric columns exactly into right-closed bins fixed in advance
 * ({@code edges[i-1] < v <= edges[i]}, the outer bins open-ended, as
 * {@link dev.assay.core.drift.Binned}); null and NaN are not counted. The rows hold the counted
 * columns in order; the accumulator is one array of counts per column.
 */
final class BinFolder implements PartitionFold.Folder<long[][]> {
    private static final long serialVersionUID = 1L;

    private final double[][] edges;

    /** @param edges per column, its ascending inner bin edges */
    BinFolder(double[][] edges) {
        this.edges = edges.clone();
    }

    @Override
    public long[][] fold(Iterator<Row> rows) {
        long[][] counts = new long[edges.length][];
        for (int c = 0; c < edges.length; c++) {
            counts[c] = new long[edges[c].length + 1];
        }
        while (rows.hasNext()) {
            Row row = rows.next();
            for (int c = 0; c < edges.length; c++) {
                Object v = row.get(c);
                if (v != null) {
                    double x = ((Number) v).doubleValue();
                    if (!Double.isNaN(x)) {
                        counts[c][bin(edges[c], x)]++;
                    }
                }
            }
        }
        return counts;
    }

    /** The number of edges below {@code x}. */
    static int bin(double[] edges, double x) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public byte[] encode(long[][] counts) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(counts.length);
            for (long[] column : counts) {
                out.writeInt(column.length);
                for (long n : column) {
                    out.writeLong(n);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long[][] decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            long[][] counts = new long[in.readInt()][];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = new long[in.readInt()];
                for (int i = 0; i < counts[c].length; i++) {
                    counts[c][i] = in.readLong();
                }
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long[][] merge(long[][] left, long[][] right) {
        for (int c = 0; c < left.length; c++) {
            for (int i = 0; i < left[c].length; i++) {
                left[c][i] += right[c][i];
            }
        }
        return left;
    }
}
