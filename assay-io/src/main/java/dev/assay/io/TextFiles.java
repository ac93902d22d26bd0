package dev.assay.io;

import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads small text files such as suite and configuration files: regular files and named pipes
 * ({@code <(generate-suite)}) alike, with a size cap, and with a message for every way this fails.
 */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * The UTF-8 text of {@code file}, without a leading byte-order mark.
     *
     * @param file the file, as the user gave it (messages name it so)
     * @param what how messages name the file, e.g. {@code "Suite file"}
     * @param maxBytes the largest size accepted
     * @throws InvalidInputException if the file does not exist, is a directory, cannot be read (permission
     *     denied), is larger than {@code maxBytes}, is a named pipe nothing writes to, is not UTF-8 text
     *     (compressed, UTF-16, binary, Latin-1) or holds control characters other than tab and line ends;
     *     the message names the file, the line and column where they apply, and the fix
     */
    public static String read(Path file, String what, long maxBytes) {
        FileChecks.requireReadable(file, what);
        if (Files.isDirectory(file)) {
            throw FileChecks.directory(file, what, "");
        }
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                throw tooLarge(file, what, maxBytes, String.format(Locale.ROOT, "%,d bytes, more than", Files.size(file)));
            }
            try (InputStream in = FileInput.open(file, what)) {
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
        } catch (IOException e) {
            throw FileChecks.cannotRead(file, what, e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(file, what, maxBytes, "more than");
        }
        TextEncoding.requireText(bytes, bytes.length, true, what, file, "a UTF-8 text file");
        int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8);
        requireNoControlCharacters(text, file, what);
        return text;
    }

    /** Refuses control characters other than tab and line ends, which no text format wants and editors hide. */
    private static void requireNoControlCharacters(String text, Path file, String what) {
        int line = 1;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 0;
                continue;
            }
            column++;
            if (Character.isISOControl(c) && c != '\t' && c != '\r') {
                throw new InvalidInputException(what + " " + file + " holds the control character "
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + " at line " + line + ", column " + column
                        + ", which is not text. Remove it; an editor may show it as a box or not at all.");
            }
        }
    }

    /** {@code size} is the size as far as known, ending in "more than". */
    private static InvalidInputException tooLarge(Path file, String what, long maxBytes, String size) {
        String kind = what.toLowerCase(Locale.ROOT);
        return new InvalidInputException(what + " " + file + " has " + size + " the " + String.format(Locale.ROOT, "%,d", maxBytes)
                + " bytes a " + kind + " may have. Check the path: it should name the " + kind + " itself, not a data file.");
    }
}
