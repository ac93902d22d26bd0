package dev.assay.io;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.RowLocator;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import dev.assay.core.result.DatasetInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a CSV, Parquet or JSON file into a {@link Frame} through an in-memory DuckDB database
 * (one connection per call, closed before returning; instances hold no state and may be shared).
 *
 * <p>DuckDB parses the file and infers column types; {@link ColumnTyping} says how they become
 * frame columns. Named pipes and other files that are not regular ({@code <(zcat data.csv.gz)},
 * {@code /dev/stdin}) are copied once into a temporary file that is deleted afterwards; a file
 * name without an extension is read by its content. The frame's rows know their file lines, so
 * that later messages can name them.
 *
 * <p>Every problem with the file is an {@link InvalidInputException} naming the file, the line or
 * record, the value and what to do.
 */
public final class DataReader {
    /** What a data file should be, for messages about files that are not. */
    static final String EXPECTED = "a CSV or JSON data file";

    /** A reader; it holds no state. */
    public DataReader() {
    }

    /** Reads {@code file} with {@link ReadOptions#defaults()}. */
    public LoadedData read(Path file, String role) {
        return read(file, role, ReadOptions.defaults());
    }

    /**
     * Reads {@code file}.
     *
     * @param file the file; its path as given becomes the frame's source and the data set's location
     * @param role the data set's role in the run, e.g. {@code "current"}, recorded in the {@link DatasetInfo}
     * @param options format, column types, missing-value markers and delimiter
     * @throws InvalidInputException if the file is missing, empty or not readable as its format
     * @throws UnknownColumnException if {@code options} declares a type for a column the file lacks
     */
    public LoadedData read(Path file, String role, ReadOptions options) {
        FileChecks.requireReadable(file, "File");
        if (Files.isDirectory(file)) {
            throw FileChecks.directory(file, "File", dataFilesIn(file));
        }
        try (StagedFile staged = StagedFile.of(file, "File", options.fingerprint())) {
            byte[] head = staged.head(TextEncoding.HEAD);
            DataFormat format = format(file, options, head);
            if (head.length == 0) {
                throw new InvalidInputException("File " + file + " is empty (0 bytes). Expected "
                        + (format == DataFormat.CSV ? "a header line and at least one data row" : "at least one record")
                        + ". Check that the file was written completely.");
            }
            if (format != DataFormat.PARQUET) {
                TextEncoding.requireText(head, head.length, head.length < TextEncoding.HEAD, "File", file, EXPECTED);
            }
            List<Column> columns;
            RowLocator rows;
            try {
                char delimiter = format == DataFormat.CSV ? CsvHeader.delimiter(staged.path(), file, options.delimiter()) : ',';
                rows = switch (format) {
                    case CSV -> new CsvLines(staged.path(), delimiter);
                    case JSON -> row -> "record " + (row + 1);
                    case PARQUET -> null;
                };
                columns = new DuckDbScan(staged.path(), file, format, options, delimiter, rows).run();
            } catch (CharacterCodingException e) {
                throw notUtf8(staged.path(), file, e);
            }
            if (format == DataFormat.CSV && staged.copied()) {
                rows = CsvLines.ofLineCount(staged.lines(), columns.get(0).size());
            }
            Frame frame = Frame.of(file.toString(), columns, rows);
            return new LoadedData(frame, new DatasetInfo(role, file.toString(), frame.rowCount(), frame.columnCount(),
                    staged.fingerprint()));
        } catch (IOException e) {
            throw FileChecks.cannotRead(file, "File", e);
        }
    }

    /**
     * The format from the options, else from the extension, else (for a name without one, such as a
     * pipe's {@code /dev/fd/63}) from the content: Parquet's magic bytes, a JSON brace or bracket, or CSV.
     */
    private static DataFormat format(Path file, ReadOptions options, byte[] head) {
        if (options.format() != null) {
            return options.format();
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return DataFormat.forFile(file).orElseGet(() -> {
            if (name.lastIndexOf('.') > 0) {
                TextEncoding.requireText(head, head.length, head.length < TextEncoding.HEAD, "File", file, EXPECTED);
                throw new InvalidInputException("Cannot tell the format of " + file + " from its name. Supported extensions: "
                        + DataFormat.allExtensions() + ". Rename the file, or set the format in the read options (csv, parquet or json).");
            }
            return DataFormat.sniff(head);
        });
    }

    private static InvalidInputException notUtf8(Path staged, Path file, CharacterCodingException e) {
        try (InputStream in = Files.newInputStream(staged)) {
            InvalidInputException found = TextEncoding.firstInvalid(in, "File", file, EXPECTED);
            return found != null ? found : FileChecks.cannotRead(file, "File", e);
        } catch (IOException io) {
            return FileChecks.cannotRead(file, "File", io);
        }
    }

    private static String dataFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.filter(f -> Files.isRegularFile(f) && DataFormat.forFile(f).isPresent())
                    .map(f -> f.getFileName().toString()).sorted().limit(5).toList();
            return names.isEmpty() ? " It holds no file with a supported extension (" + DataFormat.allExtensions() + ")."
                    : " Data files in it: " + String.join(", ", names) + ".";
        } catch (IOException e) {
            return "";
        }
    }
}
