package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.resample.NumpyRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: resampling_leakage} through {@code assay run}, on Pima diabetes resampled by {@code assay resample}:
 * SMOTE before a 70/30 split fails {@code leaked_rows == 0}; SMOTE on the training part only passes.
 */
class ResamplingLeakageSuiteTest {
    private static final Path PIMA = Path.of("../assay-core/src/test/resources/integrity/pima_diabetes.csv").toAbsolutePath();
    private static final String SUITE = """
            suite: resampling leakage
            data: {current: test.csv, reference: train.csv}
            columns: {label: diabetes}
            checks:
              - type: resampling_leakage
                fail: leaked_rows == 0
            """;

    @TempDir
    Path dir;

    @Test
    void smoteBeforeTheSplitFails() throws IOException {
        List<String> lines = Files.readAllLines(resample(PIMA, "all_smote.csv"));
        split(lines, "train.csv", "test.csv");
        JsonNode check = run(1);
        assertThat(check.get("status").asText()).isEqualTo("fail");
        assertThat(ReportMeasurements.value(check, "segment_rows")).isGreaterThan(20);
        assertThat(ReportMeasurements.value(check, "leaked_rows")).isEqualTo(ReportMeasurements.value(check, "segment_rows")
                + ReportMeasurements.value(check, "duplicate_rows"));
        assertThat(check.get("tables").get(0).get("rows").get(0).get(1).asText()).startsWith("between, t=");
    }

    @Test
    void smoteOnTheTrainingPartOnlyPasses() throws IOException {
        split(Files.readAllLines(PIMA), "train_raw.csv", "test.csv");
        Files.move(resample(dir.resolve("train_raw.csv"), "train.csv"), dir.resolve("train.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JsonNode check = run(0);
        assertThat(check.get("status").asText()).isEqualTo("pass");
        assertThat(ReportMeasurements.value(check, "leaked_rows")).isZero();
    }

    private Path resample(Path data, String name) {
        Path out = dir.resolve(name);
        CliRun r = CliRun.of("resample", "--data", data.toString(), "--label", "diabetes", "--method", "smote", "--seed", "0",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return out;
    }

    /** A seeded 70/30 split of the data lines, each part with the header. */
    private void split(List<String> lines, String train, String test) throws IOException {
        int[] order = new NumpyRandom(3).permutation(lines.size() - 1);
        int cut = (int) (order.length * 0.7);
        List<String> a = new ArrayList<>(List.of(lines.get(0)));
        List<String> b = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 0; i < order.length; i++) {
            (i < cut ? a : b).add(lines.get(order[i] + 1));
        }
        Files.write(dir.resolve(train), a);
        Files.write(dir.resolve(test), b);
    }

    private JsonNode run(int exit) throws IOException {
        Path file = Files.writeString(dir.resolve("suite.yaml"), SUITE);
        CliRun run = CliRun.of("run", file.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exit);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }
}
