package dev.assay.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not UTF-8 text: each message says what the file is and how to convert it. */
class DataReaderEncodingTest {
    private static final String IRIS_HEAD = "sepal_length,species\n5.1,setosa\n4.9,setosa\n";

    private final DataReader reader = new DataReader();

    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private void assertMessage(Path file, String message) {
        assertThatThrownBy(() -> reader.read(file, "current")).isInstanceOf(InvalidInputException.class).hasMessage(message);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void gzipIsToBeDecompressedOrPiped() throws IOException {
        Path renamed = write("data.csv", gzip(IRIS_HEAD));
        assertMessage(renamed, "File " + renamed + " is gzip-compressed, not a CSV or JSON data file. Decompress it first (gunzip -k "
                + renamed + "), or read it through a pipe: give <(zcat " + renamed + ") as the path.");
        Path gz = write("data.csv.gz", gzip(IRIS_HEAD));
        assertMessage(gz, "File " + gz + " is gzip-compressed, not a CSV or JSON data file. Decompress it first (gunzip -k " + gz
                + "), or read it through a pipe: give <(zcat " + gz + ") as the path.");
    }

    @Test
    void utf16WithAndWithoutByteOrderMarkIsToBeConverted() throws IOException {
        Path bom = write("bom.csv", IRIS_HEAD.getBytes(StandardCharsets.UTF_16));
        assertMessage(bom, "File " + bom + " is UTF-16 text (big-endian, with a byte-order mark), not a CSV or JSON data file."
                + " Convert it to UTF-8: iconv -f UTF-16 -t UTF-8 " + bom + " > " + tmp.resolve("bom-utf8.csv") + ".");
        Path le = write("le.csv", IRIS_HEAD.getBytes(StandardCharsets.UTF_16LE));
        assertMessage(le, "File " + le + " is UTF-16 text (little-endian, without a byte-order mark), not a CSV or JSON data file in"
                + " UTF-8. Convert it: iconv -f UTF-16LE -t UTF-8 " + le + " > " + tmp.resolve("le-utf8.csv") + ".");
    }

    @Test
    void latin1NamesTheLineAndColumnOfTheFirstByteThatIsNotUtf8() throws IOException {
        Path early = write("early.csv", (IRIS_HEAD + "5.0,caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        assertMessage(early, "File " + early + " is not UTF-8 text: byte 0xE9 at line 4, column 8 cannot start or continue a UTF-8"
                + " character. The file looks like Latin-1 (ISO-8859-1) text, where 0xE9 is 'é'. Convert it: iconv -f latin1"
                + " -t UTF-8 " + early + " > " + tmp.resolve("early-utf8.csv") + ".");
        StringBuilder sb = new StringBuilder(IRIS_HEAD);
        for (int i = 0; i < 20000; i++) {
            sb.append("5.0,setosa\n");
        }
        sb.append("5.0,se\u00f1ora\n");
        Path late = write("late.csv", sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertMessage(late, "File " + late + " is not UTF-8 text: byte 0xF1 at line 20004, column 7 cannot start or continue a UTF-8"
                + " character. The file looks like Latin-1 (ISO-8859-1) text, where 0xF1 is 'ñ'. Convert it: iconv -f latin1"
                + " -t UTF-8 " + late + " > " + tmp.resolve("late-utf8.csv") + ".");
    }

    @Test
    void windows1252QuotesAreNamedAsSuch() throws IOException {
        Path file = write("quotes.csv", (IRIS_HEAD + "5.0,it\u2019s\n").getBytes(Charset.forName("windows-1252")));
        assertMessage(file, "File " + file + " is not UTF-8 text: byte 0x92 at line 4, column 7 cannot start or continue a UTF-8"
                + " character. The file looks like Windows-1252 text, where 0x92 is '\u2019'. Convert it: iconv -f cp1252 -t UTF-8 "
                + file + " > " + tmp.resolve("quotes-utf8.csv") + ".");
    }

    @Test
    void binaryFilesAreNotTextDataFiles() throws IOException {
        byte[] noise = new byte[4000];
        new Random(7).nextBytes(noise);
        byte[] png = noise.clone();
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        Path image = write("image.csv", png);
        assertMessage(image, "File " + image + " is a PNG image, not a CSV or JSON data file. Check the path.");
        byte[] elf = noise.clone();
        System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F'}, 0, elf, 0, 4);
        Path program = write("assay.csv", elf);
        assertMessage(program, "File " + program + " is a program (an ELF executable or library), not a CSV or JSON data file."
                + " Check the path.");
        Path random = write("noise.csv", noise);
        int nul = 0;
        while (noise[nul] != 0) {
            nul++;
        }
        assertMessage(random, "File " + random + " holds binary data (NUL bytes, first at byte " + (nul + 1) + "), not a CSV or"
                + " JSON data file. Check the path: it should name a CSV or JSON data file.");
        byte[] patched = (IRIS_HEAD + "5.0,set\u0001\u00ff\u0002osa\n").getBytes(StandardCharsets.ISO_8859_1);
        Path damaged = write("damaged.csv", patched);
        assertMessage(damaged, "File " + damaged + " is not UTF-8 text: byte 0xFF at line 4, column 9 cannot start or continue a"
                + " UTF-8 character. Control characters next to it suggest binary or damaged data rather than text in another"
                + " encoding. Check the file: it should be a CSV or JSON data file.");
    }

    @Test
    void parquetAndSpreadsheetsUnderTheWrongNameAreNamed() throws IOException {
        Path parquet = write("data.csv", "PAR1\u0015\u0004rest".getBytes(StandardCharsets.ISO_8859_1));
        assertMessage(parquet, "File " + parquet + " is a Parquet file, not a CSV or JSON data file. Read it as Parquet: give it the"
                + " .parquet extension, or set the format to parquet.");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("xl/workbook.xml"));
            out.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        Path xlsx = write("book.xlsx", zip.toByteArray());
        assertMessage(xlsx, "File " + xlsx + " is a ZIP archive (an .xlsx workbook is one too), not a CSV or JSON data file. Extract"
                + " the file from the archive first (unzip " + xlsx + "); save a spreadsheet as CSV.");
    }
}
