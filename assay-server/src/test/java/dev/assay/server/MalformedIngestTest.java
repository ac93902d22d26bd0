package dev.assay.server;

import static dev.assay.server.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed bodies of the ingestion routes: each a precise 400 naming the line (and the element of an array) with
 * nothing stored, or a documented acceptance. The body limit is 256 KiB.
 */
class MalformedIngestTest {
    private static final String PREDICTIONS = "/api/v1/models/m/predictions";
    private static final String LABELS = "/api/v1/models/m/labels";
    @TempDir
    Path dir;
    AssayServer server;
    ApiClient api;

    @BeforeEach
    void start() throws Exception {
        server = AssayServer.start(new ServerSettings("127.0.0.1", 0, dir, null, 256 * 1024, AssayServerTest.ADMIN));
        api = new ApiClient(() -> server.port(), AssayServerTest.ADMIN);
        api.ok(201, "PUT", "/api/v1/models/m", "application/json", "{}");
    }

    @AfterEach
    void stop() throws Exception {
        assertThat(api.summary("m").get("rows").asLong()).isEqualTo(stored);
        server.close();
    }

    private long stored;

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheLineAndByte() throws Exception {
        byte[] body = AssayServerTest.ndjson(0, 3).replace("\"car\"", "\"c?r\"").getBytes(StandardCharsets.UTF_8);
        int at = AssayServerTest.ndjson(0, 1).length() + AssayServerTest.ndjson(1, 2).indexOf("c?r") + 1;
        body[at] = (byte) 0xe9;
        assertError(api.send("POST", PREDICTIONS, "application/x-ndjson", body), 400, "line 2 (byte " + (at + 1) + ") holds the byte 0xe9");
        byte[] labels = "{\"id\": \"r1\", \"label\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertError(api.send("POST", LABELS, "application/json", labels), 400, "line 1 (byte 24) holds the byte 0xe9");
    }

    @Test
    void oneHugeLineIsReadRowByRowAndErrorsNameTheElement() throws Exception {
        String line = IntStream.range(0, 900).mapToObj(AssayServerTest::row).collect(Collectors.joining(",", "[", "]"));
        assertThat(line).doesNotContain("\n");
        assertError(api.send("POST", PREDICTIONS, "application/json", line.replace("\"id\": \"r731\"", "\"id\": [731]")), 400,
                "Line 1, element 732: 'id'");
        JsonNode ok = api.ok(200, "POST", PREDICTIONS, "application/json", line);
        assertThat(ok.get("new").asInt()).isEqualTo(900);
        stored = 900;
        String document = "x".repeat(200_000);
        assertError(api.send("POST", PREDICTIONS, "application/json", AssayServerTest.ndjson(900, 901).replace("\"car\"",
                "\"" + document + "\"")), 400, "Line 1: feature 'purpose' is a text of 200000 characters; at most 10000");
        String many = IntStream.range(0, 1001).mapToObj(i -> "\"f" + i + "\": 1").collect(Collectors.joining(", ", "{", "}"));
        assertError(api.send("POST", PREDICTIONS, "application/json", AssayServerTest.ndjson(900, 901)
                .replace("{\"duration\"", many.substring(0, many.length() - 1) + ", \"duration\"")), 400, "1004 features; at most 1000");
        assertError(api.send("POST", PREDICTIONS, "application/json", "[" + line + "," + line.substring(1)), 413, "smaller batches");
    }

    @Test
    void nanAndInfinityAreRefusedAsScoresAndFeatures() throws Exception {
        String row = AssayServerTest.ndjson(0, 1);
        HttpResponse<String> nan = api.send("POST", PREDICTIONS, "application/json", row.replace("\"score\": 0.00", "\"score\": NaN"));
        assertError(nan, 400, "Malformed JSON at line 1");
        assertThat(nan.body()).contains("JSON has no NaN or Infinity").doesNotContain("JsonReadFeature");
        assertError(api.send("POST", PREDICTIONS, "application/json", row.replace("\"score\": 0.00", "\"score\": \"NaN\"")), 400,
                "Line 1: 'score' must be a number in [0, 1]");
        assertError(api.send("POST", PREDICTIONS, "application/json", row.replace("\"score\": 0.00", "\"score\": 1e999")), 400,
                "Line 1: 'score' must be a number in [0, 1]");
        assertError(api.send("POST", PREDICTIONS, "application/json", row.replace("\"duration\": 1", "\"duration\": -Infinity")), 400,
                "Malformed JSON at line 1");
        assertError(api.send("POST", PREDICTIONS, "application/json", row.replace("\"duration\": 1", "\"duration\": -1e400")), 400,
                "feature 'duration' is -Infinity, beyond the range of a double");
    }

    @Test
    void anIdTwiceInOneRequestIsRefusedButAResentRequestIsStoredOnce() throws Exception {
        String twice = AssayServerTest.ndjson(0, 3) + AssayServerTest.row(1).replace("\"good\"", "\"bad\"") + "\n";
        assertError(api.send("POST", PREDICTIONS, "application/x-ndjson", twice), 400, "Line 4: id 'r1' is also in line 2");
        assertError(api.send("POST", PREDICTIONS, "application/json", AssayServerTest.array(0, 2).replace("r1", "r0")), 400,
                "element 2: id 'r0' is also in line 2, element 1");
        assertError(api.send("POST", LABELS, "application/json", "[{\"id\": \"a\", \"label\": 1}, {\"id\": \"a\", \"label\": 0}]"), 400,
                "element 2: id 'a' is also in line 1, element 1");
        for (int k = 0; k < 2; k++) {
            JsonNode r = api.ok(200, "POST", PREDICTIONS, "application/json", AssayServerTest.array(0, 3));
            assertThat(r.get("new").asInt()).isEqualTo(k == 0 ? 3 : 0);
            assertThat(r.get("duplicates").asInt()).isEqualTo(k == 0 ? 0 : 3);
        }
        stored = 3;
        // a resend that overlaps: only the new rows reach the window's aggregate
        api.ok(200, "POST", PREDICTIONS, "application/json", AssayServerTest.array(2, 5));
        stored = 5;
        assertThat(api.summary("m").get("windows").get(0).get("rows").asLong()).isEqualTo(5);
    }

    @Test
    void timestampsBefore1970OrAfter9999AreRefusedAndFarFutureOnesWithinAreKept() throws Exception {
        String row = AssayServerTest.ndjson(0, 1);
        String iso = "\"timestamp\": \"2026-11-30T10:00:00Z\"";
        assertError(api.send("POST", PREDICTIONS, "application/json", row.replace(iso, "\"timestamp\": -1")), 400,
                "Line 1: 'timestamp' -1 is before 1970-01-01T00:00:00Z");
        assertError(api.send("POST", PREDICTIONS, "application/json", row.replace(iso, "\"timestamp\": \"1969-12-31T23:59:59Z\"")), 400,
                "before 1970");
        assertError(api.send("POST", PREDICTIONS, "application/json", row.replace(iso, "\"timestamp\": 1764580000000000")), 400,
                "after the year 9999; epoch timestamps are milliseconds (not seconds or microseconds)");
        assertError(api.send("POST", PREDICTIONS, "application/json", row.replace(iso, "\"timestamp\": 99999999999999999999999")), 400,
                "after the year 9999");
        assertError(api.send("POST", PREDICTIONS, "application/json", row.replace(iso, "\"timestamp\": \"+999999999-12-31T23:59:59Z\"")),
                400, "after the year 9999");
        api.ok(200, "POST", PREDICTIONS, "application/json", row.replace(iso, "\"timestamp\": \"9999-12-31T23:00:00Z\""));
        api.ok(200, "POST", PREDICTIONS, "application/json", AssayServerTest.ndjson(1, 2).replace("\"2026-11-30T10:00:01Z\"", "0"));
        stored = 2;
        JsonNode windows = api.summary("m").get("windows");
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).get("start").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(windows.get(1).get("start").asText()).isEqualTo("9999-12-31T00:00:00Z");
    }
}
