package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.models.http.InferenceServer;
import dev.assay.models.onnx.OnnxModel;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
            assertThat(r.get("trend").get("intervals").asInt()).isEqualTo(r.get("intervals").size());
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
            List<String> lines = Files.readAllLines(log);
            assertThat(lines).anyMatch(l -> l.startsWith("#[StartTime: "));
            for (JsonNode p : f.get("points")) {
                String tag = String.format(java.util.Locale.ROOT, "Tag=rate=%.3f,", p.get("requested_rps").asDouble());
                assertThat(lines).anyMatch(l -> l.startsWith(tag));
            }
        }
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
    void aSweepOfBatchSizesAndWorkersReportsRowsPerSecondAndTheBestPoint() throws Exception {
        CliRun run = CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--batch-size", "1,32",
                "--concurrency", "1,2", "--warmup", "200ms", "--duration", "600ms", "--slo", "p99<10000ms", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = json(run);
        assertThat(r.get("mode").asText()).isEqualTo("batch_sweep");
        JsonNode points = r.get("points");
        assertThat(points).hasSize(4);
        int[][] order = {{1, 1}, {1, 2}, {32, 1}, {32, 2}};
        double bestRows = 0;
        for (int i = 0; i < 4; i++) {
            JsonNode p = points.get(i);
            assertThat(p.get("batch_size").asInt()).isEqualTo(order[i][0]);
            assertThat(p.get("workers").asInt()).isEqualTo(order[i][1]);
            assertThat(p.get("mode").asText()).isEqualTo("closed");
            assertThat(p.get("errors").size()).isZero();
            assertThat(p.get("rows_per_s").asDouble()).isCloseTo(p.get("throughput_rps").asDouble() * order[i][0], within(1e-6));
            assertThat(p.get("meets").asBoolean()).isTrue();
            bestRows = Math.max(bestRows, p.get("rows_per_s").asDouble());
        }
        // one call of the logistic model costs far more than a row: 32 rows a call predict more rows per second
        assertThat(points.get(2).get("rows_per_s").asDouble()).isGreaterThan(2 * points.get(0).get("rows_per_s").asDouble());
        assertThat(r.get("best").get("rows_per_s").asDouble()).isEqualTo(bestRows);
        assertThat(r.get("best").get("batch_size").asInt()).isEqualTo(32);

        // without --concurrency a batch-size sweep runs one worker
        CliRun none = CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--batch-size", "1,4",
                "--duration", "200ms", "--slo", "p50<0.000001ms");
        assertThat(none.exitCode()).as(none.err()).isEqualTo(ExitCode.FAIL);
        assertThat(none.out()).contains("No point met p50<0.000001ms, no errors.").contains("Closed loop");
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
    void aJsonEndpointIsLoadedWithATemplateAndAJsonlFileIsPostedAsIs() throws Exception {
        HttpServer flask = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        List<String> bodies = new CopyOnWriteArrayList<>();
        flask.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(exchange.getRequestURI().getPath() + " " + body);
            int rows = body.startsWith("{\"rows\"") ? new ObjectMapper().readTree(body).get("rows").size() : 1;
            byte[] answer = ("{\"predictions\": [" + String.join(",", java.util.Collections.nCopies(rows, "[0.3, 0.7]")) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        flask.start();
        try {
            String url = "http://127.0.0.1:" + flask.getAddress().getPort() + "/score";
            CliRun json = CliRun.of("load", "--url", url, "--protocol", "json", "--template", "{\"rows\": \"$rows\"}",
                    "--http-option", "features=duration,credit_amount", "--http-option", "classes=bad,good", "--batch-size", "4",
                    "--payload", PAYLOAD.toString(), "--rate", "50", "--duration", "400ms", "--format", "json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            JsonNode r = new ObjectMapper().readTree(json.out());
            assertThat(r.get("sent").asLong()).isEqualTo(20);
            assertThat(r.get("errors").size()).isZero();
            assertThat(bodies).hasSize(20).allMatch(b -> b.startsWith("/score {\"rows\":[[") && b.split("\\],\\[").length == 4);
            bodies.clear();
            Path lines = Files.writeString(dir.resolve("requests.jsonl"), "{\"text\": \"one\"}\n\n{\"text\": \"two\"}\n");
            CliRun jsonl = CliRun.of("load", "--url", url, "--payload", lines.toString(), "--rate", "50", "--duration", "200ms",
                    "--format", "json");
            assertThat(jsonl.exitCode()).as(jsonl.err()).isZero();
            assertThat(bodies).hasSize(10).startsWith("/score {\"text\": \"one\"}", "/score {\"text\": \"two\"}");
            Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"text\": 1}\n{\"text\": \n");
            CliRun bad = CliRun.of("load", "--url", url, "--payload", broken.toString(), "--duration", "200ms");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("broken.jsonl, line 2").contains("one JSON request body per line").doesNotContain("\tat ");
            CliRun protocol = CliRun.of("load", "--url", url, "--protocol", "grpc", "--payload", PAYLOAD.toString());
            assertThat(protocol.exitCode()).isEqualTo(2);
            assertThat(protocol.err()).contains("--protocol").contains("json");
            CliRun local = CliRun.of("load", "--model", MODEL.toString(), "--payload", lines.toString());
            assertThat(local.exitCode()).isEqualTo(2);
            assertThat(local.err()).contains("JSONL payload").contains("--url");
        } finally {
            flask.stop(0);
        }
    }

    @Test
    void aStressRunReportsTheOverloadAndTheRecoveryTime() throws Exception {
        // 4 server threads answering in 20 ms carry 200 requests per second: 400 for 1 s leaves a backlog of about 1 s
        try (InferenceServer server = InferenceServer.start(new DelayingModel(OnnxModel.load(MODEL), 20, 1, 0), "credit",
                "127.0.0.1", 0, 4)) {
            JsonNode r = json(load(server, "--stress", "400", "--duration", "1s", "--rate", "40", "--recovery", "5s",
                    "--slo", "p99<150ms"));
            assertThat(r.get("mode").asText()).isEqualTo("stress");
            JsonNode s = r.get("stress");
            JsonNode overload = s.get("overload");
            assertThat(overload.get("requested_rps").asDouble()).isEqualTo(400.0);
            assertThat(overload.get("latency_ms").get("p99").asDouble()).isGreaterThan(300.0);
            assertThat(overload.get("throughput_rps").asDouble()).isLessThan(260.0);
            assertThat(overload.get("error_rate").asDouble()).isGreaterThan(0.0);
            assertThat(overload.get("errors").get("unfinished").asLong()).isPositive();
            assertThat(overload.get("timeouts").asLong()).isZero();
            JsonNode recovery = s.get("recovery");
            assertThat(recovery.get("requested_rps").asDouble()).isEqualTo(40.0);
            // the first second after the drop is spent on the backlog: no answer in it, or late ones
            JsonNode first = recovery.get("intervals").get(0).get("latency_ms").get("p99");
            assertThat(first.isNull() || first.asDouble() > 150.0).as("first recovery p99 %s", first).isTrue();
            assertThat(s.get("p99_slo_ms").asDouble()).isEqualTo(150.0);
            assertThat(s.get("recovered").asBoolean()).isTrue();
            assertThat(s.get("recovery_s").asDouble()).isBetween(1.0, 4.0);
            JsonNode last = recovery.get("intervals").get(recovery.get("intervals").size() - 1);
            assertThat(last.get("latency_ms").get("p99").asDouble()).isLessThan(150.0);
        }
        CliRun noSlo = CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--stress", "100");
        assertThat(noSlo.exitCode()).isEqualTo(2);
        assertThat(noSlo.err()).contains("--stress").contains("p99<200ms");
    }

    @Test
    void theHtmlReportHoldsTheRunAndItsLoadCharts() throws Exception {
        CliRun run = CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--rate", "200", "--duration",
                "2s", "--slo", "p99<500ms", "--format", "html");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html").contains("Load test of " + MODEL).contains("Load run").contains("p99_ms")
                .contains("Intervals").contains("<svg").contains("SLO p99&lt;500ms: met");
        CliRun format = CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--format", "pdf");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("html");
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
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--batch-size", "1,8", "--rate",
                "50").err()).contains("runs closed loop").contains("leave out --rate");
        assertThat(CliRun.of("load", "--url", "http://127.0.0.1:9", "--name", "m", "--payload", PAYLOAD.toString(), "--batch-size",
                "1,8", "--concurrency", "1").err()).contains("--model FILE");
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--batch-size", "1,0",
                "--concurrency", "1").err()).contains("--batch-size").contains("1 to 1000000");
        assertThat(CliRun.of("load", "--model", MODEL.toString(), "--payload", PAYLOAD.toString(), "--concurrency", "1,2",
                "--find-max", "--slo", "p99<5ms").err()).contains("separate modes");
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
