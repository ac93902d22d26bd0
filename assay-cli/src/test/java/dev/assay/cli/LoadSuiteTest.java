package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.models.http.InferenceServer;
import dev.assay.models.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: latency} and {@code type: quality_under_load} in suites, in process and against a server on loopback. */
class LoadSuiteTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final Path MODEL = EXAMPLES.resolve("models/german_credit_logistic.onnx");

    @TempDir
    Path dir;

    private JsonNode run(String checks, int exit) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: load\ndata: {current: " + EXAMPLES.resolve("german-credit/test.csv")
                + "}\nmodel: " + MODEL + "\ncolumns: {label: class}\nchecks:\n" + checks);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(exit);
        if (exit == 2) {
            assertThat(r.err()).doesNotContain("\tat ");
            return null;
        }
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
    }

    private static double value(JsonNode check, String name) {
        for (JsonNode m : check.get("measurements")) {
            if (m.get("name").asText().equals(name)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + name + " in " + check);
    }

    @Test
    void anInProcessModelMeetsLatencyObjectivesAndAnswersAsAtRest() throws IOException {
        JsonNode checks = run("""
                  - type: latency
                    rate: 200
                    warmup: 200ms
                    duration: 2s
                    fail: [p99_ms < 5000, error_rate < 0.001, throughput_rps >= 190]
                  - type: latency
                    name: Impossible objective
                    rate: 50
                    warmup: 0s
                    duration: 500ms
                    warn: p50_ms < 0.000001
                  - type: quality_under_load
                    concurrency: 4
                    batch_size: 7
                    warmup: 0s
                    duration: 1s
                    fail: [mismatched_rows == 0, compared_rows >= 100]
                """, 0);
        JsonNode latency = checks.get(0);
        assertThat(latency.get("status").asText()).as(latency.toString()).isEqualTo("pass");
        assertThat(value(latency, "throughput_rps")).isBetween(190.0, 210.0);
        assertThat(value(latency, "p99_ms")).isPositive().isGreaterThanOrEqualTo(value(latency, "p50_ms"));
        assertThat(latency.get("charts").size()).isEqualTo(2);
        assertThat(latency.get("tables").get(0).get("rows").size()).isBetween(2, 3);
        assertThat(checks.get(1).get("status").asText()).isEqualTo("warn");
        JsonNode quality = checks.get(2);
        assertThat(quality.get("status").asText()).as(quality.toString()).isEqualTo("pass");
        assertThat(value(quality, "mismatch_rate")).isZero();
        assertThat(Files.readString(dir.resolve("r/report.html"))).contains("Latency per interval").contains("Latency distribution");
    }

    @Test
    void findMaxAgainstAServerReportsTheMaximumThroughputAndItsCurve() throws Exception {
        // 2 server threads answering in 20 ms each carry at most 100 requests per second
        try (InferenceServer server = InferenceServer.start(new DelayingModel(OnnxModel.load(MODEL), 20, 1, 0), "credit",
                "127.0.0.1", 0, 2)) {
            JsonNode checks = run("""
                      - type: latency
                        url: %s
                        name: credit
                        find_max: true
                        rate: 25
                        max_p99_ms: 400
                        max_steps: 5
                        warmup: 200ms
                        duration: 800ms
                        fail: max_throughput >= 30
                        warn: max_throughput >= 1000
                    """.formatted(server.baseUri()), 0);
            JsonNode c = checks.get(0);
            assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("warn");
            // beyond 100 req/s the queue grows by the excess, so p99 passes 400 ms within a 0.8 s step
            assertThat(value(c, "max_throughput")).isBetween(30.0, 110.0);
            assertThat(value(c, "knee_rps")).isGreaterThan(value(c, "max_throughput")).isLessThanOrEqualTo(200.0);
            assertThat(c.get("tables").get(0).get("rows").size()).isEqualTo(5);
            assertThat(c.get("charts").get(0).toString()).contains("Throughput and latency");
        }
    }

    @Test
    void badSettingsNameTheKeyAndTheFix() throws IOException {
        run("  - type: latency\n    find_max: true\n    fail: max_throughput > 1\n", 2);
        run("  - type: latency\n    rate: 5\n    concurrency: 2\n", 2);
        run("  - type: latency\n    duration: soon\n", 2);
        run("  - type: latency\n    url: http://127.0.0.1:9\n", 2);
        run("  - type: latency\n    max_p99_ms: 10\n", 2);
        run("  - type: latency\n    duration: 300ms\n    warmup: 0s\n    fail: max_throughput > 1\n", 2);
        CliRun r = CliRun.of("run", dir.resolve("suite.yaml").toString(), "--out", dir.resolve("r2").toString());
        assertThat(r.err()).contains("max_throughput").doesNotContain("\tat ");
    }
}
