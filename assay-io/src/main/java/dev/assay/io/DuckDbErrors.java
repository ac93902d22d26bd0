package dev.assay.io;

import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns DuckDB's errors about a file into messages that say where the problem is and what to do. */
final class DuckDbErrors {
    private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern ORIGINAL_LINE = Pattern.compile("Original Line: (.*)");
    private static final Pattern FIELD_COUNT = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
    private static final Pattern CONVERSION = Pattern.compile(
            "Error when converting column \"(.*)\"\\. Could not convert string \"(.*)\" to '(.*)'");

    private DuckDbErrors() {
    }

    static InvalidInputException translate(SQLException e, Path file, DataFormat format, char delimiter) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        switch (format) {
            case PARQUET:
                return new InvalidInputException("File " + file + " is not a readable Parquet file: " + firstLine(message)
                        + ". Check that it is Parquet (a CSV file renamed .parquet is not), or set the format in the read options.", e);
            case JSON:
                return new InvalidInputException("File " + file + " is not valid JSON: " + firstLine(message)
                        + ". Expected JSON lines (one object per line) or one array of objects; correct the file, or set the format"
                        + " in the read options if it is not JSON.", e);
            default:
                return csv(e, message, file, delimiter);
        }
    }

    private static InvalidInputException csv(SQLException e, String message, Path file, char delimiter) {
        Matcher line = CSV_LINE.matcher(message);
        if (line.find()) {
            long lineNumber = Long.parseLong(line.group(1));
            Matcher original = ORIGINAL_LINE.matcher(message);
            String text = original.find() ? original.group(1) : "";
            Matcher count = FIELD_COUNT.matcher(message);
            if (count.find()) {
                return ragged(e, file, delimiter, lineNumber, Integer.parseInt(count.group(1)), Integer.parseInt(count.group(2)), text);
            }
            Matcher conversion = CONVERSION.matcher(message);
            if (conversion.find()) {
                return new InvalidInputException("Column '" + conversion.group(1) + "' in " + file + " looked like " + conversion.group(3)
                        + " values in the rows sampled to infer types, but line " + lineNumber + " holds '" + conversion.group(2)
                        + "'. Correct the value, add it to the missing-value markers if it means missing, or declare the column's type"
                        + " in the read options (categorical or text keeps every value as text).", e);
            }
            return new InvalidInputException("Line " + lineNumber + " of " + file + " is not valid CSV: " + reason(message)
                    + (text.isEmpty() ? "" : " The line reads: " + text) + " Correct the line.", e);
        }
        if (message.contains("Error when sniffing file")) {
            InvalidInputException ragged = firstRaggedRecord(e, file, delimiter);
            if (ragged != null) {
                return ragged;
            }
        }
        return new InvalidInputException("Could not read " + file + " as CSV with delimiter " + ReadOptions.describe(delimiter) + ": "
                + firstLine(message) + ". Check that the file is comma-, tab-, semicolon- or pipe-separated text with one header line,"
                + " or set the delimiter or the format in the read options.", e);
    }

    private static InvalidInputException ragged(SQLException e, Path file, char delimiter, long line, int expected, int found, String text) {
        return new InvalidInputException("Line " + line + " of " + file + " has " + found + " fields where the header has " + expected
                + " (delimiter " + ReadOptions.describe(delimiter) + ")" + (text.isEmpty() ? "" : ": " + text)
                + ". Every row needs one value per header column: fix the row (a missing value is an empty field between two"
                + " delimiters), and quote values that contain the delimiter.", e);
    }

    /** Scans the file for the first record whose field count differs from the header's; null if there is none. */
    private static InvalidInputException firstRaggedRecord(SQLException e, Path file, char delimiter) {
        try (CsvRecords records = new CsvRecords(file, delimiter)) {
            List<String> header = records.next();
            List<String> record;
            while ((record = records.next()) != null) {
                if (record.size() != header.size()) {
                    return ragged(e, file, delimiter, records.recordLine(), header.size(), record.size(),
                            String.join(String.valueOf(delimiter), record));
                }
            }
            return null;
        } catch (IOException io) {
            return null;
        }
    }

    private static String reason(String message) {
        String[] lines = message.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("Original Line:") && i + 1 < lines.length) {
                return lines[i + 1].strip();
            }
        }
        return firstLine(message);
    }

    private static String firstLine(String message) {
        String first = message.lines().findFirst().orElse(message).strip();
        int colon = first.indexOf("Error: ");
        String text = colon >= 0 ? first.substring(colon + "Error: ".length()) : first;
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
