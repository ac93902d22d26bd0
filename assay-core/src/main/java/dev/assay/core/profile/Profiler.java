package dev.assay.core.profile;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Profiles the chosen columns of a frame, one column per task in parallel: numeric columns into
 * {@link NumericProfile}s, categorical and text columns into {@link CategoryProfile}s.
 */
public final class Profiler {
    private Profiler() {
    }

    /**
     * @param source how the data is named in messages and in the profile (its file name)
     * @param columns the columns to profile, in this order
     * @throws InvalidInputException naming the column when one is not in the frame
     */
    public static DatasetProfile profile(Frame frame, String source, List<String> columns) {
        for (String name : columns) {
            if (!frame.has(name)) {
                throw new InvalidInputException("Column '" + Excerpt.of(name) + "' is not in " + source + "; its columns are "
                        + String.join(", ", frame.columnNames()) + ".");
            }
        }
        ColumnProfile[] out = new ColumnProfile[columns.size()];
        IntStream.range(0, columns.size()).parallel().forEach(i -> out[i] = profile(frame.column(columns.get(i))));
        return new DatasetProfile(List.of(out), List.of(source), frame.rowCount());
    }

    /** The profile of every column of {@code frame}. */
    public static DatasetProfile profile(Frame frame, String source) {
        return profile(frame, source, frame.columnNames());
    }

    static ColumnProfile profile(Column column) {
        if (column instanceof NumericColumn) {
            NumericProfile p = new NumericProfile(column.name());
            p.add(((NumericColumn) column).toArray());
            return p;
        }
        CategoryProfile p = new CategoryProfile(column.name());
        if (column instanceof CategoricalColumn) {
            CategoricalColumn cat = (CategoricalColumn) column;
            long[] counts = cat.levelCounts();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    p.add(cat.levels().get(i), counts[i]);
                }
            }
            if (cat.missingCount() > 0) {
                p.add(null, cat.missingCount());
            }
        } else {
            for (int row = 0; row < column.size(); row++) {
                p.add(column.isMissing(row) ? null : column.format(row), 1);
            }
        }
        return p;
    }
}
