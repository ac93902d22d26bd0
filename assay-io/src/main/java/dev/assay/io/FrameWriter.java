package dev.assay.io;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a frame as CSV (RFC 4180, header row, missing values as empty fields) or Parquet (through DuckDB's
 * {@code COPY ... (FORMAT PARQUET)}; whole-number numeric columns as BIGINT, other numeric ones as DOUBLE,
 * categorical and text ones as VARCHAR), chosen by the file's extension. The file is written beside the target
 * under a temporary name and moved into place, so a failure leaves no half-written file.
 */
public final class FrameWriter {
    private FrameWriter() {
    }

    /** Whether {@code file}'s extension is one {@link #write} understands (.csv or .parquet). */
    public static boolean supports(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".parquet");
    }

    /**
     * Writes {@code frame} to {@code file}.
     *
     * @param option the command-line option that named the file, for messages
     * @throws InvalidInputException when the extension is neither .csv nor .parquet or the file cannot be written
     */
    public static void write(Frame frame, Path file, String option) {
        if (!supports(file)) {
            throw new InvalidInputException(option + " " + file + ": the file name must end in .csv or .parquet, which decides the"
                    + " format.");
        }
        Path target = file.toAbsolutePath();
        Path csv = temporary(target, ".csv");
        Path parquet = temporary(target, ".parquet");
        try {
            Files.createDirectories(target.getParent());
            writeCsv(frame, csv);
            boolean isParquet = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
            Path ready = csv;
            if (isParquet) {
                toParquet(frame, csv, parquet);
                ready = parquet;
            }
            try {
                Files.move(ready, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(ready, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SQLException e) {
            throw new InvalidInputException("Cannot write " + file + " (" + e.getMessage() + "); choose a writable path for "
                    + option + ".");
        } finally {
            deleteQuietly(csv);
            deleteQuietly(parquet);
        }
    }

    private static Path temporary(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime()
                + suffix);
    }

    private static void writeCsv(Frame frame, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>();
            frame.columnNames().forEach(n -> header.add(quote(n)));
            out.write(String.join(",", header));
            out.write('\n');
            List<Column> columns = frame.columns();
            for (int i = 0; i < frame.rowCount(); i++) {
                for (int j = 0; j < columns.size(); j++) {
                    if (j > 0) {
                        out.write(',');
                    }
                    String v = columns.get(j).format(i);
                    if (v != null) {
                        out.write(quote(v));
                    }
                }
                out.write('\n');
            }
        }
    }

    /** The field, in double quotes (inner quotes doubled) when it holds a comma, quote, line break or edge space, or is empty. */
    static String quote(String v) {
        boolean needs = v.isEmpty() || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(v.strip());
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static void toParquet(Frame frame, Path csv, Path parquet) throws SQLException {
        StringBuilder types = new StringBuilder("{");
        for (Column c : frame.columns()) {
            if (types.length() > 1) {
                types.append(", ");
            }
            types.append(literal(c.name())).append(": ").append(literal(sqlType(c)));
        }
        types.append('}');
        String sql = "COPY (SELECT * FROM read_csv(" + literal(csv.toString()) + ", header = true, delim = ',', quote = '\"',"
                + " escape = '\"', columns = " + types + ")) TO " + literal(parquet.toString()) + " (FORMAT PARQUET)";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static String sqlType(Column c) {
        if (c instanceof NumericColumn n) {
            for (int i = 0; i < n.size(); i++) {
                double v = n.get(i);
                if (!Double.isNaN(v) && (v != Math.rint(v) || Math.abs(v) >= 1e15)) {
                    return "DOUBLE";
                }
            }
            return "BIGINT";
        }
        return "VARCHAR";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file that cannot be removed is left beside the target under its dot-name
        }
    }
}
