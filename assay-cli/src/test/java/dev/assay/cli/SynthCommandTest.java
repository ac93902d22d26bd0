package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.io.DataReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay synth} on the German credit data: the written file, the JSON report, HTML, and bad input. */
class SynthCommandTest {
    private static final Path GERMAN = Path.of("../examples/german-credit").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesTheSameColumnsAndTypesAndReportsQualityAsJson() throws IOException {
        Path out = dir.resolve("synthetic.csv");
        CliRun r = CliRun.of("synth", "--data", train(), "--rows", "500", "--seed", "3", "--out", out.toString(), "--holdout",
                GERMAN.resolve("test.csv").toString(), "--label", "class", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Frame real = read(Path.of(train()));
        Frame synthetic = read(out);
        assertThat(synthetic.rowCount()).isEqualTo(500);
        assertThat(synthetic.columnNames()).isEqualTo(real.columnNames());
        for (Column c : real.columns()) {
            assertThat(synthetic.column(c.name()).type()).as(c.name()).isEqualTo(c.type());
        }
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("ks_complement").has("duration")).isTrue();
        assertThat(json.get("ks_complement").get("duration").asDouble()).isBetween(0.8, 1.0);
        assertThat(json.get("tv_complement").get("purpose").asDouble()).isBetween(0.8, 1.0);
        assertThat(json.get("correlation_similarity").asDouble()).isBetween(0.8, 1.0);
        assertThat(json.get("new_row_synthesis").asDouble()).isEqualTo(1.0);
        assertThat(json.get("dcr").get("rows_compared").asInt()).isEqualTo(500);
        assertThat(json.get("dcr").get("baseline_protection").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("dcr").get("overfitting_protection").asDouble()).isBetween(0.0, 1.0);
        JsonNode duration = json.get("columns").get("duration");
        assertThat(duration.get("marginal").asText()).isIn("normal", "gamma", "beta", "gaussian_kde", "empirical");
        assertThat(duration.get("ks_statistic").has(duration.get("marginal").asText())).isTrue();
        assertThat(duration.get("integer").asBoolean()).isTrue();
        assertThat(json.get("columns").get("purpose").get("type").asText()).isEqualTo("categorical");
        JsonNode utility = json.get("utility");
        assertThat(utility.get("positive_class").asText()).isEqualTo("good");
        assertThat(utility.get("train_on_real").get("roc_auc").asDouble()).isBetween(0.6, 1.0);
        assertThat(utility.get("train_on_synthetic").get("roc_auc").asDouble()).isBetween(0.5, 1.0);
        assertThat(utility.get("train_on_synthetic").get("accuracy").asDouble()).isBetween(0.0, 1.0);
        // whole-number columns stay whole
        for (double v : ((NumericColumn) synthetic.column("duration")).toArray()) {
            assertThat(v).isEqualTo(Math.rint(v));
        }
    }

    @Test
    void sameSeedWritesTheSameBytesAndParquetKeepsTypes() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path p = dir.resolve("c.parquet");
        assertThat(CliRun.of("synth", "--data", train(), "--rows", "200", "--seed", "9", "--out", a.toString()).exitCode()).isZero();
        assertThat(CliRun.of("synth", "--data", train(), "--rows", "200", "--seed", "9", "--out", b.toString()).exitCode()).isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        CliRun r = CliRun.of("synth", "--data", train(), "--rows", "200", "--seed", "9", "--out", p.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Frame fromParquet = read(p);
        Frame fromCsv = read(a);
        assertThat(fromParquet.columnNames()).isEqualTo(fromCsv.columnNames());
        for (Column c : fromCsv.columns()) {
            assertThat(fromParquet.column(c.name())).as(c.name()).isEqualTo(c);
        }
        assertThat(r.out()).contains("Marginals of the numeric columns").contains("KSComplement").contains("DCR");
    }

    @Test
    void conditionsHoldInEveryWrittenRow() throws IOException {
        Path out = dir.resolve("cond.csv");
        CliRun r = CliRun.of("synth", "--data", train(), "--rows", "100", "--seed", "1", "--out", out.toString(), "--condition",
                "housing=rent", "--condition", "age=30", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Frame s = read(out);
        for (int i = 0; i < s.rowCount(); i++) {
            assertThat(s.column("housing").format(i)).isEqualTo("rent");
            assertThat(((NumericColumn) s.column("age")).get(i)).isEqualTo(30.0);
        }
        assertThat(JSON.readTree(r.out()).get("conditions").get("housing").asText()).isEqualTo("rent");
    }

    @Test
    void htmlShowsRealAgainstSyntheticDistributions() throws IOException {
        Path page = dir.resolve("synth.html");
        CliRun r = CliRun.of("synth", "--data", train(), "--rows", "300", "--seed", "2", "--out", dir.resolve("s.csv").toString(),
                "--format", "html", "--output", page.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Real and synthetic distributions").contains("<svg")
                .contains("credit_amount").contains("Marginals").doesNotContain("NaN");
    }

    @Test
    void badInputExitsTwoWithTheFixAndWritesNothing() {
        Path out = dir.resolve("never.csv");
        CliRun ext = CliRun.of("synth", "--data", train(), "--rows", "10", "--seed", "1", "--out", dir.resolve("x.xlsx").toString());
        assertThat(ext.exitCode()).isEqualTo(2);
        assertThat(ext.err()).contains(".csv or .parquet").doesNotContain("Exception");
        CliRun column = CliRun.of("synth", "--data", train(), "--rows", "10", "--seed", "1", "--out", out.toString(),
                "--condition", "colour=red");
        assertThat(column.exitCode()).isEqualTo(2);
        assertThat(column.err()).contains("'colour'").contains("duration");
        CliRun category = CliRun.of("synth", "--data", train(), "--rows", "10", "--seed", "1", "--out", out.toString(),
                "--condition", "housing=castle");
        assertThat(category.exitCode()).isEqualTo(2);
        assertThat(category.err()).contains("castle").contains("rent");
        CliRun label = CliRun.of("synth", "--data", train(), "--rows", "10", "--seed", "1", "--out", out.toString(), "--label",
                "class");
        assertThat(label.exitCode()).isEqualTo(2);
        assertThat(label.err()).contains("--holdout");
        CliRun rows = CliRun.of("synth", "--data", train(), "--rows", "0", "--seed", "1", "--out", out.toString());
        assertThat(rows.exitCode()).isEqualTo(2);
        assertThat(rows.err()).contains("--rows");
        CliRun missing = CliRun.of("synth", "--data", dir.resolve("absent.csv").toString(), "--rows", "5", "--seed", "1", "--out",
                out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void emptyAndAllMissingDataAreRefusedByColumn() throws IOException {
        Path header = Files.writeString(dir.resolve("header.csv"), "a,b\n");
        CliRun empty = CliRun.of("synth", "--data", header.toString(), "--rows", "5", "--seed", "1", "--out",
                dir.resolve("o.csv").toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).doesNotContain("Exception");
        Path blank = Files.writeString(dir.resolve("blank.csv"), "a,b\n1,\n2,\n3,\n");
        CliRun allMissing = CliRun.of("synth", "--data", blank.toString(), "--rows", "5", "--seed", "1", "--out",
                dir.resolve("o.csv").toString());
        assertThat(allMissing.exitCode()).isEqualTo(2);
        assertThat(allMissing.err()).contains("'b'").doesNotContain("Exception");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }

    private static String train() {
        return GERMAN.resolve("train.csv").toString();
    }

    private static Frame read(Path file) {
        return new DataReader().read(file, "data").frame();
    }
}
