package dev.assay.core.integrity;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@link ColumnTallies} counted from the rows of a frame in memory. */
final class FrameTallies implements ColumnTallies {
    private final Frame frame;

    FrameTallies(Frame frame) {
        this.frame = frame;
    }

    @Override
    public long rows() {
        return frame.rowCount();
    }

    @Override
    public ValueCounts valueCounts(String column) {
        Column c = frame.column(column);
        Map<String, Long> counts = new HashMap<>();
        long missing = 0;
        for (int i = 0; i < c.size(); i++) {
            String v = c.format(i);
            if (v == null) {
                missing++;
            } else {
                counts.merge(v, 1L, Long::sum);
            }
        }
        return new ValueCounts(counts, missing);
    }

    @Override
    public Distinct distinct(String column) {
        Column c = frame.column(column);
        Set<Object> seen = new HashSet<>();
        long missing = 0;
        String first = null;
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                missing++;
            } else {
                seen.add(c instanceof NumericColumn n ? (Object) (n.get(i) + 0.0) : c.format(i));
                if (first == null) {
                    first = c.format(i);
                }
            }
        }
        return new Distinct(seen.size(), missing, seen.size() == 1 ? first : null);
    }
}
