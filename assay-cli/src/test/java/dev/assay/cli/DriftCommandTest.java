package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay drift} on the German credit training vs held-out rows, and on bad input: the JSON
 * shape, values against SciPy ({@code golden/drift.json} of assay-core, copied here as literals) and
 * messages for columns that cannot be compared.
 */
class DriftCommandTest {
    private static final Path GERMAN = Path.of("../examples/german-credit").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void germanCreditTrainAgainstTestAsJson() throws IOException {
        CliRun r = CliRun.of("drift", "--reference", GERMAN.resolve("train.csv").toString(), "--current",
                GERMAN.resolve("test.csv").toString(), "--columns", "duration,credit_amount,age,purpose,housing",
                "--method", "ks", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out());
        JsonNode duration = out.get("columns").get("duration");
        assertThat(duration.get("method").asText()).isEqualTo("ks");
        // scipy.stats.ks_2samp(train.duration, test.duration): exact path, 700 vs 300 rows
        assertThat(duration.get("p_value").asDouble()).isCloseTo(0.037086655440306454, within(1e-12));
        assertThat(duration.get("p_value_method").asText()).isEqualTo("exact");
        assertThat(duration.get("threshold").asDouble()).isEqualTo(0.05);
        assertThat(duration.get("drift").isBoolean()).isTrue();
        JsonNode purpose = out.get("columns").get("purpose");
        assertThat(purpose.get("method").asText()).isEqualTo("chi2");
        assertThat(purpose.get("p_value").asDouble()).isCloseTo(0.46225174084988774, within(1e-12));
        // adjusted: duration 0.037 and credit_amount 0.0031 among five p-values
        assertThat(out.get("columns").get("credit_amount").get("adjusted_p_value").asDouble())
                .isCloseTo(0.0030788185995636345 * 5, within(1e-12));
        assertThat(duration.get("adjusted_p_value").asDouble()).isCloseTo(0.037086655440306454 * 5 / 2, within(1e-12));
        JsonNode dataset = out.get("dataset");
        assertThat(dataset.get("drifted_columns").asInt()).isEqualTo(1);
        assertThat(dataset.get("drift_share").asDouble()).isCloseTo(0.2, within(1e-15));
        assertThat(dataset.get("drift").asBoolean()).isFalse();
        assertThat(dataset.get("verdict").asText()).isEqualTo("No dataset drift");
    }

    @Test
    void distancesHaveNoPValueAndColumnThresholdsApply() throws IOException {
        CliRun r = CliRun.of("drift", "--reference", GERMAN.resolve("train.csv").toString(), "--current",
                GERMAN.resolve("test.csv").toString(), "--columns", "duration,age", "--method", "wasserstein",
                "--column-threshold", "age=0.001", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out());
        JsonNode age = out.get("columns").get("age");
        assertThat(age.has("p_value")).isFalse();
        assertThat(age.get("threshold").asDouble()).isEqualTo(0.001);
        assertThat(age.get("drift").asBoolean()).isTrue();
        assertThat(out.get("columns").get("duration").get("threshold").asDouble()).isEqualTo(0.1);
    }

    @Test
    void badColumnsAreNamedAndTheOthersStillChecked() throws IOException {
        List<String> lines = Files.readAllLines(GERMAN.resolve("test.csv"));
        String header = lines.get(0);
        int duration = List.of(header.split(",")).indexOf("duration");
        String broken = lines.stream().skip(1).map(l -> {
            String[] cells = l.split(",", -1);
            cells[duration] = "n/a";
            return String.join(",", cells);
        }).collect(Collectors.joining("\n"));
        Path current = Files.writeString(dir.resolve("current.csv"), header + "\n" + broken + "\n");
        CliRun r = CliRun.of("drift", "--reference", GERMAN.resolve("train.csv").toString(), "--current", current.toString(),
                "--columns", "duration,age,salary", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.get("columns").has("age")).isTrue();
        assertThat(out.get("not_checked").get("duration").asText())
                .contains("holds numbers in train.csv but text in current.csv (e.g. 'n/a')");
        assertThat(out.get("not_checked").get("salary").asText()).contains("neither train.csv nor current.csv");
    }

    @Test
    void noComparableColumnOrNoRowsIsAnInputError() throws IOException {
        CliRun r = CliRun.of("drift", "--reference", GERMAN.resolve("train.csv").toString(), "--current",
                GERMAN.resolve("test.csv").toString(), "--columns", "salary");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("No column could be compared").contains("'salary'");
        Path empty = Files.writeString(dir.resolve("empty.csv"), Files.readAllLines(GERMAN.resolve("test.csv")).get(0) + "\n");
        CliRun e = CliRun.of("drift", "--reference", empty.toString(), "--current", GERMAN.resolve("test.csv").toString());
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.err()).contains("empty.csv").contains("no data rows");
        CliRun m = CliRun.of("drift", "--reference", GERMAN.resolve("train.csv").toString(), "--current",
                GERMAN.resolve("test.csv").toString(), "--method", "t-test");
        assertThat(m.exitCode()).isEqualTo(2);
        assertThat(m.err()).contains("--method").contains("jensen_shannon");
    }
}
