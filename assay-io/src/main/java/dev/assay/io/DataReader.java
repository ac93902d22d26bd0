package dev.assay.io;

import dev.assay.core.data.Column;
import dev.assay.core.data.ColumnType;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import dev.assay.core.result.DatasetInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Reads a CSV, Parquet or JSON file into a {@link Frame} through an in-memory DuckDB database
 * (one connection per call, closed before returning; instances hold no state and may be shared).
 *
 * <p>DuckDB parses the file and infers column types. Numeric types become {@code NumericColumn}s
 * ({@code NaN} = missing), BOOLEAN becomes a categorical column with levels {@code false, true},
 * DATE and TIMESTAMP become text in ISO-8601 form ({@code 2012-01-01}, {@code 2012-01-01T10:30:00}),
 * and VARCHAR becomes categorical (levels sorted) unless it is free text: more than
 * {@value ColumnFill#TEXT_MIN_DISTINCT} distinct values and more distinct values than half the rows.
 * Other types are read as their DuckDB text. Columns declared in {@link ReadOptions#columnTypes()} are
 * read as text and converted here, so values keep their spelling ({@code "1"} stays {@code "1"}) and a
 * value that is not a number is reported with its line.
 *
 * <p>Every problem with the file is an {@link InvalidInputException} naming the file, the line or
 * record, the value and what to do.
 */
public final class DataReader {

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
        checkReadableFile(file);
        DataFormat format = options.format() != null ? options.format() : DataFormat.forFile(file)
                .orElseThrow(() -> new InvalidInputException("Cannot tell the format of " + file + " from its name. Supported extensions: "
                        + DataFormat.allExtensions() + ". Rename the file, or set the format in the read options (csv, parquet or json)."));
        try {
            if (Files.size(file) == 0) {
                throw new InvalidInputException("File " + file + " is empty (0 bytes). Expected "
                        + (format == DataFormat.CSV ? "a header line and at least one data row" : "at least one record")
                        + ". Check that the file was written completely.");
            }
            Load load = new Load(file, format, options);
            List<Column> columns = load.run();
            Frame frame = Frame.of(file.toString(), columns);
            DatasetInfo info = new DatasetInfo(role, file.toString(), frame.rowCount(), frame.columnCount(), fingerprint(file));
            return new LoadedData(frame, info);
        } catch (IOException e) {
            throw new InvalidInputException("Could not read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private static void checkReadableFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            Path parent = absolute.getParent();
            String where = parent != null && !Files.isDirectory(parent) ? " The directory " + parent + " does not exist either." : "";
            throw new InvalidInputException("File not found: " + file + " (absolute path " + absolute + ", working directory "
                    + Path.of("").toAbsolutePath() + ")." + where + " Check the path; a relative path is resolved against the working directory.");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file + " is a directory, not a data file (absolute path " + absolute + ")."
                    + dataFilesIn(file) + " Give the path of one data file.");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException("File " + file + " exists but cannot be read (absolute path " + absolute
                    + "). Check its permissions.");
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

    private static String fingerprint(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** One load of one file: the state shared by its steps. */
    private static final class Load {
        private static final Set<String> NUMERIC_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
                "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE");

        private final Path file;
        private final DataFormat format;
        private final ReadOptions options;
        private final Set<String> missingValues;
        private char delimiter;

        Load(Path file, DataFormat format, ReadOptions options) {
            this.file = file;
            this.format = format;
            this.options = options;
            Set<String> markers = new HashSet<>(options.missingValues());
            markers.add("");
            this.missingValues = Set.copyOf(markers);
        }

        List<Column> run() throws IOException {
            if (format == DataFormat.CSV) {
                checkCsvHeader();
            }
            try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
                List<String[]> inferred = describe(conn, "SELECT * FROM " + source(false));
                List<String> names = inferred.stream().map(c -> c[0]).toList();
                for (String declared : options.columnTypes().keySet()) {
                    if (!names.contains(declared)) {
                        throw new UnknownColumnException(declared, "column with a declared type", file.toString(), names);
                    }
                }
                execute(conn, "CREATE TEMP TABLE data AS SELECT * FROM " + source(true));
                List<String[]> stored = describe(conn, "SELECT * FROM data");
                int rows = countRows(conn);
                if (rows == 0) {
                    throw new InvalidInputException((format == DataFormat.CSV
                            ? "File " + file + " has a header line (columns " + String.join(", ", names) + ") but no data rows."
                            : "File " + file + " holds no records.")
                            + " Check that the file was written completely.");
                }
                return fetch(conn, stored, rows);
            } catch (SQLException e) {
                throw DuckDbErrors.translate(e, file, format, delimiter);
            }
        }

        private void checkCsvHeader() throws IOException {
            String firstLine = CsvRecords.firstLine(file);
            delimiter = options.delimiter() != null ? options.delimiter() : CsvRecords.guessDelimiter(firstLine);
            List<String> header;
            try (CsvRecords records = new CsvRecords(file, delimiter)) {
                header = records.next();
            }
            Set<String> seen = new HashSet<>();
            Set<String> duplicates = new LinkedHashSet<>();
            for (String name : header) {
                if (!seen.add(name)) {
                    duplicates.add(name);
                }
            }
            if (!duplicates.isEmpty()) {
                throw new InvalidInputException("The header line of " + file + " names "
                        + (duplicates.size() == 1 ? "column '" + duplicates.iterator().next() + "'" : "columns " + quoted(duplicates))
                        + " more than once (delimiter " + ReadOptions.describe(delimiter) + "; header: " + firstLine
                        + "). Every column needs a distinct name: rename the duplicates in the header line.");
            }
        }

        private String source(boolean withDeclaredTypes) {
            String path = sqlString(file.toAbsolutePath().toString());
            switch (format) {
                case PARQUET:
                    return "read_parquet(" + path + ")";
                case JSON:
                    return "read_json_auto(" + path + ")";
                default:
                    StringBuilder sb = new StringBuilder("read_csv(").append(path)
                            .append(", header = true, skip = 0, delim = ").append(sqlString(String.valueOf(delimiter)))
                            .append(", quote = '\"', escape = '\"', comment = '', strict_mode = true, null_padding = false")
                            .append(", auto_type_candidates = ['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR']")
                            .append(", nullstr = [");
                    int i = 0;
                    for (String marker : missingValues) {
                        sb.append(i++ == 0 ? "" : ", ").append(sqlString(marker));
                    }
                    sb.append(']');
                    if (withDeclaredTypes && !options.columnTypes().isEmpty()) {
                        sb.append(", types = {");
                        int k = 0;
                        for (String name : options.columnTypes().keySet()) {
                            sb.append(k++ == 0 ? "" : ", ").append(sqlString(name)).append(": 'VARCHAR'");
                        }
                        sb.append('}');
                    }
                    return sb.append(')').toString();
            }
        }

        private List<Column> fetch(Connection conn, List<String[]> stored, int rows) throws SQLException {
            List<String> selectList = new ArrayList<>(stored.size());
            ColumnFill[] fills = new ColumnFill[stored.size()];
            for (int c = 0; c < stored.size(); c++) {
                String name = stored.get(c)[0];
                String type = stored.get(c)[1];
                String id = sqlIdentifier(name);
                ColumnType declared = options.columnTypes().get(name);
                boolean numeric = NUMERIC_TYPES.contains(type) || type.startsWith("DECIMAL");
                if (declared == ColumnType.NUMERIC && (numeric || type.equals("BOOLEAN"))) {
                    selectList.add("CAST(CAST(" + id + " AS " + (numeric ? "DOUBLE" : "INTEGER") + ") AS DOUBLE)");
                    fills[c] = new ColumnFill.Numbers(name, rows);
                } else if (declared == ColumnType.NUMERIC) {
                    selectList.add("CAST(" + id + " AS VARCHAR)");
                    fills[c] = new ColumnFill.ParsedNumbers(name, rows, missingValues, this::badNumber);
                } else if (declared != null) {
                    selectList.add(asText(id, type));
                    fills[c] = new ColumnFill.Strings(name, rows, missingValues, declared);
                } else if (numeric) {
                    selectList.add(type.equals("DOUBLE") ? id : "CAST(" + id + " AS DOUBLE)");
                    fills[c] = new ColumnFill.Numbers(name, rows);
                } else if (type.equals("BOOLEAN")) {
                    selectList.add(id);
                    fills[c] = new ColumnFill.Booleans(name, rows);
                } else {
                    boolean temporal = type.startsWith("DATE") || type.startsWith("TIME");
                    selectList.add(asText(id, type));
                    fills[c] = new ColumnFill.Strings(name, rows, missingValues, temporal ? ColumnType.TEXT : null);
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + String.join(", ", selectList) + " FROM data");
                 DuckDBChunkedResult result = ps.unwrap(DuckDBPreparedStatement.class).query()) {
                int offset = 0;
                while (result.nextChunk()) {
                    DuckDBDataChunkReader chunk = result.chunk();
                    int n = (int) chunk.rowCount();
                    for (int c = 0; c < fills.length; c++) {
                        fills[c].fill(chunk.vector(c), n, offset);
                    }
                    offset += n;
                }
                if (offset != rows) {
                    throw new IllegalStateException("DuckDB returned " + offset + " rows of " + file + " after counting " + rows);
                }
            }
            List<Column> columns = new ArrayList<>(fills.length);
            for (ColumnFill fill : fills) {
                columns.add(fill.build());
            }
            return columns;
        }

        /** ISO-8601 text for dates and timestamps, DuckDB's text for any other type. */
        private static String asText(String id, String type) {
            if (type.equals("VARCHAR")) {
                return id;
            }
            if (type.startsWith("TIMESTAMP")) {
                return "replace(CAST(" + id + " AS VARCHAR), ' ', 'T')";
            }
            return "CAST(" + id + " AS VARCHAR)";
        }

        private InvalidInputException badNumber(String column, int row, String value) {
            String where;
            if (format == DataFormat.CSV) {
                where = "line " + csvLineOfRow(row) + " (data row " + (row + 1) + ")";
            } else {
                where = "record " + (row + 1);
            }
            return new InvalidInputException("Column '" + column + "' in " + file + " is declared numeric, but " + where
                    + " holds '" + value + "', which is not a number. Remove or correct the value, or declare the column categorical"
                    + " (if '" + value + "' means a missing value, add it to the missing-value markers).");
        }

        private long csvLineOfRow(int row) {
            try (CsvRecords records = new CsvRecords(file, delimiter)) {
                for (int i = 0; i <= row + 1; i++) {
                    if (records.next() == null) {
                        break;
                    }
                }
                return records.recordLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<String[]> describe(Connection conn, String query) throws SQLException {
            List<String[]> columns = new ArrayList<>();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE " + query)) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString("column_name"), rs.getString("column_type").toUpperCase(Locale.ROOT)});
                }
            }
            return columns;
        }

        private static int countRows(Connection conn) throws SQLException {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM data")) {
                rs.next();
                long n = rs.getLong(1);
                if (n > Integer.MAX_VALUE - 8) {
                    throw new InvalidInputException("The data has " + n + " rows; a frame holds at most " + (Integer.MAX_VALUE - 8)
                            + ". Split the file or sample it.");
                }
                return (int) n;
            }
        }

        private static void execute(Connection conn, String sql) throws SQLException {
            try (Statement st = conn.createStatement()) {
                st.execute(sql);
            }
        }
    }

    private static String quoted(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String sqlIdentifier(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** A reader; it holds no state. */
    public DataReader() {
    }
}
