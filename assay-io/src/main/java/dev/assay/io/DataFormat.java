package dev.assay.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A file format {@link DataReader} reads, chosen by file extension unless {@link ReadOptions} names one. */
public enum DataFormat {
    /** Delimited text with a header line; the delimiter is guessed from the header unless given. */
    CSV(List.of("csv", "tsv", "txt")),
    /** Apache Parquet. */
    PARQUET(List.of("parquet")),
    /** JSON lines (one object per line) or one JSON array of objects. */
    JSON(List.of("json", "jsonl", "ndjson"));

    private final List<String> extensions;

    DataFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    /** The lower-case file extensions (without dot) that select this format. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format selected by the extension of {@code file}, compared case-insensitively. */
    public static Optional<DataFormat> forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (DataFormat f : values()) {
            if (f.extensions.contains(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format of a file named without an extension, from its first bytes: Parquet's magic
     * {@code PAR1}, JSON when the first non-blank character is <code>{</code> or {@code [}, else CSV.
     */
    static DataFormat sniff(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            return PARQUET;
        }
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && (head[i] == '{' || head[i] == '[') ? JSON : CSV;
    }

    /** Every supported extension as {@code .csv, .tsv, ...}, for messages. */
    static String allExtensions() {
        StringBuilder sb = new StringBuilder();
        for (DataFormat f : values()) {
            for (String e : f.extensions) {
                sb.append(sb.length() == 0 ? "." : ", .").append(e);
            }
        }
        return sb.toString();
    }
}
