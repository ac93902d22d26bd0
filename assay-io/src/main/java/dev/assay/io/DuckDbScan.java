package dev.assay.io;

import dev.assay.core.data.Column;
import dev.assay.core.data.RowLocator;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;

/**
 * One read of one file through an in-memory DuckDB database (opened and closed here): DuckDB parses
 * the file into a temporary table and infers the types, {@link ColumnTyping} decides the frame
 * columns, and the values are copied chunk by chunk into arrays sized from the row count. DuckDB's
 * errors are translated by {@link DuckDbErrors}.
 */
final class DuckDbScan {
    private final Path file;
    private final Path shown;
    private final DataFormat format;
    private final ReadOptions options;
    private final char delimiter;
    private final RowLocator rows;
    private final Set<String> missingValues;

    /**
     * @param file the regular file DuckDB reads
     * @param shown the path as the user gave it, for messages
     * @param delimiter the CSV delimiter (ignored for other formats)
     * @param rows where data rows are in the file, for messages; may be null
     */
    DuckDbScan(Path file, Path shown, DataFormat format, ReadOptions options, char delimiter, RowLocator rows) {
        this.file = file;
        this.shown = shown;
        this.format = format;
        this.options = options;
        this.delimiter = delimiter;
        this.rows = rows;
        Set<String> markers = new HashSet<>(options.missingValues());
        markers.add("");
        this.missingValues = Set.copyOf(markers);
    }

    /** Reads the file into columns. */
    List<Column> run() {
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start an in-memory DuckDB database: " + e.getMessage(), e);
        }
        try (Connection conn = connection) {
            List<String> names = describe(conn, "SELECT * FROM " + source(false)).stream().map(c -> c[0]).toList();
            for (String declared : options.columnTypes().keySet()) {
                if (!names.contains(declared)) {
                    throw new UnknownColumnException(declared, "a declared column type", shown.toString(), names);
                }
            }
            execute(conn, "CREATE TEMP TABLE data AS SELECT " + projection(names) + " FROM " + source(true));
            int count = countRows(conn);
            if (count == 0) {
                throw new InvalidInputException((format == DataFormat.CSV
                        ? "File " + shown + " has a header line (columns " + listed(names) + ") but no data rows."
                        : "File " + shown + " holds no records.")
                        + " Check that the file was written completely.");
            }
            ColumnTyping.Plan plan = new ColumnTyping(conn, format, options, missingValues, this::badNumber)
                    .plan(describe(conn, "SELECT * FROM data"), count);
            return fetch(conn, plan, count);
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e, file, shown, format, delimiter);
        }
    }

    /** The columns asked for and those with a declared type, in file order, when the file holds them all; else every column. */
    private String projection(List<String> names) {
        if (options.columns().isEmpty() || !names.containsAll(options.columns())) {
            return "*";
        }
        return String.join(", ", names.stream().filter(n -> options.columns().contains(n) || options.columnTypes().containsKey(n))
                .map(DuckDbScan::sqlIdentifier).toList());
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

    private List<Column> fetch(Connection conn, ColumnTyping.Plan plan, int count) throws SQLException {
        ColumnFill[] fills = plan.fills();
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + String.join(", ", plan.select()) + " FROM data");
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
            if (offset != count) {
                throw new IllegalStateException("DuckDB returned " + offset + " rows of " + file + " after counting " + count);
            }
        }
        List<Column> columns = new ArrayList<>(fills.length);
        for (ColumnFill fill : fills) {
            columns.add(fill.build());
        }
        return columns;
    }

    private InvalidInputException badNumber(String column, int row, String value) {
        String place = rows == null ? null : rows.locate(row);
        String where = place == null ? "data row " + (row + 1)
                : format == DataFormat.CSV ? place + " (data row " + (row + 1) + ")" : place;
        return new InvalidInputException("Column '" + Excerpt.of(column) + "' in " + shown + " is declared numeric, but " + where
                + " holds '" + Excerpt.of(value) + "', which is not a number. Remove or correct the value, or declare the column"
                + " categorical (if '" + Excerpt.of(value) + "' means a missing value, add it to the missing-value markers).");
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

    /** The first 40 names, shortened, for a message. */
    private static String listed(List<String> names) {
        return String.join(", ", names.stream().limit(40).map(Excerpt::of).toList())
                + (names.size() > 40 ? " and " + (names.size() - 40) + " more" : "");
    }

    static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String sqlIdentifier(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
