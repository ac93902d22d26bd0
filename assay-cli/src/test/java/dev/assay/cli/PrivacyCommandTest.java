package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay privacy} on the Adult census extract; expected values from pandas
 * (assay-core golden/anonymity/anonymity.json, case adult_income_education_num, copied here as literals).
 */
class PrivacyCommandTest {
    private static final String ADULT = "../examples/models/adult.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void adultAsJson() throws IOException {
        CliRun r = CliRun.of("privacy", "--data", ADULT, "--quasi-identifiers", "sex,race,income-per-year", "--sensitive", "education-num",
                "--k", "20", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.get("k_anonymity").asInt()).isEqualTo(6);
        assertThat(out.get("equivalence_classes").asInt()).isEqualTo(20);
        assertThat(out.get("rows_below_k").asInt()).isEqualTo(37);
        assertThat(out.get("l_diversity").get("distinct").asInt()).isEqualTo(4);
        assertThat(out.get("l_diversity").get("entropy").asDouble()).isCloseTo(3.464101615137754, within(1e-9));
        assertThat(out.get("l_diversity").get("recursive").get("l").asInt()).isEqualTo(3);
        assertThat(out.get("t_closeness").get("equal").asDouble()).isCloseTo(0.5831874532927941, within(1e-9));
        assertThat(out.get("t_closeness").get("ordered").asDouble()).isCloseTo(0.1670290633989538, within(1e-9));
        assertThat(out.get("breaking_combinations").toString()).isEqualTo("[[\"sex\",\"race\",\"income-per-year\"]]");
        CliRun text = CliRun.of("privacy", "--data", ADULT, "--quasi-identifiers", "sex,race,income-per-year", "--sensitive", "occupation",
                "--k", "20");
        assertThat(text.out()).contains("k-anonymity     6 (20 equivalence classes); 37 rows (0.1%) are in classes smaller than 20")
                .contains("sex + race + income-per-year").doesNotContain("ordered");
    }

    @Test
    void badInputNamesTheFix() throws IOException {
        CliRun numeric = CliRun.of("privacy", "--data", ADULT, "--quasi-identifiers", "sex,fnlwgt");
        assertThat(numeric.exitCode()).isEqualTo(2);
        assertThat(numeric.err()).contains("'fnlwgt' is numeric with").contains("Bin it");
        CliRun unknown = CliRun.of("privacy", "--data", ADULT, "--quasi-identifiers", "sex,zip");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("zip");
        CliRun missing = CliRun.of("privacy", "--quasi-identifiers", "sex");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("needs --data FILE");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "sex,age\n");
        CliRun none = CliRun.of("privacy", "--data", empty.toString(), "--quasi-identifiers", "sex");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no data rows");
        CliRun k = CliRun.of("privacy", "--data", ADULT, "--quasi-identifiers", "sex", "--k", "0");
        assertThat(k.err()).contains("k must be a whole number of at least 1");
    }
}
