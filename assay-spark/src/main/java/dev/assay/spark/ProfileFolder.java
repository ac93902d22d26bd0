package dev.assay.spark;

import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.ProfileBuilder;
import dev.assay.core.profile.ProfileFile;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Profiles the rows of a partition with assay-core's {@link ProfileBuilder} (exact counts and moments, a
 * KLL quantile sketch per numeric column, category counts) and merges the partitions' profiles
 * ({@link DatasetProfile#merge}); partials travel in the profile file format. The rows hold the
 * profiled columns in order.
 */
final class ProfileFolder implements PartitionFold.Folder<DatasetProfile> {
    private static final long serialVersionUID = 1L;

    private final List<String> columns;
    private final boolean[] numeric;
    private final String source;

    /**
     * @param columns the columns, in the order of the rows' fields
     * @param numeric whether each is numeric (a Spark numeric type)
     * @param source how the data set is named in the profile and in messages
     */
    ProfileFolder(List<String> columns, boolean[] numeric, String source) {
        this.columns = List.copyOf(columns);
        this.numeric = numeric.clone();
        this.source = source;
    }

    @Override
    public DatasetProfile fold(Iterator<Row> rows) {
        ProfileBuilder builder = new ProfileBuilder(columns, numeric);
        Object[] cells = new Object[numeric.length];
        while (rows.hasNext()) {
            Row row = rows.next();
            for (int c = 0; c < cells.length; c++) {
                cells[c] = row.get(c);
            }
            builder.addRow(cells);
        }
        return builder.result(source);
    }

    @Override
    public byte[] encode(DatasetProfile profile) {
        return ProfileFile.toBytes(profile);
    }

    @Override
    public DatasetProfile decode(byte[] bytes) {
        return ProfileFile.fromBytes(bytes, source);
    }

    @Override
    public DatasetProfile merge(DatasetProfile left, DatasetProfile right) {
        left.merge(right, "of two partitions of " + source);
        return left;
    }
}
