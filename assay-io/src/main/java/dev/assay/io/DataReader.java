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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
 * 1000 distinct values and more distinct values than half the rows.
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
            FutureTask<String> fingerprint = new FutureTask<>(() -> fingerprint(file));
            Thread hashing = new Thread(fingerprint, "assay-fingerprint");
            hashing.setDaemon(true);
            hashing.start();
            List<Column> columns;
            try {
                columns = new Load(file, format, options).run();
            } catch (RuntimeException | IOException e) {
                fingerprint.cancel(true);
                throw e;
            }
            Frame frame = Frame.of(file.toString(), columns);
            DatasetInfo info = new DatasetInfo(role, file.toString(), frame.rowCount(), frame.columnCount(), await(fingerprint));
            return new LoadedData(frame, info);
        } catch (IOException e) {
            throw new InvalidInputException("Could not read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private static String await(FutureTask<String> fingerprint) throws IOException {
        try {
            return fingerprint.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing the data file", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
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

        /** A text column is free text when it has more distinct values than this and than half its rows. */
        private static final int TEXT_MIN_DISTINCT = 1000;

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
            Connection connection;
            try {
                connection = DriverManager.getConnection("jdbc:duckdb:");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not start an in-memory DuckDB database: " + e.getMessage(), e);
            }
            try (Connection conn = connection) {
                List<String[]> inferred = describe(conn, "SELECT * FROM " + source(false));
                List<String> names = inferred.stream().map(c -> c[0]).toList();
                for (String declared : options.columnTypes().keySet()) {
                    if (!names.contains(declared)) {
                        throw new UnknownColumnException(declared, "a declared column type", file.toString(), names);
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
            int n = stored.size();
            String[] select = new String[n];
            ColumnFill[] fills = new ColumnFill[n];
            List<Integer> undecided = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                String name = stored.get(c)[0];
                String type = stored.get(c)[1];
                String id = sqlIdentifier(name);
                ColumnType declared = options.columnTypes().get(name);
                boolean numeric = NUMERIC_TYPES.contains(type) || type.startsWith("DECIMAL");
                boolean temporal = type.startsWith("DATE") || type.startsWith("TIME");
                if (declared == ColumnType.NUMERIC && (numeric || type.equals("BOOLEAN"))) {
                    select[c] = "CAST(CAST(" + id + " AS " + (numeric ? "DOUBLE" : "INTEGER") + ") AS DOUBLE)";
                    fills[c] = new ColumnFill.Numbers(name, rows);
                } else if (declared == ColumnType.NUMERIC) {
                    select[c] = "CAST(" + id + " AS VARCHAR)";
                    fills[c] = new ColumnFill.ParsedNumbers(name, rows, missingValues, this::badNumber);
                } else if (declared == ColumnType.TEXT || declared == null && temporal) {
                    select[c] = asText(id, type);
                    fills[c] = new ColumnFill.Texts(name, rows, missingValues);
                } else if (declared == null && numeric) {
                    select[c] = type.equals("DOUBLE") ? id : "CAST(" + id + " AS DOUBLE)";
                    fills[c] = new ColumnFill.Numbers(name, rows);
                } else if (declared == null && type.equals("BOOLEAN")) {
                    select[c] = id;
                    fills[c] = new ColumnFill.Booleans(name, rows);
                } else {
                    select[c] = withoutMissing(asText(id, type));
                    if (declared == null) {
                        undecided.add(c);
                    } else {
                        fills[c] = categorical(conn, c, name, select, rows);
                    }
                }
            }
            if (!undecided.isEmpty()) {
                StringBuilder counts = new StringBuilder("SELECT ");
                for (int k = 0; k < undecided.size(); k++) {
                    counts.append(k == 0 ? "" : ", ").append("count(DISTINCT ").append(select[undecided.get(k)]).append(')');
                }
                long[] distinct = new long[undecided.size()];
                try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(counts.append(" FROM data").toString())) {
                    rs.next();
                    for (int k = 0; k < distinct.length; k++) {
                        distinct[k] = rs.getLong(k + 1);
                    }
                }
                for (int k = 0; k < distinct.length; k++) {
                    int c = undecided.get(k);
                    String name = stored.get(c)[0];
                    if (distinct[k] > TEXT_MIN_DISTINCT && distinct[k] > rows / 2) {
                        fills[c] = new ColumnFill.Texts(name, rows, missingValues);
                    } else {
                        fills[c] = categorical(conn, c, name, select, rows);
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + String.join(", ", select) + " FROM data");
                 DuckDBChunkedResult result = ps.unwrap(DuckDBPreparedStatement.class).query()) {
                int offset = 0;
                while (result.nextChunk()) {
                    DuckDBDataChunkReader chunk = result.chunk();
                    int count = (int) chunk.rowCount();
                    for (int c = 0; c < n; c++) {
                        fills[c].fill(chunk.vector(c), count, offset);
                    }
                    offset += count;
                }
                if (offset != rows) {
                    throw new IllegalStateException("DuckDB returned " + offset + " rows of " + file + " after counting " + rows);
                }
            }
            List<Column> columns = new ArrayList<>(n);
            for (ColumnFill fill : fills) {
                columns.add(fill.build());
            }
            return columns;
        }

        /**
         * Encodes text column {@code c} in DuckDB: its distinct values become an ENUM type and the
         * selected value becomes the ENUM code, so only {@code int}s cross into Java.
         */
        private ColumnFill categorical(Connection conn, int c, String name, String[] select, int rows) throws SQLException {
            String enumType = "levels_" + c;
            execute(conn, "CREATE TYPE " + enumType + " AS ENUM (SELECT DISTINCT v FROM (SELECT " + select[c]
                    + " AS v FROM data) WHERE v IS NOT NULL ORDER BY v)");
            List<String> levels = new ArrayList<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT unnest(enum_range(NULL::" + enumType + "))")) {
                while (rs.next()) {
                    levels.add(rs.getString(1));
                }
            }
            select[c] = levels.isEmpty() ? "CAST(NULL AS INTEGER)"
                    : "CAST(enum_code(CAST(" + select[c] + " AS " + enumType + ")) AS INTEGER)";
            return new ColumnFill.Codes(name, rows, levels);
        }

        /** {@code expression} with the missing-value markers (and the empty string) turned into NULL. */
        private String withoutMissing(String expression) {
            StringBuilder in = new StringBuilder();
            for (String marker : missingValues) {
                in.append(in.length() == 0 ? "" : ", ").append(sqlString(marker));
            }
            return "CASE WHEN " + expression + " IN (" + in + ") THEN NULL ELSE " + expression + " END";
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
