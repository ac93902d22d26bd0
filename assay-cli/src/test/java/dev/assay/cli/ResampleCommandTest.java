package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.io.DataReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay resample} end to end: Pima diabetes and German credit through the command, the written rows against
 * imbalanced-learn 0.12.4's (the golden fixtures of {@code dev.assay.core.resample}), and bad input.
 */
class ResampleCommandTest {
    private static final Path PIMA = Path.of("../assay-core/src/test/resources/integrity/pima_diabetes.csv").toAbsolutePath();
    private static final Path GERMAN = Path.of("../examples/german-credit/german_credit.csv").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode golden(String data, String method) throws IOException {
        JsonNode all = JSON.readTree(Path.of("../assay-core/src/test/resources/golden/resample/samplers.json").toFile());
        for (JsonNode c : all.get("cases")) {
            if (c.get("data").asText().equals(data) && c.get("method").asText().equals(method) && c.get("params").path("seed").asLong(0) == 0
                    && !c.get("params").has("strategy")) {
                return c;
            }
        }
        throw new IllegalStateException(data + " " + method);
    }

    @Test
    void smoteOnPimaWritesTheInputThenImbalancedLearnsNewRowsAndPrintsTheCounts() throws IOException {
        Path out = dir.resolve("pima_smote.csv");
        CliRun r = CliRun.of("resample", "--data", PIMA.toString(), "--label", "diabetes", "--method", "smote", "--seed", "0",
                "--out", out.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("counts_before").get("neg").asInt()).isEqualTo(500);
        assertThat(j.get("counts_before").get("pos").asInt()).isEqualTo(268);
        assertThat(j.get("counts_after").get("pos").asInt()).isEqualTo(500);
        assertThat(j.get("rows_after").asInt()).isEqualTo(1000);
        List<String> input = Files.readAllLines(PIMA);
        List<String> written = Files.readAllLines(out);
        assertThat(written).hasSize(1001);
        assertThat(written.subList(0, 769)).isEqualTo(input);
        JsonNode rows = golden("pima", "smote").get("new_rows");
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = written.get(769 + i).split(",");
            for (int f = 0; f < 8; f++) {
                assertThat(Double.parseDouble(cells[f])).isCloseTo(rows.get(i).get(f).asDouble(), within(1e-9));
            }
            assertThat(cells[8]).isEqualTo("pos");
        }
    }

    @Test
    void smotencOnGermanCreditChoosesImbalancedLearnsCategories() throws IOException {
        Path out = dir.resolve("german.csv");
        CliRun r = CliRun.of("resample", "--data", GERMAN.toString(), "--label", "class", "--method", "smotenc", "--seed", "0",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("smotenc: 1000 rows -> 1400 rows (1000 kept, 400 new)").contains("bad");
        List<String> written = Files.readAllLines(out);
        JsonNode rows = golden("german", "smotenc").get("new_rows");
        assertThat(written).hasSize(1401);
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = written.get(1001 + i).split(",", -1);
            for (int f = 0; f < 20; f++) {
                JsonNode e = rows.get(i).get(f);
                if (e.isTextual()) {
                    assertThat(cells[f]).isEqualTo(e.asText());
                } else {
                    assertThat(Double.parseDouble(cells[f])).isCloseTo(e.asDouble(), within(1e-9 * (1 + Math.abs(e.asDouble()))));
                }
            }
        }
    }

    @Test
    void nearMissToParquetKeepsTheColumnTypesAndImbalancedLearnsRows() throws IOException {
        Path out = dir.resolve("pima_nm.parquet");
        CliRun r = CliRun.of("resample", "--data", PIMA.toString(), "--label", "diabetes", "--method", "nearmiss", "--version", "2",
                "--seed", "1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Frame f = new DataReader().read(out, "out").frame();
        assertThat(f.rowCount()).isEqualTo(536);
        assertThat(f.columnNames()).containsExactly("pregnant", "glucose", "pressure", "triceps", "insulin", "mass", "pedigree",
                "age", "diabetes");
        JsonNode kept = null;
        JsonNode all = JSON.readTree(Path.of("../assay-core/src/test/resources/golden/resample/samplers.json").toFile());
        for (JsonNode c : all.get("cases")) {
            if (c.get("data").asText().equals("pima") && c.get("method").asText().equals("nearmiss")
                    && c.get("params").get("version").asInt() == 2) {
                kept = c.get("kept");
            }
        }
        Frame in = new DataReader().read(PIMA, "in").frame();
        NumericColumn glucoseIn = (NumericColumn) in.column("glucose");
        NumericColumn glucoseOut = (NumericColumn) f.column("glucose");
        for (int i = 0; i < kept.size(); i++) {
            assertThat(glucoseOut.get(i)).isEqualTo(glucoseIn.get(kept.get(i).asInt()));
        }
    }

    @Test
    void badInputIsNamedWithTheFixAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("never.csv");
        Path one = write("one.csv", "x,y\n1,a\n2,a\n3,a\n");
        Path small = write("small.csv", "x,y\n1,a\n2,a\n3,a\n4,a\n5,a\n6,a\n7,b\n8,b\n9,b\n");
        Path nan = write("nan.csv", "x,y\n1,a\n2,a\nNaN,a\n4,b\n5,b\n");
        Path cat = write("cat.csv", "x,c,y\n1,u,a\n2,v,a\n3,u,b\n");
        expect(new String[] {"--data", one.toString(), "--label", "y", "--method", "smote"}, "single class ('a')");
        expect(new String[] {"--data", small.toString(), "--label", "y", "--method", "smote"},
                "Class 'b' has 3 rows; SMOTE with k=5 needs at least 6 (k + 1). Lower k to at most 2");
        expect(new String[] {"--data", nan.toString(), "--label", "y", "--method", "tomek"}, "row 3 (line 4), column 'x': the value is missing");
        expect(new String[] {"--data", cat.toString(), "--label", "y", "--method", "adasyn"}, "column 'c' is categorical");
        expect(new String[] {"--data", cat.toString(), "--label", "yy", "--method", "smote"}, "'yy'");
        expect(new String[] {"--data", cat.toString(), "--label", "y", "--method", "smite"}, "smote");
        expect(new String[] {"--data", small.toString(), "--label", "y", "--method", "smote", "--strategy", "2"}, "ratio in (0, 1]");
        expect(new String[] {"--data", small.toString(), "--label", "y", "--method", "nearmiss", "--version", "4"}, "1, 2 or 3");
        assertThat(Files.exists(out)).isFalse();
        CliRun ok = CliRun.of("resample", "--data", small.toString(), "--label", "y", "--method", "smote", "--k", "2", "--seed", "0",
                "--out", out.toString(), "--format", "json");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(JSON.readTree(ok.out()).get("counts_after").get("b").asInt()).isEqualTo(6);
    }

    private void expect(String[] args, String message) {
        String[] all = new String[args.length + 5];
        all[0] = "resample";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--seed";
        all[args.length + 2] = "0";
        all[args.length + 3] = "--out";
        all[args.length + 4] = dir.resolve("never.csv").toString();
        CliRun r = CliRun.of(all);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
