package dev.assay.server;

import static dev.assay.server.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.profile.NumericProfile;
import dev.assay.core.profile.ProfileFile;
import dev.assay.core.profile.Profiler;
import dev.assay.io.DataReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.datasketches.kll.KllSketch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference sent as an Assay profile ({@code assay profile}'s binary format) against the same reference sent as
 * CSV, on german-credit: held-out rows and a drifted subpopulation (age 50 and over) posted to one model of each.
 */
class ProfileReferenceTest {
    private static final String MODEL = "{\"window\": \"P1D\", \"positive\": \"bad\"}";
    @TempDir
    Path dir;
    AssayServer server;
    ApiClient api;

    @BeforeEach
    void start() throws Exception {
        server = AssayServer.start(new ServerSettings("127.0.0.1", 0, dir, null, 1024 * 1024, AssayServerTest.ADMIN));
        api = new ApiClient(() -> server.port(), AssayServerTest.ADMIN);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aProfileReferenceFlagsTheSameDriftAsItsCsvAndSaysWhyThereAreNoEstimates() throws Exception {
        CreditStream train = CreditStream.read("train.csv", r -> true);
        byte[] profile = profileOf(train.referenceCsv());
        api.ok(201, "PUT", "/api/v1/models/by-csv", "application/json", MODEL);
        api.ok(201, "PUT", "/api/v1/models/by-profile", "application/json", MODEL);
        JsonNode csv = api.ok(200, "PUT", "/api/v1/models/by-csv/reference", "text/csv", train.referenceCsv());
        assertThat(csv.get("estimates").asBoolean()).isTrue();
        JsonNode put = JSON(api.send("PUT", "/api/v1/models/by-profile/reference", ReferenceBody.PROFILE_TYPE, profile).body());
        assertThat(put.get("format").asText()).isEqualTo("profile");
        assertThat(put.get("rows").asLong()).isEqualTo(train.rows.size());
        assertThat(put.get("drift").asBoolean()).isTrue();
        assertThat(put.get("estimates").asBoolean()).isFalse();
        assertThat(put.get("estimates_absent").asText()).contains("Assay profile").contains("labels");

        CreditStream test = CreditStream.read("test.csv", r -> true);
        CreditStream older = CreditStream.read("german_credit.csv", r -> Integer.parseInt(r.get("age")) >= 50);
        for (String model : new String[] {"by-csv", "by-profile"}) {
            String path = "/api/v1/models/" + model + "/predictions";
            api.ok(200, "POST", path, "application/json", test.predictions("t", "2026-11-28", 0, test.rows.size()));
            api.ok(200, "POST", path, "application/json", older.predictions("old", "2026-11-29", 0, older.rows.size()));
        }
        JsonNode byCsv = api.summary("by-csv");
        JsonNode byProfile = api.summary("by-profile");
        assertThat(byProfile.get("reference_format").asText()).isEqualTo("profile");
        assertThat(byProfile.get("estimates_absent").asText()).contains("Assay profile");
        assertThat(byCsv.has("estimates_absent")).isFalse();
        // both references are sketched by the same profiler; the KS statistics of one column may differ by the two
        // reference sketches' normalised rank error (KLL k = 200: 1.65% each at 99%), far below what a flag turns on
        double rankError = 2 * KllSketch.getNormalizedRankError(NumericProfile.K, true);
        for (int w = 0; w < 2; w++) {
            JsonNode a = byCsv.get("windows").get(w);
            JsonNode b = byProfile.get("windows").get(w);
            assertThat(b.get("estimated").isNull()).isTrue();
            assertThat(a.get("estimated").isNull()).isFalse();
            Map<String, Boolean> flagsA = flags(a);
            Map<String, Boolean> flagsB = flags(b);
            // the predicted class has no drift against a profile (it does not pair scores with classes)
            assertThat(flagsA.remove("prediction")).isNotNull();
            assertThat(flagsB.remove("prediction")).isFalse();
            assertThat(column(b, "prediction").get("p_value").isNull()).isTrue();
            assertThat(flagsB).isEqualTo(flagsA);
            for (JsonNode d : a.get("drift")) {
                if (d.get("test").asText().equals("ks")) {
                    JsonNode e = column(b, d.get("column").asText());
                    assertThat(e.get("statistic").asDouble()).as(d.get("column").asText())
                            .isCloseTo(d.get("statistic").asDouble(), org.assertj.core.data.Offset.offset(rankError));
                }
            }
        }
        Map<String, Boolean> drifted = flags(byProfile.get("windows").get(1));
        assertThat(drifted.get("age")).isTrue();
        assertThat(flags(byProfile.get("windows").get(0)).get("age")).isFalse();
    }

    @Test
    void aTruncatedCorruptOrForeignProfileIsRefusedAndNothingIsStored() throws Exception {
        byte[] profile = profileOf(CreditStream.read("train.csv", r -> true).referenceCsv());
        String path = "/api/v1/models/broken/reference";
        assertError(api.send("PUT", path, ReferenceBody.PROFILE_TYPE, Arrays.copyOf(profile, profile.length / 2)), 400, "truncated");
        byte[] corrupt = profile.clone();
        corrupt[corrupt.length / 2] ^= 0x55;
        assertError(api.send("PUT", path, ReferenceBody.PROFILE_TYPE, corrupt), 400, "corrupt");
        byte[] foreign = new byte[4096];
        new java.util.Random(3).nextBytes(foreign);
        assertError(api.send("PUT", path, ReferenceBody.PROFILE_TYPE, foreign), 400, "not an Assay profile");
        byte[] newer = profile.clone();
        newer[9] = 9;
        assertError(api.send("PUT", path, ReferenceBody.PROFILE_TYPE, newer), 400, "format version 9");
        assertError(api.send("GET", "/api/v1/models/broken/summary", null, (byte[]) null), 404, "Unknown model 'broken'");
        // recognised by its magic bytes whatever the declared type
        JsonNode put = JSON(api.send("PUT", path, "application/octet-stream", profile).body());
        assertThat(put.get("format").asText()).isEqualTo("profile");
        assertThat(api.summary("broken").get("reference_rows").asLong()).isEqualTo(put.get("rows").asLong());
    }

    /** The profile {@code assay profile} writes of a CSV data set. */
    private byte[] profileOf(String csv) throws Exception {
        Path file = dir.resolve("reference.csv");
        Files.writeString(file, csv);
        Frame frame = new DataReader().read(file, "reference").frame();
        return ProfileFile.toBytes(Profiler.profile(frame, "reference.csv"));
    }

    private static Map<String, Boolean> flags(JsonNode window) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        window.get("drift").forEach(d -> out.put(d.get("column").asText(), d.get("drifted").asBoolean()));
        return out;
    }

    private static JsonNode column(JsonNode window, String name) {
        for (JsonNode d : window.get("drift")) {
            if (d.get("column").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no drift of " + name + " in " + window);
    }

    private static JsonNode JSON(String body) throws java.io.IOException {
        return ApiClient.JSON.readTree(body);
    }
}
