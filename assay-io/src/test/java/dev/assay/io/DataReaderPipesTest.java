package dev.assay.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Data from named pipes: read once through a temporary copy, named as the user gave them. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DataReaderPipesTest {
    private final DataReader reader = new DataReader();

    @TempDir
    Path tmp;

    @Test
    void aCsvPipeIsReadAndKeepsItsName() throws Exception {
        byte[] german = Files.readAllBytes(DataReaderTest.data("german_credit.csv"));
        Path fifo = Fifos.make(tmp, "german.csv");
        Fifos.write(fifo, german);
        LoadedData loaded = reader.read(fifo, "current");
        assertThat(loaded.frame().rowCount()).isEqualTo(1000);
        assertThat(loaded.frame().source()).isEqualTo(fifo.toString());
        assertThat(loaded.info().location()).isEqualTo(fifo.toString());
        assertThat(loaded.info().fingerprint()).isEqualTo(Fingerprint.of(german));
        assertThat(((CategoricalColumn) loaded.frame().column("class")).levels()).containsExactly("bad", "good");
    }

    @Test
    void aPipeWithoutAnExtensionIsReadByItsContent() throws Exception {
        Path csv = Fifos.make(tmp, "63");
        Fifos.write(csv, "y,score\n1,0.9\n0,0.2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(((NumericColumn) reader.read(csv, "current").frame().column("score")).toArray()).containsExactly(0.9, 0.2);
        Path json = Fifos.make(tmp, "64");
        Fifos.write(json, "\n{\"y\": 1, \"score\": 0.5}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(((NumericColumn) reader.read(json, "current").frame().column("score")).toArray()).containsExactly(0.5);
    }

    @Test
    void anEmptyPipeIsEmpty() throws Exception {
        Path fifo = Fifos.make(tmp, "empty.csv");
        Fifos.write(fifo, new byte[0]);
        assertThatThrownBy(() -> reader.read(fifo, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("File " + fifo + " is empty (0 bytes). Expected a header line and at least one data row. Check that the"
                        + " file was written completely.");
    }

    @Test
    void aBadValueInAPipeNamesItsLineAndTheCopyIsDeleted() throws Exception {
        Path fifo = Fifos.make(tmp, "bad.csv");
        Fifos.write(fifo, "id,amount\na,1\n\nb,oops\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> reader.read(fifo, "current", ReadOptions.defaults().withColumnType("amount",
                dev.assay.core.data.ColumnType.NUMERIC)))
                .hasMessageStartingWith("Column 'amount' in " + fifo + " is declared numeric, but line 4 (data row 2) holds 'oops'");
        Path again = Fifos.make(tmp, "again.csv");
        Fifos.write(again, "a\n1\n".getBytes(StandardCharsets.UTF_8));
        Path copy;
        try (StagedFile staged = StagedFile.of(again, "File", true)) {
            copy = staged.path();
            assertThat(copy).isNotEqualTo(again);
            assertThat(Files.readString(copy)).isEqualTo("a\n1\n");
            assertThat(staged.fingerprint()).isEqualTo(Fingerprint.of("a\n1\n".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(copy).doesNotExist();
    }

    @Test
    void rowsOfAFrameFromAPipeNameTheirLineWhenEachRowIsOneLine() throws Exception {
        Path fifo = Fifos.make(tmp, "scores.csv");
        Fifos.write(fifo, "y,s\n1,0.5\n0,0x1p-1".getBytes(StandardCharsets.UTF_8));
        Frame f = reader.read(fifo, "current").frame();
        assertThatThrownBy(() -> f.numeric("s", "score"))
                .hasMessageStartingWith("Column 's' (score) in " + fifo + " must be numeric, but row 2 (line 3) holds '0x1p-1'");
        Path blank = Fifos.make(tmp, "blank.csv");
        Fifos.write(blank, "y,s\n1,0.5\n\n0,0x1p-1\n".getBytes(StandardCharsets.UTF_8));
        Frame withBlankLine = reader.read(blank, "current").frame();
        assertThatThrownBy(() -> withBlankLine.numeric("s", "score"))
                .hasMessageStartingWith("Column 's' (score) in " + blank + " must be numeric, but row 2 holds '0x1p-1'");
    }
}
