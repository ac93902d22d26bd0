package dev.assay.cli;

import dev.assay.core.data.ColumnType;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.io.DataReader;
import dev.assay.io.ReadOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a data file for the privacy commands with the given columns as text, so that long digit strings (card
 * numbers, phone numbers, identifiers) keep every digit as written instead of passing through a double.
 */
final class PiiData {
    private PiiData() {
    }

    /** {@code file} with the columns in {@code asText} read as text (none: every numeric column is re-read as text). */
    static Frame read(Path file, List<String> asText) {
        ReadOptions options = Options.readOptions(Map.of(), List.of()).withoutFingerprint();
        List<String> text = asText;
        if (text.isEmpty()) {
            Frame first = new DataReader().read(file, "data", options).frame();
            text = first.columns().stream().filter(c -> c instanceof NumericColumn).map(c -> c.name()).toList();
            if (text.isEmpty()) {
                return first;
            }
        }
        for (String c : text) {
            options = options.withColumnType(c, ColumnType.TEXT);
        }
        return new DataReader().read(file, "data", options).frame();
    }
}
