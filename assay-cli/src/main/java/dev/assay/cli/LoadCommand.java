package dev.assay.cli;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.load.Arrivals;
import dev.assay.core.load.FailureKinds;
import dev.assay.core.load.HistogramLog;
import dev.assay.core.load.Interval;
import dev.assay.core.load.LoadDurations;
import dev.assay.core.load.LoadPlan;
import dev.assay.core.load.RateProfile;
import dev.assay.core.model.ModelSource;
import dev.assay.io.DataReader;
import dev.assay.models.http.HttpFailureKinds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay load}: the latency and throughput of a model endpoint or an in-process model under load. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Measures latency and throughput under load. Open loop (--rate, the default): requests on a fixed "
                + "schedule, latency from the intended send time, so stalls are not hidden. Closed loop (--concurrency): "
                + "N workers sending back to back.",
                "Exit code 1 when an --slo is broken."})
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    TargetOptions target;

    static final class TargetOptions {
        @Option(names = "--url", paramLabel = "URL", description = "An Open Inference (v2) server, e.g. http://127.0.0.1:8080, "
                + "or a JSON endpoint (--protocol json, or a .jsonl --payload).")
        String url;

        @Option(names = "--model", paramLabel = "FILE", description = "A model file (.onnx, .tribuo, .tribuo.gz) run in process.")
        String model;
    }

    @Option(names = "--name", paramLabel = "NAME", description = "The model's name on the server (with --url).")
    String name;

    @Option(names = "--protocol", paramLabel = "P", defaultValue = "v2",
            description = "With --url: v2 (Open Inference) or json (rows put into --template) (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--template", paramLabel = "JSON",
            description = "With --protocol json: the request body, holding \"$rows\" once (default: {\"instances\": \"$rows\"}).")
    String template;

    @Option(names = "--http-option", paramLabel = "KEY=VALUE", description = "With --url: a setting of the HTTP model adapter, "
            + "e.g. features=duration,amount or classes=bad,good or token_env=TOKEN (as in a suite, docs/suite-format.md); repeatable.")
    Map<String, String> httpOptions = new LinkedHashMap<>();

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "With a .jsonl --payload: a header sent with every "
            + "request, e.g. \"Authorization=Bearer $TOKEN\"; repeatable.")
    Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = "--payload", required = true, paramLabel = "FILE", description = "Data file whose rows are sent, cycling; "
            + "with --url, a .jsonl file holds one request body a line, posted as is.")
    Path payload;

    @Option(names = "--rate", paramLabel = "R", description = "Requests per second, open loop (default: 100).")
    Double rate;

    @Option(names = "--concurrency", paramLabel = "C", split = ",", description = "Workers, closed loop; several (e.g. 1,2,4) "
            + "sweep the number of threads calling an in-process model.")
    List<Integer> concurrency = new ArrayList<>();

    @Option(names = "--poisson", description = "Poisson arrivals instead of constant ones (open loop).")
    boolean poisson;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "256",
            description = "Requests in flight at most, open loop (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--batch-size", paramLabel = "N", split = ",", defaultValue = "1", description = "Rows per request "
            + "(default: ${DEFAULT-VALUE}); several (e.g. 1,8,64) sweep the batch size of an in-process model, closed loop, one run "
            + "per batch size and --concurrency value (default 1), and report the most rows per second that meets the --slo.")
    List<Integer> batchSizes;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "10s", description = "Measured time, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", paramLabel = "D", defaultValue = "0s", description = "Unmeasured time before (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "10s", description = "Request timeout with --url (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--pid", paramLabel = "PID", description = "The target's process, whose CPU and RSS are read from /proc.")
    Long pid;

    @Option(names = "--slo", paramLabel = "SLO", description = "A latency objective such as \"p99<200ms\"; repeatable.")
    List<String> slos = List.of();

    @Mixin
    FindMaxOptions findMax;

    @Option(names = "--profile", paramLabel = "SPEC", description = "Open-loop steps: step:100,200,400/10s (each rate for 10s) "
            + "or ramp:100..1000/30s (10 steps over 30s); --warmup runs before the first.")
    String profile;

    @Option(names = "--stress", paramLabel = "R", description = "Overload at R requests per second for --duration, then drop "
            + "at once to --rate for --recovery; reports errors, timeouts and the recovery time under the p99 --slo.")
    Double stress;

    @Option(names = "--recovery", paramLabel = "D", defaultValue = "10s",
            description = "With --stress: the time at --rate after the overload (default: ${DEFAULT-VALUE}).")
    String recovery;

    @Option(names = "--histogram-log", paramLabel = "FILE",
            description = "Write each interval's latencies as an HdrHistogram log (HistogramLogWriter format) to FILE.")
    Path histogramLog;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or html (the report with the load charts) (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws InterruptedException {
        String f = Options.choice("--format", format, List.of("text", "json", "html"));
        if (rate != null && !concurrency.isEmpty()) {
            throw new InvalidInputException("Give either --rate (open loop) or --concurrency (closed loop), not both.");
        }
        if (batchSizes.size() > 1 && concurrency.isEmpty() && rate == null) {
            concurrency = List.of(1);  // a batch-size sweep runs closed loop, one worker unless told
        }
        boolean jsonLines = payload.getFileName() != null && payload.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        if (!headers.isEmpty() && !jsonLines) {
            throw new InvalidInputException("--header goes with a .jsonl --payload posted as is; a model server's own settings "
                    + "(e.g. --http-option token_env=VAR) carry its headers.");
        }
        if (jsonLines && target.url == null) {
            throw new InvalidInputException("A JSONL payload (" + payload + ") holds request bodies for --url; with --model give a "
                    + "data file (CSV, Parquet, ...).");
        }
        boolean v2 = protocol.equalsIgnoreCase("v2");
        if (!v2 && !protocol.equalsIgnoreCase("json")) {
            throw Options.invalid("--protocol", protocol, List.of("v2", "json"));
        }
        if (template != null && v2) {
            throw new InvalidInputException("--template is the request body of --protocol json; add --protocol json.");
        }
        if (target.url != null && v2 && !jsonLines && name == null) {
            throw new InvalidInputException("--url needs --name, the model's name on the server (/v2/models/NAME).");
        }
        LoadObjectives objectives = LoadObjectives.parse(slos);
        LoadPlan plan = plan();
        LoadMode mode = mode(plan, objectives);
        LoadWriter writer = LoadWriter.of(f, target.url != null ? target.url : target.model, settings());
        PrintWriter out = spec.commandLine().getOut();
        FailureKinds kinds = target.url != null ? new HttpFailureKinds() : FailureKinds.DEFAULT;
        long process = pid != null ? pid : target.url != null ? -1 : ProcessHandle.current().pid();
        try (Load load = jsonLines ? Load.jsonLines(target.url, payload, timeoutMillis(), headers) : Load.model(source(), rows());
                HistogramLog log = histogramLog()) {
            LoadMode.Outcome outcome = mode.run(new LoadSession(load, plan, batchSizes.get(0), kinds, process,
                    progress(spec.commandLine().getErr()), log), writer);
            out.print(outcome.output().endsWith("\n") ? outcome.output() : outcome.output() + "\n");
            out.flush();
            return outcome.exitCode();
        } catch (IOException e) {
            throw new InvalidInputException("Could not write the histogram log " + histogramLog + ": " + e.getMessage()
                    + ". Give a writable file path to --histogram-log.");
        }
    }

    /** The mode the options ask for, its own options checked. */
    private LoadMode mode(LoadPlan plan, LoadObjectives objectives) {
        boolean sweep = batchSizes.size() > 1 || concurrency.size() > 1;
        long modes = Stream.of(findMax.enabled, profile != null, stress != null, sweep).filter(b -> b).count();
        if (modes > 1) {
            throw new InvalidInputException("--find-max, --profile, --stress and a sweep (several --batch-size or --concurrency "
                    + "values) are separate modes: give one of them.");
        }
        if (findMax.enabled) {
            if (!plan.openLoop() || objectives.isEmpty()) {
                throw new InvalidInputException("--find-max raises an open-loop rate until an objective breaks: give at least one --slo "
                        + "such as \"p99<200ms\", and --rate (the first rate) rather than --concurrency.");
            }
            return LoadMode.findMax(findMax.search(plan.rate()), objectives, findMax.maxErrorRate);
        }
        if (profile != null) {
            if (!plan.openLoop()) {
                throw new InvalidInputException("--profile runs open-loop steps of its own rates: leave out --concurrency.");
            }
            return LoadMode.profile(profile(), objectives);
        }
        if (stress != null) {
            return LoadMode.stress(stress, recovery(plan), objectives.p99Limit().orElseThrow(() -> new InvalidInputException(
                    "--stress measures the time until p99 is back under its objective: give --slo \"p99<200ms\" (your limit).")));
        }
        if (sweep) {
            if (plan.openLoop()) {
                throw new InvalidInputException("A sweep of batch sizes runs closed loop, one run per batch size and number of workers: "
                        + "leave out --rate (one worker) or give --concurrency (e.g. 1,2) instead.");
            }
            if (batchSizes.size() > 1 && target.url != null) {
                throw new InvalidInputException("A batch-size sweep (--batch-size " + join(batchSizes) + ") loads a model in this "
                        + "process: give --model FILE, or one --batch-size with --url.");
            }
            return LoadMode.sweep(batchSizes, concurrency, objectives);
        }
        return LoadMode.single(objectives);
    }

    /** The settings shown in the HTML report's provenance. */
    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("payload", payload.toString());
        s.put(!concurrency.isEmpty() ? "concurrency" : "rate", !concurrency.isEmpty() ? join(concurrency)
                : String.valueOf(rate == null ? 100 : rate));
        s.put("duration", duration);
        s.put("warmup", warmup);
        s.put("batch_size", join(batchSizes));
        if (!slos.isEmpty()) {
            s.put("slo", String.join(", ", slos));
        }
        if (profile != null) {
            s.put("profile", profile);
        }
        if (stress != null) {
            s.put("stress", stress + " req/s, then --rate for " + recovery);
        }
        return s;
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private RateProfile profile() {
        try {
            return RateProfile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Invalid value '" + profile + "' for --profile: " + e.getMessage() + ".");
        }
    }

    /** The recovery phase's length of a --stress run, with the overload rate checked. */
    private Duration recovery(LoadPlan plan) {
        if (!plan.openLoop()) {
            throw new InvalidInputException("--stress runs an open-loop overload then --rate: leave out --concurrency.");
        }
        if (!(stress > 0 && stress <= 1e6)) {
            throw Options.invalid("--stress", String.valueOf(stress), List.of("above 0, at most 1000000 requests per second"));
        }
        Duration d = duration("--recovery", recovery);
        if (d.isZero()) {
            throw Options.invalid("--recovery", recovery, List.of("a positive duration such as 500ms, 30s, 2m"));
        }
        return d;
    }

    private Frame rows() {
        Frame rows = new DataReader().read(payload, "payload").frame();
        if (rows.rowCount() == 0) {
            throw new InvalidInputException("The payload file " + payload + " has no rows to send. Give a file with data rows.");
        }
        return rows;
    }

    private int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration("--timeout", timeout).toMillis()));
    }

    private HistogramLog histogramLog() throws IOException {
        if (histogramLog == null) {
            return null;
        }
        return HistogramLog.create(histogramLog, "assay load " + (target.url != null ? target.url : target.model));
    }

    private LoadPlan plan() {
        Duration measured = duration("--duration", duration);
        if (measured.isZero()) {
            throw Options.invalid("--duration", duration, List.of("a positive duration such as 500ms, 30s, 2m"));
        }
        if (maxInFlight < 1 || maxInFlight > 10_000) {
            throw Options.invalid("--max-in-flight", String.valueOf(maxInFlight), List.of("1 to 10000"));
        }
        for (int b : batchSizes) {
            if (b < 1 || b > 1_000_000) {
                throw Options.invalid("--batch-size", String.valueOf(b), List.of("1 to 1000000"));
            }
        }
        LoadPlan plan;
        if (!concurrency.isEmpty()) {
            for (int c : concurrency) {
                if (c < 1 || c > 10_000) {
                    throw Options.invalid("--concurrency", String.valueOf(c), List.of("1 to 10000"));
                }
            }
            plan = LoadPlan.closedLoop(concurrency.get(0), measured);
        } else {
            double r = rate == null ? 100 : rate;
            if (!(r > 0 && r <= 1e6)) {
                throw Options.invalid("--rate", String.valueOf(r), List.of("above 0, at most 1000000 requests per second"));
            }
            plan = LoadPlan.openLoop(r, measured).withConcurrency(maxInFlight)
                    .withArrivals(poisson ? Arrivals.POISSON : Arrivals.CONSTANT, 1);
        }
        try {
            return plan.withWarmup(duration("--warmup", warmup));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Invalid load settings: " + e.getMessage() + ".");
        }
    }

    private ModelSource source() {
        if (target.model != null) {
            return new ModelSource(target.model, null, Map.of());
        }
        long seconds = Math.max(1, (duration("--timeout", timeout).toMillis() + 999) / 1000);
        Map<String, String> options = new LinkedHashMap<>(httpOptions);
        options.putAll(Map.of("protocol", protocol.toLowerCase(Locale.ROOT), "max_attempts", "1",
                "timeout_seconds", String.valueOf(seconds), "batch_size", String.valueOf(batchSizes.get(0))));
        if (name != null) {
            options.put("name", name);
        }
        if (template != null) {
            options.put("template", template);
        }
        return new ModelSource(target.url, null, options);
    }

    private Consumer<Interval> progress(PrintWriter err) {
        String ci = System.getenv("CI");
        if (System.console() == null || (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"))) {
            return interval -> { };
        }
        return interval -> {
            err.printf(Locale.ROOT, "\r%6.1f s  %8.1f req/s  p99 %8.2f ms  errors %d   ", interval.startSeconds() + interval.seconds(),
                    interval.throughputRps(), interval.latencyMs().p99(), interval.errors());
            err.flush();
        };
    }

    static Duration duration(String option, String text) {
        try {
            return LoadDurations.parse(text);
        } catch (IllegalArgumentException e) {
            throw Options.invalid(option, text, List.of(LoadDurations.FORMAT));
        }
    }

}
