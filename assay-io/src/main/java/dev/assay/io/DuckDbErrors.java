package dev.assay.io;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB's errors about a file into messages that say where the problem is and what to do.
 * Where DuckDB's line number cannot be trusted (an over-long line is reported as line 1) or is
 * missing, the file is scanned for the record at fault. Values from the file are quoted through
 * {@link Excerpt}.
 */
final class DuckDbErrors {
    private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern ORIGINAL_LINE = Pattern.compile("Original Line: (.*)");
    private static final Pattern FIELD_COUNT = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
    private static final Pattern CONVERSION = Pattern.compile(
            "Error when converting column \"(.*)\"\\. Could not convert string \"(.*)\" to '(.*)'");
    private static final Pattern LINE_SIZE = Pattern.compile("Maximum line size of (\\d+) bytes exceeded");

    private DuckDbErrors() {
    }

    /**
     * The message for DuckDB's error {@code e} reading {@code file}.
     *
     * @param file the regular file DuckDB read
     * @param shown the path as the user gave it
     */
    static InvalidInputException translate(SQLException e, Path file, Path shown, DataFormat format, char delimiter) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("Invalid unicode") || message.contains("not utf-8 encoded")) {
            InvalidInputException notUtf8 = notUtf8(file, shown);
            if (notUtf8 != null) {
                return notUtf8;
            }
        }
        switch (format) {
            case PARQUET:
                return new InvalidInputException("File " + shown + " is not a readable Parquet file: " + firstLine(message)
                        + ". Check that it is Parquet (a CSV file renamed .parquet is not), or set the format in the read options.", e);
            case JSON:
                return new InvalidInputException("File " + shown + " is not valid JSON: " + firstLine(message)
                        + ". Expected JSON lines (one object per line) or one array of objects; correct the file, or set the format"
                        + " in the read options if it is not JSON.", e);
            default:
                return csv(e, message, file, shown, delimiter);
        }
    }

    private static InvalidInputException csv(SQLException e, String message, Path file, Path shown, char delimiter) {
        Matcher size = LINE_SIZE.matcher(message);
        if (size.find()) {
            return tooLong(e, file, shown, delimiter, Long.parseLong(size.group(1)));
        }
        Matcher line = CSV_LINE.matcher(message);
        if (line.find()) {
            long lineNumber = Long.parseLong(line.group(1));
            Matcher original = ORIGINAL_LINE.matcher(message);
            String text = original.find() ? original.group(1) : "";
            Matcher count = FIELD_COUNT.matcher(message);
            if (count.find()) {
                return ragged(e, shown, delimiter, lineNumber, Integer.parseInt(count.group(1)), Integer.parseInt(count.group(2)), text);
            }
            Matcher conversion = CONVERSION.matcher(message);
            if (conversion.find()) {
                return new InvalidInputException("Column '" + Excerpt.of(conversion.group(1)) + "' in " + shown + " looked like "
                        + conversion.group(3) + " values in the rows sampled to infer types, but line " + lineNumber + " holds '"
                        + Excerpt.of(conversion.group(2)) + "'. Correct the value, add it to the missing-value markers if it means"
                        + " missing, or declare the column's type in the read options (categorical or text keeps every value as text).",
                        e);
            }
            return new InvalidInputException("Line " + lineNumber + " of " + shown + " is not valid CSV: " + Excerpt.of(reason(message))
                    + (text.isEmpty() ? "" : ". The line reads: " + Excerpt.of(text)) + ". Correct the line.", e);
        }
        if (message.contains("Error when sniffing file")) {
            InvalidInputException ragged = firstRaggedRecord(e, file, shown, delimiter);
            if (ragged != null) {
                return ragged;
            }
        }
        return new InvalidInputException("Could not read " + shown + " as CSV with delimiter " + ReadOptions.describe(delimiter) + ": "
                + Excerpt.of(firstLine(message)) + ". Check that the file is comma-, tab-, semicolon- or pipe-separated text with one"
                + " header line, or set the delimiter or the format in the read options.", e);
    }

    private static InvalidInputException ragged(SQLException e, Path shown, char delimiter, long line, int expected, int found,
            String text) {
        long breaks = text.stripTrailing().chars().filter(c -> c == '\n').count();
        String unclosed = breaks == 0 ? "" : " The row runs over " + (breaks + 1) + " lines, so a double quote in it is probably"
                + " never closed.";
        return new InvalidInputException("Line " + line + " of " + shown + " has " + found + " fields where the header has " + expected
                + " (delimiter " + ReadOptions.describe(delimiter) + ")" + (text.isEmpty() ? "" : ": " + Excerpt.of(text)) + "."
                + unclosed + " Every row needs one value per header column: fix the row (a missing value is an empty field between"
                + " two delimiters), and quote values that contain the delimiter.", e);
    }

    /** Scans the file for the first record whose field count differs from the header's; null if there is none. */
    private static InvalidInputException firstRaggedRecord(SQLException e, Path file, Path shown, char delimiter) {
        try (CsvRecords records = new CsvRecords(file, delimiter)) {
            List<String> header = records.next();
            List<String> record;
            while ((record = records.next()) != null) {
                if (record.size() != header.size()) {
                    return ragged(e, shown, delimiter, records.recordLine(), header.size(), record.size(),
                            String.join(String.valueOf(delimiter), record));
                }
            }
            return null;
        } catch (IOException io) {
            return null;
        }
    }

    /** Finds the first record longer than {@code limit} bytes (else the longest), which DuckDB reports as line 1. */
    private static InvalidInputException tooLong(SQLException e, Path file, Path shown, char delimiter, long limit) {
        long longestLine = 0;
        long longest = -1;
        String start = "";
        try (CsvRecords records = new CsvRecords(file, delimiter)) {
            List<String> record;
            while ((record = records.next()) != null && longest <= limit) {
                long bytes = record.size() - 1;
                for (String field : record) {
                    bytes += utf8Length(field);
                }
                if (bytes > longest) {
                    longest = bytes;
                    longestLine = records.recordLine();
                    start = String.join(String.valueOf(delimiter), record.subList(0, Math.min(record.size(), 3)));
                }
            }
        } catch (IOException io) {
            longest = -1;
        }
        String where = longest < 0 ? "A line of " + shown : "Line " + longestLine + " of " + shown + " (" + String.format(Locale.ROOT,
                "%,d", longest) + " bytes; it starts " + Excerpt.of(start) + ")";
        return new InvalidInputException(where + " is longer than the " + String.format(Locale.ROOT, "%,d", limit)
                + " bytes a CSV line may have. Shorten or remove the long value; if the line should have ended earlier, look for"
                + " an unclosed double quote.", e);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static InvalidInputException notUtf8(Path file, Path shown) {
        try (InputStream in = Files.newInputStream(file)) {
            return TextEncoding.firstInvalid(in, "File", shown, DataReader.EXPECTED);
        } catch (IOException io) {
            return null;
        }
    }

    private static String reason(String message) {
        String[] lines = message.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("Original Line:") && i + 1 < lines.length) {
                return stripPeriod(lines[i + 1].strip());
            }
        }
        return firstLine(message);
    }

    private static String firstLine(String message) {
        String first = message.lines().findFirst().orElse(message).strip();
        int colon = first.indexOf("Error: ");
        return stripPeriod(colon >= 0 ? first.substring(colon + "Error: ".length()) : first);
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
