package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.NumericProfile;
import dev.assay.core.profile.ProfileFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay profile} and {@code assay drift --reference PROFILE} on the German credit data, and bad profiles. */
class ProfileCommandTest {
    private static final Path GERMAN = Path.of("../examples/german-credit").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path profile(String... data) {
        Path out = dir.resolve("ref.profile");
        String[] args = new String[data.length + 3];
        args[0] = "profile";
        for (int i = 0; i < data.length; i++) {
            args[i + 1] = GERMAN.resolve(data[i]).toString();
        }
        args[data.length + 1] = "--out";
        args[data.length + 2] = out.toString();
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("written to " + out).contains("credit_amount");
        return out;
    }

    @Test
    void profileOfTwoFilesHasTheRowsOfBoth() {
        DatasetProfile p = ProfileFile.read(profile("train.csv", "test.csv"));
        assertThat(p.rows()).isEqualTo(1000);
        assertThat(p.sources()).containsExactly("train.csv", "test.csv");
        assertThat(((NumericProfile) p.column("age")).count()).isEqualTo(1000);
    }

    @Test
    void driftAgainstAProfileNamesTheBasisAndStaysWithinTheBound() throws IOException {
        Path ref = profile("train.csv");
        CliRun r = CliRun.of("drift", "--reference", ref.toString(), "--current", GERMAN.resolve("test.csv").toString(),
                "--columns", "duration,credit_amount,purpose", "--method", "ks", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode duration = JSON.readTree(r.out()).get("columns").get("duration");
        assertThat(duration.get("method").asText()).isEqualTo("ks from profile");
        assertThat(duration.get("basis").asText()).contains("KLL sketch k=200");
        double bound = duration.get("error_bound").asDouble();
        assertThat(bound).isCloseTo(0.0165, within(5e-4));
        // scipy.stats.ks_2samp(train.duration, test.duration).statistic on the raw data
        assertThat(duration.get("statistic").asDouble()).isCloseTo(0.09666666666666666, within(bound));
        JsonNode purpose = JSON.readTree(r.out()).get("columns").get("purpose");
        assertThat(purpose.get("method").asText()).isEqualTo("chi2 from profile");
        assertThat(purpose.get("p_value").asDouble()).isCloseTo(0.46225174084988774, within(1e-12));
        CliRun text = CliRun.of("drift", "--reference", ref.toString(), "--current", GERMAN.resolve("test.csv").toString(),
                "--columns", "duration", "--method", "ks");
        assertThat(text.out()).contains("ks from profile").contains("note: ks from profile = KLL sketch k=200");
    }

    @Test
    void badProfilesAreInputErrors() throws IOException {
        Path ref = profile("train.csv");
        byte[] bytes = Files.readAllBytes(ref);
        Path cut = dir.resolve("cut.profile");
        Files.write(cut, Arrays.copyOf(bytes, 100));
        CliRun r = CliRun.of("drift", "--reference", cut.toString(), "--current", GERMAN.resolve("test.csv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("The profile " + cut + " is truncated").doesNotContain("Exception");

        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "duration,color\nshort,red\nlong,blue\n");
        CliRun schema = CliRun.of("drift", "--reference", ref.toString(), "--current", csv.toString(), "--columns", "duration,color");
        assertThat(schema.exitCode()).isEqualTo(2);
        assertThat(schema.err()).contains("was built with a different schema")
                .contains("column 'duration' is numeric in the profile ref.profile but text in other.csv")
                .contains("column 'color' is in other.csv but not in the profile ref.profile");

        CliRun unknown = CliRun.of("profile", GERMAN.resolve("train.csv").toString(), "--out", dir.resolve("x.profile").toString(),
                "--columns", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Column 'nope' is not in train.csv");
    }
}
