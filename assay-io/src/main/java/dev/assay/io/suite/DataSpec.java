package dev.assay.io.suite;

import dev.assay.io.ReadOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A data source named in a suite file.
 *
 * @param role {@code current} or {@code reference}
 * @param path the file, resolved against the suite file's folder
 * @param options format, column type overrides and missing-value markers
 * @param line the suite-file line that names the source, for messages
 */
public record DataSpec(String role, Path path, ReadOptions options, int line) {

    public DataSpec {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
    }
}
