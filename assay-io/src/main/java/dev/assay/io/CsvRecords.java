package dev.assay.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 record scanner (double-quote quoting, {@code ""} inside quotes, LF or CRLF line
 * ends, blank lines skipped as DuckDB does). Used for the header line and to locate problems
 * precisely; DuckDB reads the data itself.
 */
final class CsvRecords implements Closeable {
    private static final char[] DELIMITER_CANDIDATES = {',', '\t', ';', '|'};

    private final Reader in;
    private final char delimiter;
    private int peeked = -2;
    private long line = 1;
    private long recordLine;

    CsvRecords(Path file, char delimiter) throws IOException {
        this.in = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16);
        this.delimiter = delimiter;
        if (peek() == '\uFEFF') {
            read();
        }
    }

    /** The 1-based line on which the record last returned by {@link #next()} starts. */
    long recordLine() {
        return recordLine;
    }

    /** The fields of the next record, or {@code null} at the end of the file. */
    List<String> next() throws IOException {
        int c;
        while ((c = peek()) == '\n' || c == '\r') {
            consumeLineEnd();
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            c = read();
            if (quoted) {
                if (c == -1) {
                    fields.add(field.toString());
                    return fields;
                } else if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c != -1) {
                    pushBack(c);
                    consumeLineEnd();
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    /** The delimiter that occurs most often outside quotes in {@code headerLine}; {@code ','} if none does. */
    static char guessDelimiter(String headerLine) {
        int[] counts = new int[DELIMITER_CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char ch = headerLine.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < DELIMITER_CANDIDATES.length; k++) {
                    if (ch == DELIMITER_CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return DELIMITER_CANDIDATES[best];
    }

    /** The first physical line of {@code file} without its line end (and without a byte-order mark). */
    static String firstLine(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) {
                return "";
            }
            return first.startsWith("\uFEFF") ? first.substring(1) : first;
        }
    }

    private void consumeLineEnd() throws IOException {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        return c;
    }

    private void pushBack(int c) {
        peeked = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
