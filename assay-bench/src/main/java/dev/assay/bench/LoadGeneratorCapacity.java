package dev.assay.bench;

import dev.assay.core.load.FailureKinds;
import dev.assay.core.load.LoadGenerator;
import dev.assay.core.load.LoadPlan;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.LoadTarget;
import dev.assay.models.http.InferenceServer;
import dev.assay.models.http.KeepAliveClient;
import dev.assay.models.onnx.OnnxModel;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The capacity of Assay's load generator against wrk's, on the same loopback server in the same run:
 * {@link InferenceServer} serving the German-credit logistic model, loaded with {@code GET
 * /v2/health/ready} (so the generators, not the model, are measured). First Assay's closed loop with
 * C workers (each with its own keep-alive connection, {@link KeepAliveClient}) and wrk with C connections on 2 threads, each for D seconds after a 2 s
 * warm-up, and the ratio of their rates; then the open-loop schedule error (actual minus intended send
 * time) at 10,000 requests per second, against a target that returns at once and against the server.
 *
 * <p>Usage: {@code LoadGeneratorCapacity [CONNECTIONS] [SECONDS]} (default 16 and 10); needs
 * {@code wrk} on the PATH.
 */
public final class LoadGeneratorCapacity {
    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private LoadGeneratorCapacity() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path model = Path.of("examples/models/german_credit_logistic.onnx");
        try (OnnxModel onnx = OnnxModel.load(model);
                InferenceServer server = InferenceServer.start(onnx, "credit", "127.0.0.1", 0, 4)) {
            URI ready = server.baseUri().resolve("/v2/health/ready");
            KeepAliveClient client = new KeepAliveClient(ready, Map.of(), 10_000, 1 << 20);
            byte[] request = client.request("GET", ready.getRawPath(), null);
            LoadTarget get = sequence -> client.send(request, false);
            LoadGenerator generator = new LoadGenerator(FailureKinds.DEFAULT, -1, i -> { });
            LoadResult assay = generator.run(get, LoadPlan.closedLoop(connections, Duration.ofSeconds(seconds))
                    .withWarmup(Duration.ofSeconds(2)));
            double wrk = wrk(ready, connections, seconds);
            System.out.printf(Locale.ROOT, "closed loop, %d connections, %d s, GET %s%n", connections, seconds, ready);
            System.out.printf(Locale.ROOT, "  Assay: %,10.0f requests/s (%d errors)%n", assay.throughputRps(), assay.errorCount());
            System.out.printf(Locale.ROOT, "  wrk:   %,10.0f requests/s%n", wrk);
            System.out.printf(Locale.ROOT, "  Assay / wrk = %.2f%n", assay.throughputRps() / wrk);

            LoadPlan open = LoadPlan.openLoop(10_000, Duration.ofSeconds(seconds)).withWarmup(Duration.ofSeconds(2));
            report("open loop at 10,000 requests/s, target returning at once", generator.run(sequence -> { }, open));
            report("open loop at 10,000 requests/s, GET on the server", generator.run(get, open));
        }
    }

    private static void report(String title, LoadResult r) {
        System.out.printf(Locale.ROOT, "%s:%n  schedule error p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms; achieved %,.0f "
                + "requests/s, late %d, dropped %d, errors %d%n", title, r.scheduleLagMs().p50(), r.scheduleLagMs().p99(),
                r.scheduleLagMs().p999(), r.scheduleLagMs().max(), r.throughputRps(), r.late(), r.dropped(), r.errorCount());
    }

    /** wrk's rate after a 2 s warm-up run of its own. */
    private static double wrk(URI uri, int connections, int seconds) throws IOException, InterruptedException {
        run("wrk", "-t2", "-c" + connections, "-d2s", uri.toString());
        String out = run("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", uri.toString());
        Matcher m = WRK_RATE.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
