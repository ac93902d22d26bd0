package dev.assay.io;

import dev.assay.core.data.RowLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The file line on which each data row of a CSV file starts (the header is line 1), found by
 * scanning the file once, when first asked. Rows are counted as DuckDB counts them: blank lines are
 * skipped and line breaks inside quotes belong to their row. Answers null once the file cannot be
 * read any more (the deleted copy of a pipe).
 */
final class CsvLines implements RowLocator {
    private final Path file;
    private final char delimiter;
    private int[] lines;

    CsvLines(Path file, char delimiter) {
        this.file = file;
        this.delimiter = delimiter;
    }

    /**
     * The locator of a file that is gone (the copy of a pipe) from the count of its lines: when the
     * header and the {@code rows} data rows take exactly one line each, data row i is on line i + 2;
     * otherwise rows cannot be placed and the locator is null.
     */
    static RowLocator ofLineCount(long lines, int rows) {
        return lines == rows + 1L ? row -> "line " + (row + 2L) : null;
    }

    @Override
    public synchronized String locate(int row) {
        if (lines == null) {
            lines = scan();
        }
        return row >= 0 && row < lines.length ? "line " + lines[row] : null;
    }

    private int[] scan() {
        int[] found = new int[1024];
        int rows = 0;
        try (CsvRecords records = new CsvRecords(file, delimiter)) {
            if (records.next() == null) {
                return new int[0];
            }
            while (records.next() != null && records.recordLine() <= Integer.MAX_VALUE) {
                if (rows == found.length) {
                    found = Arrays.copyOf(found, rows * 2);
                }
                found[rows++] = (int) records.recordLine();
            }
        } catch (IOException e) {
            return new int[0];
        }
        return Arrays.copyOf(found, rows);
    }
}
