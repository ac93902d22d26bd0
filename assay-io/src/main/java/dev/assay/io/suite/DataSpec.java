package dev.assay.io.suite;

import dev.assay.core.data.ColumnType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A data source named in a suite file.
 *
 * @param role {@code current} or {@code reference}
 * @param path the file, resolved against the suite file's folder
 * @param format the format if given explicitly ({@code csv}, {@code parquet}, {@code json}); null to
 *     infer it from the extension
 * @param types column type overrides
 * @param missing extra values that mean "missing" (e.g. {@code ?})
 * @param line the suite-file line that names the source, for messages
 */
public record DataSpec(String role, Path path, String format, Map<String, ColumnType> types, List<String> missing, int line) {

    public DataSpec {
        types = Map.copyOf(types);
        missing = List.copyOf(missing);
    }
}
