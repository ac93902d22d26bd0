package dev.assay.core.data;

import dev.assay.core.result.DatasetInfo;
import java.util.Objects;

/**
 * A frame with the roles of its columns and where it came from.
 *
 * @param frame the data
 * @param schema the roles of its columns
 * @param info provenance for reports
 */
public record Dataset(Frame frame, Schema schema, DatasetInfo info) {

    public Dataset {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(info, "info");
    }

    /** A data set described only by a role and its frame's source, for embedding and tests. */
    public static Dataset of(String role, Frame frame, Schema schema) {
        return new Dataset(frame, schema, new DatasetInfo(role, frame.source(), frame.rowCount(), frame.columnCount(), null));
    }

    /** The same data set restricted to a subset of rows (a view). */
    public Dataset slice(int[] rows, String description) {
        Frame sliced = frame.slice(rows);
        return new Dataset(sliced, schema, new DatasetInfo(info.role() + " [" + description + "]", info.location(),
                sliced.rowCount(), sliced.columnCount(), info.fingerprint()));
    }
}
