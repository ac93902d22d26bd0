package dev.assay.io;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The header line of a CSV file: chooses the delimiter (the given one, or the candidate that occurs
 * most often in the header) and refuses duplicate column names before DuckDB renames them
 * ({@code a}, {@code a_1}).
 */
final class CsvHeader {
    private CsvHeader() {
    }

    /**
     * Reads the header of {@code file} and returns the delimiter.
     *
     * @param shown the path as the user gave it, for messages
     * @param given the delimiter from the read options, or null to guess it
     * @throws InvalidInputException if the file has no header or a column name occurs twice
     */
    static char delimiter(Path file, Path shown, Character given) throws IOException {
        String firstLine = CsvRecords.firstLine(file);
        char delimiter = given != null ? given : CsvRecords.guessDelimiter(firstLine);
        List<String> header;
        try (CsvRecords records = new CsvRecords(file, delimiter)) {
            header = records.next();
        }
        if (header == null) {
            throw new InvalidInputException("File " + shown + " holds only blank lines. Expected a header line and at least one"
                    + " data row; check that the file was written completely.");
        }
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (String name : header) {
            if (!seen.add(name)) {
                duplicates.add(name);
            }
        }
        if (!duplicates.isEmpty()) {
            List<String> quoted = duplicates.stream().limit(10).map(n -> "'" + Excerpt.of(n) + "'").toList();
            throw new InvalidInputException("The header line of " + shown + " names "
                    + (duplicates.size() == 1 ? "column " + quoted.get(0) : "columns " + String.join(", ", quoted))
                    + " more than once (delimiter " + ReadOptions.describe(delimiter) + "; header: " + Excerpt.of(firstLine)
                    + "). Every column needs a distinct name: rename the duplicates in the header line.");
        }
        return delimiter;
    }
}
