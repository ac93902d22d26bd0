package dev.assay.io;

import dev.assay.core.data.Frame;
import dev.assay.core.result.DatasetInfo;
import java.util.Objects;

/**
 * A data file read into memory.
 *
 * @param frame the data; its source is the file path as given to the reader
 * @param info where it came from: role, location, size and a {@code sha256:} fingerprint of the file bytes
 */
public record LoadedData(Frame frame, DatasetInfo info) {
    public LoadedData {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(info, "info");
    }
}
