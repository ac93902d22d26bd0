package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.Frame;
import dev.assay.core.model.ClassPredictions;
import dev.assay.io.DataReader;
import dev.assay.models.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: weak_segments} in suites on Adult with the example random forest (adult_forest.onnx):
 * run by the suite, and with its predictions stored after a weakness was planted in them.
 */
class WeakSegmentsSuiteTest {
    private static final Path ADULT = Path.of("../examples/models/adult.csv").toAbsolutePath().normalize();
    private static final Path FOREST = Path.of("../examples/models/adult_forest.onnx").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private JsonNode run(String head, String checks, int expectedExit) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: weak segments\n" + head + """
                evaluation: {task: binary, positive: ">50K"}
                checks:
                """ + checks);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    private static double measured(JsonNode check, String name) {
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().equals(name)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no measurement " + name + " in " + check);
    }

    @Test
    void theRealModelsWeakSegmentsWarn() throws IOException {
        JsonNode check = run("data: {current: " + ADULT + "}\nmodel: " + FOREST + "\ncolumns: {label: income-per-year}\n", """
                  - type: weak_segments
                    metric: recall
                    columns: [education, sex, race, age]
                    max_segments: 5
                    warn: segments == 0
                """, 0);
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(measured(check, "segments")).isPositive();
        assertThat(measured(check, "worst_gap")).isBetween(0.0, 1.0).isPositive();
        assertThat(measured(check, "tried")).isGreaterThan(100);
        JsonNode rows = check.get("tables").get(0).get("rows");
        assertThat(rows.size()).isBetween(1, 5);
        for (JsonNode row : rows) {
            assertThat(row.get(3).asDouble()).as(row.toString()).isLessThan(row.get(4).asDouble());
            assertThat(row.get(9).asDouble()).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void aWeaknessPlantedInTheForestsPredictionsIsReportedFirst() throws IOException {
        Frame adult = new DataReader().read(ADULT, "current").frame();
        ClassPredictions p;
        try (OnnxModel model = OnnxModel.load(FOREST)) {
            p = (ClassPredictions) model.predict(adult);
        }
        List<String> lines = Files.readAllLines(ADULT);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",predicted");
        Random random = new Random(11);
        int flipped = 0;
        for (int i = 0; i < adult.rowCount(); i++) {
            String predicted = p.classes().get(p.predicted()[i]);
            String truth = adult.column("income-per-year").format(i);
            if ("HS-grad".equals(adult.column("education").format(i)) && predicted.equals(truth) && random.nextDouble() < 0.4) {
                predicted = predicted.equals(">50K") ? "<=50K" : ">50K";
                flipped++;
            }
            out.add(lines.get(i + 1) + "," + predicted);
        }
        assertThat(flipped).isGreaterThan(3000);
        Files.write(dir.resolve("planted.csv"), out);
        JsonNode check = run("data: {current: planted.csv}\ncolumns: {label: income-per-year, prediction: predicted}\n", """
                  - type: weak_segments
                    warn: segments == 0
                """, 0);
        JsonNode first = check.get("tables").get(0).get("rows").get(0);
        assertThat(first.get(0).asText()).isEqualTo("education = HS-grad");
        assertThat(first.get(1).asInt()).isEqualTo(10501);
        assertThat(check.get("notes").toString()).contains("Positive class '>50K'");
    }

    @Test
    void badSettingsNameTheKeyAndExitWithTwo() throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: bad\ndata: {current: " + ADULT + "}\nmodel: " + FOREST
                + "\ncolumns: {label: income-per-year}\nchecks:\n  - type: weak_segments\n    fdr: 5\n");
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("suite.yaml").contains("fdr").contains("between 0 and 1").doesNotContain("Exception");
    }
}
