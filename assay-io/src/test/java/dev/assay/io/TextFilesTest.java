package dev.assay.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.io.suite.SuitePlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
    private static final String SUITE = """
            suite: From a pipe
            data: {current: test.csv}
            columns: {label: class, score: proba_bad}
            checks:
              - metric: roc_auc
            """;

    @TempDir
    Path tmp;

    @Test
    void readsUtf8TextWithoutTheByteOrderMark() throws IOException {
        Path file = tmp.resolve("s.yaml");
        Files.write(file, ("\uFEFFsuite: café\n").getBytes(StandardCharsets.UTF_8));
        assertThat(TextFiles.read(file, "Suite file", 100)).isEqualTo("suite: café\n");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsANamedPipe() throws Exception {
        Path fifo = Fifos.make(tmp, "suite.yaml");
        Fifos.write(fifo, "suite: piped\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TextFiles.read(fifo, "Suite file", 100)).isEqualTo("suite: piped\n");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void suiteFileFromANamedPipeIsParsed() throws Exception {
        Path fifo = Fifos.make(tmp, "gate.yaml");
        Fifos.write(fifo, SUITE.getBytes(StandardCharsets.UTF_8));
        assertThat(SuitePlan.fromFile(fifo).suite().name()).isEqualTo("From a pipe");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aNamedPipeNobodyWritesToIsGivenUpAndReleased() throws Exception {
        Path fifo = Fifos.make(tmp, "silent.yaml");
        assertThatThrownBy(() -> FileInput.open(fifo, "Suite file", Duration.ofMillis(300)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Suite file " + fifo + " is a named pipe, and nothing opened it for writing within 300 ms. Start the program"
                        + " that writes to it first (e.g. cat SOURCE > " + fifo + " in another shell), or give a regular file.");
        Fifos.write(fifo, "again\n".getBytes(StandardCharsets.UTF_8));
        try (InputStream in = FileInput.open(fifo, "Suite file", Duration.ofSeconds(5))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("again\n");
        }
    }

    @Test
    void aFileLargerThanTheCapIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("big.yaml"), "x".repeat(2000));
        assertThatThrownBy(() -> TextFiles.read(file, "Suite file", 1000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Suite file " + file + " has 2,000 bytes, more than the 1,000 bytes a suite file may have. Check the path:"
                        + " it should name the suite file itself, not a data file.");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPipeLargerThanTheCapIsRefused() throws Exception {
        Path fifo = Fifos.make(tmp, "endless.yaml");
        Fifos.write(fifo, new byte[5000]);
        assertThatThrownBy(() -> TextFiles.read(fifo, "Suite file", 1000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Suite file " + fifo + " has more than the 1,000 bytes a suite file may have.");
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() {
        Path missing = tmp.resolve("none.yaml");
        assertThatThrownBy(() -> TextFiles.read(missing, "Suite file", 100))
                .hasMessageStartingWith("Suite file not found: " + missing + " (absolute path " + missing + ", working directory ");
        assertThatThrownBy(() -> TextFiles.read(tmp, "Suite file", 100))
                .hasMessage("Suite file " + tmp + " is a directory, not a file (absolute path " + tmp + "). Give the path of the file"
                        + " itself.");
    }

    @Test
    void permissionDeniedSaysSo() {
        Path file = Path.of("secret.yaml");
        assertThat(FileChecks.cannotRead(file, "Suite file", new AccessDeniedException(file.toString())))
                .hasMessage("Suite file secret.yaml cannot be read: permission denied (absolute path "
                        + file.toAbsolutePath() + "). Give your user read permission (e.g. chmod a+r secret.yaml), or run as a user"
                        + " who may read it.");
    }

    @Test
    void latin1AndCompressedSuitesAreExplained() throws IOException {
        Path latin1 = tmp.resolve("latin.yaml");
        Files.write(latin1, "suite: x\ndescription: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TextFiles.read(latin1, "Suite file", 1000))
                .hasMessage("Suite file " + latin1 + " is not UTF-8 text: byte 0xE9 at line 2, column 17 cannot start or continue a"
                        + " UTF-8 character. The file looks like Latin-1 (ISO-8859-1) text, where 0xE9 is 'é'. Convert it: iconv -f"
                        + " latin1 -t UTF-8 " + latin1 + " > " + tmp.resolve("latin-utf8.yaml") + ".");
        Path gz = tmp.resolve("suite.yaml.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(SUITE.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());
        assertThatThrownBy(() -> TextFiles.read(gz, "Suite file", 1000))
                .hasMessage("Suite file " + gz + " is gzip-compressed, not a UTF-8 text file. Decompress it first (gunzip -k " + gz
                        + "), or read it through a pipe: give <(zcat " + gz + ") as the path.");
    }
}
