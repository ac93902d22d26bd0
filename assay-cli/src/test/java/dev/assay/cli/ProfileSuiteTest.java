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

/** A suite whose {@code data.reference} is a profile file: drift checks compare with it, other reference checks are refused. */
class ProfileSuiteTest {
    private static final Path GERMAN = Path.of("../examples/german-credit").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path suite(Path reference, String checks) throws IOException {
        return Files.writeString(dir.resolve("suite.yaml"), """
                suite: drift gate
                data: {reference: %s, current: %s}
                columns: {label: class, features: [duration, credit_amount, age, purpose, housing]}
                checks:
                """.formatted(reference, GERMAN.resolve("test.csv")) + checks);
    }

    private Path profile() {
        Path out = dir.resolve("train.profile");
        CliRun r = CliRun.of("profile", GERMAN.resolve("train.csv").toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return out;
    }

    @Test
    void driftCheckReadsTheProfile() throws IOException {
        Path suite = suite(profile(), """
                  - type: drift
                    method: ks
                    fail: "statistic[duration] < 0.2"
                """);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        JsonNode check = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
        JsonNode table = check.get("tables").get(0);
        assertThat(table.get("rows").get(0).get(1).asText()).isEqualTo("ks from profile");
        assertThat(check.get("notes").toString()).contains("ks from profile: KLL sketch k=200")
                .contains("statistic within 0.01652 of the one on the raw reference");
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().equals("statistic") && m.path("key").asText().equals("duration")) {
                // scipy.stats.ks_2samp(train.duration, test.duration).statistic, within the KLL rank error
                assertThat(m.get("value").asDouble()).isCloseTo(0.09666666666666666, within(0.0165));
                return;
            }
        }
        throw new AssertionError("no statistic[duration] in " + check);
    }

    @Test
    void aCheckThatNeedsReferenceRowsIsRefusedWithAProfile() throws IOException {
        Path suite = suite(profile(), """
                  - type: drift
                  - type: new_categories
                """);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("train.profile is a profile, which only drift checks can compare with");
    }

    @Test
    void aCorruptProfileInASuiteIsNamed() throws IOException {
        Path bad = Files.write(dir.resolve("bad.profile"), "ASSAYPRF\0\1garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        CliRun r = CliRun.of("run", suite(bad, "  - type: drift\n").toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("data.reference").contains("bad.profile is truncated");
    }
}
