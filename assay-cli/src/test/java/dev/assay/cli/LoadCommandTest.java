package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.models.http.InferenceServer;
import dev.assay.models.onnx.OnnxModel;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay load} against model servers on loopback, with programmed delays and stalls. */
class LoadCommandTest {
    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    static final Path MODEL = EXAMPLES.resolve("models/german_credit_logistic.onnx");
    static final Path PAYLOAD = EXAMPLES.resolve("german-credit/test.csv");

    @TempDir
    Path dir;

    @Test
    void aFixedDelayIsTheMedianAndTheRequestedRateIsAchieved() throws Exception {
        double overhead;
        try (InferenceServer server = InferenceServer.start(OnnxModel.load(MODEL), "credit", "127.0.0.1", 0, 4)) {
            overhead = json(load(server, "--rate", "100", "--warmup", "300ms", "--duration", "1s")).get("latency_ms").get("p50")
                    .asDouble();
        }
        try (InferenceServer server = InferenceServer.start(new DelayingModel(OnnxModel.load(MODEL), 20, 1, 0), "credit",
                "127.0.0.1", 0, 4)) {
            JsonNode r = json(load(server, "--rate", "100", "--warmup", "500ms", "--duration", "3s"));
            assertThat(r.get("mode").asText()).isEqualTo("open");
            assertThat(r.get("requested_rps").asDouble()).isEqualTo(100.0);
            // never below the delay; above it by at most 2 ms plus the loopback round trip of the same server without delay
            assertThat(r.get("latency_ms").get("p50").asDouble()).isBetween(20.0, 22.0 + overhead);
            assertThat(r.get("throughput_rps").asDouble()).isCloseTo(100.0, within(1.0));
            assertThat(r.get("sent").asLong()).isEqualTo(300);
            assertThat(r.get("errors").size()).isZero();
            assertThat(r.get("late_or_dropped").asLong()).isZero();
            assertThat(r.get("intervals").size()).isBetween(3, 4);
            assertThat(r.get("schedule_lag_ms").get("p50").asDouble()).isLessThan(1.0);
        }
    }

    @Test
    void aStallShowsInTheOpenLoopP99ButHidesInTheClosedLoop() throws Exception {
        try (InferenceServer server = InferenceServer.start(new DelayingModel(OnnxModel.load(MODEL), 5, 2000, 300), "credit",
                "127.0.0.1", 0, 4)) {
            JsonNode open = json(load(server, "--rate", "50", "--duration", "4s"));
            JsonNode closed = json(load(server, "--concurrency", "1", "--duration", "4s"));
            assertThat(open.get("latency_ms").get("p99").asDouble()).isGreaterThan(200.0);
            assertThat(open.get("latency_ms").get("p50").asDouble()).isLessThan(100.0);
            assertThat(closed.get("mode").asText()).isEqualTo("closed");
            assertThat(closed.get("latency_ms").get("p99").asDouble()).isLessThan(open.get("latency_ms").get("p99").asDouble() / 2);
            assertThat(closed.get("latency_ms").get("max").asDouble()).isGreaterThan(100.0);
            assertThat(closed.get("caveat").asText()).contains("coordinated omission");
            assertThat(closed.get("requested_rps").isNull()).isTrue();
        }
    }

    @Test
    void findMaxBracketsTheCapacityOfAServerAndLogsEachStep() throws Exception {
        Path log = dir.resolve("steps.hlog");
        // 4 server threads answering in 20 ms each carry at most 200 requests per second
        try (InferenceServer server = InferenceServer.start(new DelayingModel(OnnxModel.load(MODEL), 20, 1, 0), "credit",
                "127.0.0.1", 0, 4)) {
            JsonNode r = json(load(server, "--find-max", "--rate", "50", "--slo", "p99<150ms", "--warmup", "200ms", "--duration",
                    "800ms", "--max-steps", "6", "--histogram-log", log.toString()));
            assertThat(r.get("mode").asText()).isEqualTo("find_max");
            JsonNode f = r.get("find_max");
            assertThat(f.get("points").size()).isEqualTo(6);
            assertThat(f.get("points").get(0).get("requested_rps").asDouble()).isEqualTo(50.0);
            assertThat(f.get("points").get(0).get("sustained").asBoolean()).isTrue();
            assertThat(f.get("points").get(0).get("throughput_rps").asDouble()).isCloseTo(50.0, within(2.5));
            assertThat(f.get("max_sustainable_rps").asDouble()).isBetween(90.0, 210.0);
            assertThat(f.get("knee_rps").asDouble()).isGreaterThan(f.get("max_sustainable_rps").asDouble()).isLessThanOrEqualTo(400.0);
            for (JsonNode p : f.get("points")) {
                assertThat(p.get("sustained").asBoolean()).isEqualTo(p.get("requested_rps").asDouble() <= f.get("max_sustainable_rps")
                        .asDouble());
                assertThat(p.get("p99_ms").asDouble()).isPositive();
            }
            assertThat(f.get("stopped_by_time_budget").asBoolean()).isFalse();
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(l -> l.startsWith("#[StartTime: ")).anyMatch(l -> l.startsWith("Tag=rate=50.000,"))
                .anyMatch(l -> l.startsWith("Tag=rate=400.000,"));
    }

    @Test
    void aStepProfileRunsEachRateInTurn() throws Exception {
        try (InferenceServer server = InferenceServer.start(new DelayingModel(OnnxModel.load(MODEL), 20, 1, 0), "credit",
                "127.0.0.1", 0, 4)) {
            JsonNode r = json(load(server, "--profile", "step:40,80/1s", "--warmup", "300ms", "--slo", "p99<10000ms"));
            assertThat(r.get("mode").asText()).isEqualTo("profile");
            assertThat(r.get("profile").asText()).isEqualTo("step:40,80/1s");
            JsonNode steps = r.get("steps");
            assertThat(steps.size()).isEqualTo(2);
            assertThat(steps.get(0).get("requested_rps").asDouble()).isEqualTo(40.0);
            assertThat(steps.get(0).get("sent").asLong()).isEqualTo(40);
            assertThat(steps.get(1).get("sent").asLong()).isEqualTo(80);
            assertThat(steps.get(1).get("throughput_rps").asDouble()).isCloseTo(80.0, within(4.0));
            assertThat(steps.get(1).get("latency_ms").get("p50").asDouble()).isBetween(20.0, 40.0);
        }
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--profile", "up").err())
                .contains("--profile").contains("step:100,200,400/10s");
    }

    @Test
    void anInProcessModelReportsTheJvmAndAnSloVerdict() throws Exception {
        CliRun run = CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--rate", "200", "--duration",
                "1s", "--batch-size", "8", "--slo", "p99<10000ms");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Open loop: requested 200.0 req/s").contains("SLO p99<10000ms: met");
        CliRun broken = CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--rate", "50", "--duration",
                "500ms", "--slo", "p50<0.000001ms", "--format", "json");
        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(ExitCode.FAIL);
        JsonNode r = new ObjectMapper().readTree(broken.out());
        assertThat(r.get("resources").get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(r.get("resources").get("max_rss_mb").asDouble()).isPositive();
        assertThat(r.get("latency_ms").get("p99").asDouble()).isPositive();
    }

    @Test
    void aServerThatIsNotThereCountsRefusedConnections() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of("load", "--url", "http://127.0.0.1:" + port, "--name", "credit", "--payload", PAYLOAD.toString(),
                "--rate", "10", "--duration", "300ms", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("credit").doesNotContain("Exception\n\tat");
    }

    @Test
    void badInputIsRefusedWithTheFix() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "duration,amount\n");
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", empty.toString(), "--duration", "1s").err())
                .contains("no data rows");
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--duration", "soon").err())
                .contains("--duration").contains("500ms, 30s, 2m");
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--slo", "fast").err())
                .contains("--slo").contains("p99<200ms");
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--rate", "5", "--concurrency",
                "2").err()).contains("not both");
        assertThat(CliRun.of("load", "--url", "http://127.0.0.1:9", "--payload", PAYLOAD.toString()).err()).contains("--name");
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--find-max").err())
                .contains("--find-max").contains("--slo");
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--find-max", "--slo", "p99<5ms",
                "--concurrency", "2").err()).contains("rather than --concurrency");
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--find-max", "--slo", "p99<5ms",
                "--rate", "500", "--max-rate", "100").err()).contains("--max-rate").contains("at least --rate");
        CliRun log = CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--duration", "100ms",
                "--histogram-log", dir.resolve("missing/run.hlog").toString());
        assertThat(log.exitCode()).isEqualTo(2);
        assertThat(log.err()).contains("missing/run.hlog").contains("--histogram-log").doesNotContain("\tat ");
        CliRun rate = CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--rate", "0");
        assertThat(rate.exitCode()).isEqualTo(2);
        assertThat(rate.err()).contains("--rate");
    }

    private CliRun load(InferenceServer server, String... args) {
        String[] all = new String[args.length + 9];
        String[] head = {"load", "--url", server.baseUri().toString(), "--name", "credit", "--payload", PAYLOAD.toString(), "--format",
            "json"};
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(args, 0, all, head.length, args.length);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }
}
