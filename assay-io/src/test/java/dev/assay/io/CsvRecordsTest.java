package dev.assay.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordsTest {
    @TempDir
    Path tmp;

    @Test
    void recordsFollowQuotesAndCountPhysicalLines() throws IOException {
        Path file = tmp.resolve("q.csv");
        Files.writeString(file, "\uFEFFa,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\nlast,\n");
        try (CsvRecords records = new CsvRecords(file, ',')) {
            assertThat(records.next()).containsExactly("a", "b");
            assertThat(records.recordLine()).isEqualTo(1);
            assertThat(records.next()).containsExactly("x,1", "say \"hi\"");
            assertThat(records.recordLine()).isEqualTo(2);
            assertThat(records.next()).containsExactly("two\nlines", "z");
            assertThat(records.recordLine()).isEqualTo(4);
            assertThat(records.next()).containsExactly("last", "");
            assertThat(records.recordLine()).isEqualTo(6);
            assertThat(records.next()).isNull();
        }
    }

    @Test
    void delimiterGuessCountsOnlyOutsideQuotes() {
        assertThat(CsvRecords.guessDelimiter("a;b;\"c,d,e\"")).isEqualTo(';');
        assertThat(CsvRecords.guessDelimiter("a\tb\tc")).isEqualTo('\t');
        assertThat(CsvRecords.guessDelimiter("a|b")).isEqualTo('|');
        assertThat(CsvRecords.guessDelimiter("single")).isEqualTo(',');
    }
}
