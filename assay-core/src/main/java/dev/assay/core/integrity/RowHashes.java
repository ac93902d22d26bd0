package dev.assay.core.integrity;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A 64-bit hash of chosen columns of each row, equal for rows whose values are equal, in this frame
 * or another one with columns of the same names: numbers by value ({@code -0.0} as {@code 0.0}, every
 * missing value alike), categories and text by their characters. Rows with distinct values share a
 * hash with probability about n²/2⁶⁵ (under 10⁻⁸ for a million rows), which duplicate and leakage
 * counts accept.
 */
final class RowHashes {
    private static final long MISSING = 0x9E3779B97F4A7C15L;

    private RowHashes() {
    }

    /** The hash of {@code columns} for every row of {@code frame}. */
    static long[] of(Frame frame, List<String> columns) {
        long[] h = new long[frame.rowCount()];
        java.util.Arrays.fill(h, 0x84222325CBF29CE4L);
        for (String name : columns) {
            Column c = frame.column(name);
            long[] levelHashes = c instanceof CategoricalColumn cat ? levelHashes(cat) : null;
            for (int i = 0; i < h.length; i++) {
                h[i] = mix(h[i] * 31 + value(c, i, levelHashes));
            }
        }
        return h;
    }

    private static long value(Column c, int row, long[] levelHashes) {
        if (c.isMissing(row)) {
            return MISSING;
        }
        if (c instanceof NumericColumn n) {
            return Double.doubleToLongBits(n.get(row) + 0.0);
        }
        if (levelHashes != null) {
            return levelHashes[((CategoricalColumn) c).code(row)];
        }
        return text(c.format(row));
    }

    private static long[] levelHashes(CategoricalColumn c) {
        List<String> levels = c.levels();
        long[] out = new long[levels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = text(levels.get(i));
        }
        return out;
    }

    /** FNV-1a over the UTF-8 bytes, then mixed. */
    private static long text(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** The finaliser of SplitMix64. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
