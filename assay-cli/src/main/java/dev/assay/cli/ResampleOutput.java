package dev.assay.cli;

import dev.assay.core.data.Column;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.resample.Resampled;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Writes the rows of {@code assay resample}: the kept input rows as they were read, then the new rows, with the
 * input's columns in the input's order. CSV, or Parquet when the file name ends in {@code .parquet} (numeric
 * columns as BIGINT when every value is whole, else DOUBLE; others as VARCHAR). Written to a temporary file beside
 * the target and moved into place, so an error leaves no half-written file.
 */
final class ResampleOutput {
    private ResampleOutput() {
    }

    static void write(Path file, ResampleInput in, Resampled r) {
        String csv = csv(in, r);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            AtomicFiles.write(file, csv, "--out");
            return;
        }
        Path target = file.toAbsolutePath();
        Path tmpCsv = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".csv.tmp");
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            AtomicFiles.write(tmpCsv, csv, "--out");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT * FROM read_csv('" + sql(tmpCsv) + "', header = true, auto_detect = false, columns = "
                        + columns(in, r) + ")) TO '" + sql(tmp) + "' (FORMAT PARQUET)");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SQLException e) {
            throw new InvalidInputException("Cannot write " + file + " (" + e.getMessage() + "); choose a writable path for --out.");
        } finally {
            try {
                Files.deleteIfExists(tmpCsv);
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing left to clean
            }
        }
    }

    private static String csv(ResampleInput in, Resampled r) {
        StringBuilder out = new StringBuilder();
        java.util.List<String> names = in.frame.columnNames();
        for (int j = 0; j < names.size(); j++) {
            out.append(j == 0 ? "" : ",").append(cell(names.get(j)));
        }
        out.append('\n');
        for (int row : r.kept()) {
            for (int j = 0; j < names.size(); j++) {
                String v = in.frame.column(names.get(j)).format(row);
                out.append(j == 0 ? "" : ",").append(v == null ? "" : cell(v));
            }
            out.append('\n');
        }
        for (int s = 0; s < r.synthetic().length; s++) {
            for (int j = 0; j < names.size(); j++) {
                out.append(j == 0 ? "" : ",").append(cell(value(in, names.get(j), r, s)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String value(ResampleInput in, String column, Resampled r, int s) {
        if (column.equals(in.label)) {
            return in.classes.names().get(r.syntheticClasses()[s]);
        }
        int f = in.features.indexOf(column);
        double v = r.synthetic()[s][f];
        if (in.categorical[f]) {
            return in.levels.get(f).get((int) v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** DuckDB's column map: each numeric column BIGINT when all its output values are whole, else DOUBLE. */
    private static String columns(ResampleInput in, Resampled r) {
        StringBuilder out = new StringBuilder("{");
        for (String name : in.frame.columnNames()) {
            Column c = in.frame.column(name);
            String type = "VARCHAR";
            if (c instanceof NumericColumn n) {
                boolean whole = true;
                for (int row : r.kept()) {
                    whole &= n.isMissing(row) || n.get(row) == Math.rint(n.get(row));
                }
                int f = in.features.indexOf(name);
                for (double[] s : r.synthetic()) {
                    whole &= f < 0 || s[f] == Math.rint(s[f]);
                }
                type = whole ? "BIGINT" : "DOUBLE";
            }
            out.append(out.length() > 1 ? ", " : "").append('\'').append(name.replace("'", "''")).append("': '").append(type)
                    .append('\'');
        }
        return out.append('}').toString();
    }

    private static String sql(Path p) {
        return p.toString().replace("'", "''");
    }

    private static String cell(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
