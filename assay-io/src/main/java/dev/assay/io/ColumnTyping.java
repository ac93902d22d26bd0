package dev.assay.io;

import dev.assay.core.data.ColumnType;
import dev.assay.core.data.NumberText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides how each column of the table DuckDB read becomes a frame column: the SQL expression that
 * selects its values and the {@link ColumnFill} that copies them into Java.
 *
 * <p>Numeric types become numbers, BOOLEAN two categories, DATE and TIMESTAMP ISO-8601 text. Text
 * becomes categories (encoded as an ENUM inside DuckDB, so only {@code int} codes cross into Java),
 * unless it is free text (more than {@value #TEXT_MIN_DISTINCT} distinct values and more than half
 * the rows) or, in a CSV file, numbers that DuckDB left as text because of blanks around them
 * ({@link NumberText}). A declared type replaces the inferred one.
 */
final class ColumnTyping {
    private static final Set<String> NUMERIC_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE");

    /** A text column is free text when it has more distinct values than this and than half its rows. */
    private static final int TEXT_MIN_DISTINCT = 1000;

    /**
     * The columns to select and fill.
     *
     * @param select one SQL expression per column, over table {@code data}
     * @param fills one fill per column, in the same order
     */
    record Plan(String[] select, ColumnFill[] fills) {
    }

    private final Connection conn;
    private final DataFormat format;
    private final ReadOptions options;
    private final Set<String> missingValues;
    private final ColumnFill.BadValueReporter reporter;

    /**
     * @param missingValues the markers of missing text values, the empty string included
     * @param reporter builds the message for a value in a declared numeric column that is not a number
     */
    ColumnTyping(Connection conn, DataFormat format, ReadOptions options, Set<String> missingValues,
            ColumnFill.BadValueReporter reporter) {
        this.conn = conn;
        this.format = format;
        this.options = options;
        this.missingValues = missingValues;
        this.reporter = reporter;
    }

    /** The plan for the stored columns ({@code {name, DuckDB type}} pairs) of a table of {@code rows} rows. */
    Plan plan(List<String[]> stored, int rows) throws SQLException {
        int n = stored.size();
        String[] select = new String[n];
        ColumnFill[] fills = new ColumnFill[n];
        List<Integer> undecided = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            String name = stored.get(c)[0];
            String type = stored.get(c)[1];
            String id = DuckDbScan.sqlIdentifier(name);
            ColumnType declared = options.columnTypes().get(name);
            boolean numeric = NUMERIC_TYPES.contains(type) || type.startsWith("DECIMAL");
            boolean temporal = type.startsWith("DATE") || type.startsWith("TIME");
            if (declared == ColumnType.NUMERIC && (numeric || type.equals("BOOLEAN"))) {
                select[c] = "CAST(CAST(" + id + " AS " + (numeric ? "DOUBLE" : "INTEGER") + ") AS DOUBLE)";
                fills[c] = new ColumnFill.Numbers(name, rows);
            } else if (declared == ColumnType.NUMERIC) {
                select[c] = "CAST(" + id + " AS VARCHAR)";
                fills[c] = new ColumnFill.ParsedNumbers(name, rows, missingValues, reporter);
            } else if (declared == ColumnType.TEXT || declared == null && temporal) {
                select[c] = asText(id, type);
                fills[c] = new ColumnFill.Texts(name, rows, missingValues);
            } else if (declared == null && numeric) {
                select[c] = type.equals("DOUBLE") ? id : "CAST(" + id + " AS DOUBLE)";
                fills[c] = new ColumnFill.Numbers(name, rows);
            } else if (declared == null && type.equals("BOOLEAN")) {
                select[c] = id;
                fills[c] = new ColumnFill.Booleans(name, rows);
            } else if (declared == null && format == DataFormat.CSV && type.equals("VARCHAR") && numbersWithBlanks(id)) {
                select[c] = "CAST(" + id + " AS DOUBLE)";
                fills[c] = new ColumnFill.Numbers(name, rows);
            } else {
                select[c] = withoutMissing(asText(id, type));
                if (declared == null) {
                    undecided.add(c);
                } else {
                    fills[c] = categorical(c, name, select, rows);
                }
            }
        }
        if (!undecided.isEmpty()) {
            long[] distinct = distinctCounts(undecided, select);
            for (int k = 0; k < distinct.length; k++) {
                int c = undecided.get(k);
                String name = stored.get(c)[0];
                if (distinct[k] > TEXT_MIN_DISTINCT && distinct[k] > rows / 2) {
                    fills[c] = new ColumnFill.Texts(name, rows, missingValues);
                } else {
                    fills[c] = categorical(c, name, select, rows);
                }
            }
        }
        return new Plan(select, fills);
    }

    /**
     * Whether the text column {@code id} holds a value and every value is a {@link NumberText} number.
     * Stops at the first value that is not, which for a column of words is the first row.
     */
    private boolean numbersWithBlanks(String id) throws SQLException {
        String notNumber = "SELECT 1 FROM data WHERE " + id + " IS NOT NULL AND NOT regexp_full_match(" + id + ", "
                + DuckDbScan.sqlString(NumberText.REGEX) + ") LIMIT 1";
        String anyValue = "SELECT 1 FROM data WHERE " + id + " IS NOT NULL LIMIT 1";
        return !exists(notNumber) && exists(anyValue);
    }

    private boolean exists(String query) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next();
        }
    }

    private long[] distinctCounts(List<Integer> columns, String[] select) throws SQLException {
        StringBuilder counts = new StringBuilder("SELECT ");
        for (int k = 0; k < columns.size(); k++) {
            counts.append(k == 0 ? "" : ", ").append("count(DISTINCT ").append(select[columns.get(k)]).append(')');
        }
        long[] distinct = new long[columns.size()];
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(counts.append(" FROM data").toString())) {
            rs.next();
            for (int k = 0; k < distinct.length; k++) {
                distinct[k] = rs.getLong(k + 1);
            }
        }
        return distinct;
    }

    /**
     * Encodes text column {@code c} in DuckDB: its distinct values become an ENUM type and the
     * selected value becomes the ENUM code, so only {@code int}s cross into Java.
     */
    private ColumnFill categorical(int c, String name, String[] select, int rows) throws SQLException {
        String enumType = "levels_" + c;
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TYPE " + enumType + " AS ENUM (SELECT DISTINCT v FROM (SELECT " + select[c]
                    + " AS v FROM data) WHERE v IS NOT NULL ORDER BY v)");
        }
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
            in.append(in.length() == 0 ? "" : ", ").append(DuckDbScan.sqlString(marker));
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
}
