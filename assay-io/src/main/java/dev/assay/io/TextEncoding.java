package dev.assay.io;

import dev.assay.core.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Explains why a file that should be UTF-8 text is not. Its first bytes tell a compressed file
 * (gzip, ZIP, bzip2, xz, zstd), UTF-16 or UTF-32 text and binary files (images, programs, Parquet);
 * its first byte that is not UTF-8 tells text in an 8-bit encoding such as Latin-1, with its line
 * and column. Each message says how to convert or what to give instead.
 */
final class TextEncoding {
    /** How many bytes from the start of a file are examined before the file is parsed. */
    static final int HEAD = 1 << 16;

    /** Bytes examined on each side of the first invalid byte for control characters (signs of binary data). */
    private static final int NEARBY = 64;

    /** Stands for any byte in a {@link Signature}. */
    private static final int ANY = -1;

    private TextEncoding() {
    }

    /** A file format recognised from its first bytes. */
    private enum Signature {
        GZIP("gzip-compressed", true, "gunzip -k", "zcat", 0x1F, 0x8B),
        ZIP("a ZIP archive (an .xlsx workbook is one too)", true, null, null, 'P', 'K', 3, 4),
        BZIP2("bzip2-compressed", true, "bunzip2 -k", "bzcat", 'B', 'Z', 'h', ANY, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59),
        XZ("xz-compressed", true, "unxz -k", "xzcat", 0xFD, '7', 'z', 'X', 'Z', 0),
        ZSTD("zstd-compressed", true, "unzstd", "zstdcat", 0x28, 0xB5, 0x2F, 0xFD),
        UTF32_LE("UTF-32 text (little-endian, with a byte-order mark)", false, "UTF-32", null, 0xFF, 0xFE, 0, 0),
        UTF32_BE("UTF-32 text (big-endian, with a byte-order mark)", false, "UTF-32", null, 0, 0, 0xFE, 0xFF),
        UTF16_LE("UTF-16 text (little-endian, with a byte-order mark)", false, "UTF-16", null, 0xFF, 0xFE),
        UTF16_BE("UTF-16 text (big-endian, with a byte-order mark)", false, "UTF-16", null, 0xFE, 0xFF),
        PARQUET("a Parquet file", false, null, null, 'P', 'A', 'R', '1'),
        PNG("a PNG image", false, null, null, 0x89, 'P', 'N', 'G'),
        JPEG("a JPEG image", false, null, null, 0xFF, 0xD8, 0xFF),
        GIF("a GIF image", false, null, null, 'G', 'I', 'F', '8'),
        PDF("a PDF document", false, null, null, '%', 'P', 'D', 'F', '-'),
        ELF("a program (an ELF executable or library)", false, null, null, 0x7F, 'E', 'L', 'F');

        final String description;
        final boolean compressed;
        /** The decompressing command, or for text the iconv source encoding; null if none. */
        final String tool;
        /** The command that writes the decompressed bytes to standard output; null if none. */
        final String streamTool;
        final int[] magic;

        Signature(String description, boolean compressed, String tool, String streamTool, int... magic) {
            this.description = description;
            this.compressed = compressed;
            this.tool = tool;
            this.streamTool = streamTool;
            this.magic = magic;
        }

        boolean matches(byte[] bytes, int length) {
            if (length < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if (magic[i] != ANY && (bytes[i] & 0xFF) != magic[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The first byte that is not UTF-8, its place (1-based line, character column) and control bytes near it. */
    private record BadByte(long line, long column, int value, int controlsNearby) {
    }

    /**
     * Refuses the file whose first bytes (or all bytes, when {@code complete}) are {@code bytes[0, length)}
     * when they show it is not UTF-8 text.
     *
     * @param what how the file is named in messages, e.g. {@code "File"} or {@code "Suite file"}
     * @param shown the path as the user gave it
     * @param expected what the file should be, e.g. {@code "a CSV or JSON data file"}
     * @throws InvalidInputException naming the file, what it is and what to do
     */
    static void requireText(byte[] bytes, int length, boolean complete, String what, Path shown, String expected) {
        for (Signature s : Signature.values()) {
            if (s.matches(bytes, length)) {
                throw new InvalidInputException(what + " " + shown + " is " + s.description + ", not " + expected + ". " + fix(s, shown));
            }
        }
        String utf16 = utf16WithoutMark(bytes, length);
        if (utf16 != null) {
            throw new InvalidInputException(what + " " + shown + " is UTF-16 text (" + utf16 + ", without a byte-order mark), not "
                    + expected + " in UTF-8. Convert it: " + iconv("UTF-16" + (utf16.startsWith("little") ? "LE" : "BE"), shown) + ".");
        }
        if (indexOf(bytes, length, 0) >= 0) {
            throw new InvalidInputException(what + " " + shown + " holds binary data (NUL bytes, first at byte "
                    + (indexOf(bytes, length, 0) + 1) + "), not " + expected + ". Check the path: it should name " + expected + ".");
        }
        try {
            BadByte bad = firstInvalid(new ByteArrayInputStream(bytes, 0, length), complete);
            if (bad != null) {
                throw notUtf8(bad, what, shown, expected);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
    }

    /**
     * Scans all of {@code in} for the first byte that is not UTF-8.
     *
     * @return the message naming its line and column, or null if every byte is UTF-8
     */
    static InvalidInputException firstInvalid(InputStream in, String what, Path shown, String expected) throws IOException {
        BadByte bad = firstInvalid(in, true);
        return bad == null ? null : notUtf8(bad, what, shown, expected);
    }

    private static InvalidInputException notUtf8(BadByte bad, String what, Path shown, String expected) {
        String where = what + " " + shown + " is not UTF-8 text: byte " + hex(bad.value()) + " at line " + bad.line() + ", column "
                + bad.column() + " cannot start or continue a UTF-8 character.";
        if (bad.controlsNearby() > 0) {
            return new InvalidInputException(where + " Control characters next to it suggest binary or damaged data rather than"
                    + " text in another encoding. Check the file: it should be " + expected + ".");
        }
        String windows = decode(bad.value(), "windows-1252");
        if (bad.value() >= 0xA0) {
            return new InvalidInputException(where + " The file looks like Latin-1 (ISO-8859-1) text, where " + hex(bad.value())
                    + " is '" + windows + "'. Convert it: " + iconv("latin1", shown) + ".");
        }
        if (windows != null) {
            return new InvalidInputException(where + " The file looks like Windows-1252 text, where " + hex(bad.value()) + " is '"
                    + windows + "'. Convert it: " + iconv("cp1252", shown) + ".");
        }
        return new InvalidInputException(where + " Find its encoding (file -i " + shell(shown) + ") and convert it: "
                + iconv("ENCODING", shown) + ".");
    }

    private static String fix(Signature s, Path shown) {
        if (s.compressed && s.tool != null) {
            return "Decompress it first (" + s.tool + " " + shell(shown) + "), or read it through a pipe: give <(" + s.streamTool
                    + " " + shell(shown) + ") as the path.";
        }
        if (s.compressed) {
            return "Extract the file from the archive first (unzip " + shell(shown) + "); save a spreadsheet as CSV.";
        }
        if (s.tool != null) {
            return "Convert it to UTF-8: " + iconv(s.tool, shown) + ".";
        }
        if (s == Signature.PARQUET) {
            return "Read it as Parquet: give it the .parquet extension, or set the format to parquet.";
        }
        return "Check the path.";
    }

    private static BadByte firstInvalid(InputStream in, boolean complete) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long line = 1;
        long column = 0;
        int pending = 0;
        int low = 0x80;
        int high = 0xBF;
        long leadLine = 0;
        long leadColumn = 0;
        int lead = 0;
        int leadIndex = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
                if (pending > 0) {
                    if (b < low || b > high) {
                        return new BadByte(leadLine, leadColumn, lead, controls(buffer, Math.max(0, leadIndex), n));
                    }
                    pending--;
                    low = 0x80;
                    high = 0xBF;
                    continue;
                }
                if (b == '\n') {
                    line++;
                    column = 0;
                    continue;
                }
                column++;
                if (b < 0x80) {
                    continue;
                }
                leadLine = line;
                leadColumn = column;
                lead = b;
                leadIndex = i;
                if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    pending = 2;
                    low = b == 0xE0 ? 0xA0 : 0x80;
                    high = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    pending = 3;
                    low = b == 0xF0 ? 0x90 : 0x80;
                    high = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    return new BadByte(line, column, b, controls(buffer, i, n));
                }
            }
            leadIndex = 0;
        }
        return pending > 0 && complete ? new BadByte(leadLine, leadColumn, lead, 0) : null;
    }

    /** Control bytes (other than tab and line ends) within {@link #NEARBY} bytes of {@code at}. */
    private static int controls(byte[] buffer, int at, int length) {
        int count = 0;
        for (int i = Math.max(0, at - NEARBY); i < Math.min(length, at + NEARBY); i++) {
            int b = buffer[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7F) {
                count++;
            }
        }
        return count;
    }

    /** "little-endian" or "big-endian" when many even or odd bytes are NUL as in UTF-16 ASCII text; else null. */
    private static String utf16WithoutMark(byte[] bytes, int length) {
        int even = 0;
        int odd = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    even++;
                } else {
                    odd++;
                }
            }
        }
        int pairs = length / 2;
        if (pairs >= 2 && odd > pairs * 0.4 && even < pairs * 0.05) {
            return "little-endian";
        }
        if (pairs >= 2 && even > pairs * 0.4 && odd < pairs * 0.05) {
            return "big-endian";
        }
        return null;
    }

    private static int indexOf(byte[] bytes, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The character {@code b} stands for in {@code charset}, or null if it stands for none. */
    private static String decode(int b, String charset) {
        CharsetDecoder decoder = Charset.forName(charset).newDecoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                .onMalformedInput(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static String iconv(String from, Path shown) {
        return "iconv -f " + from + " -t UTF-8 " + shell(shown) + " > " + shell(utf8Name(shown));
    }

    /** {@code data.csv} becomes {@code data-utf8.csv}, in the same folder. */
    private static Path utf8Name(Path shown) {
        String name = shown.getFileName() == null ? "data" : shown.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String converted = dot > 0 ? name.substring(0, dot) + "-utf8" + name.substring(dot) : name + "-utf8";
        return shown.getParent() == null ? Path.of(converted) : shown.resolveSibling(converted);
    }

    /** {@code path} as a shell word: as it is when it holds no special characters, else in single quotes. */
    private static String shell(Path path) {
        String s = path.toString();
        return s.matches("[A-Za-z0-9_./=:+@%,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static String hex(int b) {
        return String.format(Locale.ROOT, "0x%02X", b);
    }
}
