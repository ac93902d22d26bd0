package dev.assay.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.drift.CsvFrames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The synthetic sample the quality goldens score ({@code synth/adult_synthetic.csv}) is exactly what the copula
 * fitted to {@code synth/adult_real.csv} with seed 7 samples with seed 7 (1,000 rows). Run with
 * {@code -Dassay.writeFixtures=true} to rewrite it after a deliberate change, then rerun
 * {@code scripts/golden/synth_golden.py}.
 */
class SyntheticFixtureTest {
    static final String REAL = "assay-core/src/test/resources/synth/adult_real.csv";
    static final Path FIXTURE = Path.of("src/test/resources/synth/adult_synthetic.csv");

    @Test
    void theCommittedSampleIsTheCopulasSample() throws IOException {
        Frame real = CsvFrames.read(REAL, r -> true, new ArrayList<>(), Integer.MAX_VALUE);
        String csv = csv(GaussianCopula.fit(real, 7).sample(1000, 7));
        if (Boolean.getBoolean("assay.writeFixtures")) {
            Files.writeString(FIXTURE, csv);
        }
        assertThat(Files.readString(FIXTURE)).isEqualTo(csv);
    }

    static String csv(Frame f) {
        StringBuilder out = new StringBuilder(String.join(",", f.columnNames())).append('\n');
        for (int i = 0; i < f.rowCount(); i++) {
            for (int j = 0; j < f.columnCount(); j++) {
                Column c = f.columns().get(j);
                String v = c.format(i);
                out.append(j > 0 ? "," : "").append(v == null ? "" : v);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
