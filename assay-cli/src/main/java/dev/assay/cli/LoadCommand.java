package dev.assay.cli;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.load.Arrivals;
import dev.assay.core.load.FailureKinds;
import dev.assay.core.load.HistogramLog;
import dev.assay.core.load.Interval;
import dev.assay.core.load.LoadDurations;
import dev.assay.core.load.LoadGenerator;
import dev.assay.core.load.LoadPlan;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.load.RateProfile;
import dev.assay.core.load.StressTest;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
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
    private static final Pattern SLO = Pattern.compile("(p50|p90|p99|p999|max)\\s*<\\s*(\\d+(?:\\.\\d+)?)\\s*ms");

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

    @Option(names = "--payload", required = true, paramLabel = "FILE", description = "Data file whose rows are sent, cycling; "
            + "with --url, a .jsonl file holds one request body a line, posted as is.")
    Path payload;

    @Option(names = "--rate", paramLabel = "R", description = "Requests per second, open loop (default: 100).")
    Double rate;

    @Option(names = "--concurrency", paramLabel = "C", description = "Workers, closed loop.")
    Integer concurrency;

    @Option(names = "--poisson", description = "Poisson arrivals instead of constant ones (open loop).")
    boolean poisson;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "256",
            description = "Requests in flight at most, open loop (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1", description = "Rows per request (default: ${DEFAULT-VALUE}).")
    int batchSize;

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
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "html").contains(f)) {
            throw Options.invalid("--format", format, List.of("text", "json", "html"));
        }
        boolean json = f.equals("json");
        LoadReport html = f.equals("html") ? new LoadReport(target.url != null ? target.url : target.model, settings()) : null;
        if (rate != null && concurrency != null) {
            throw new InvalidInputException("Give either --rate (open loop) or --concurrency (closed loop), not both.");
        }
        boolean jsonLines = payload.getFileName() != null && payload.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
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
        List<double[]> objectives = slos.stream().map(LoadCommand::slo).toList();
        LoadPlan plan = plan();
        MaxRateSearch search = null;
        if (findMax.enabled) {
            if (concurrency != null || objectives.isEmpty()) {
                throw new InvalidInputException("--find-max raises an open-loop rate until an objective breaks: give at least one --slo "
                        + "such as \"p99<200ms\", and --rate (the first rate) rather than --concurrency.");
            }
            search = findMax.search(plan.rate());
        }
        RateProfile steps = profile();
        double stressLimit = stressLimit(objectives);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FailureKinds kinds = target.url != null ? new HttpFailureKinds() : FailureKinds.DEFAULT;
        long process = pid != null ? pid : target.url != null ? -1 : ProcessHandle.current().pid();
        LoadResult result;
        try (Load load = jsonLines ? Load.jsonLines(target.url, payload, timeoutMillis()) : Load.model(source(), rows(), batchSize);
                HistogramLog log = histogramLog()) {
            if (search != null) {
                MaxRateSearch.Outcome outcome = search.search(r -> new LoadGenerator(kinds, process, progress(err),
                        sink(log, String.format(Locale.ROOT, "rate=%.3f", r))).run(load, plan.withRate(r)),
                        r -> meets(r, objectives) && r.errorRate() <= findMax.maxErrorRate);
                out.print(html != null ? html.search(outcome, String.join(", ", slos) + ", error rate <= " + findMax.maxErrorRate)
                        : json ? LoadOutput.json(outcome, slos, findMax.maxErrorRate) + "\n" : LoadOutput.text(outcome));
                out.flush();
                return outcome.points().stream().anyMatch(MaxRateSearch.Point::sustained) ? ExitCode.PASS : ExitCode.FAIL;
            }
            if (stress != null) {
                LoadPlan overload = plan.withRate(stress);
                LoadPlan after = plan.withDuration(duration("--recovery", recovery));
                StressTest.Outcome outcome = StressTest.run(p -> new LoadGenerator(kinds, process, progress(err),
                        sink(log, String.format(Locale.ROOT, "stress,rate=%.3f", p.rate()))).run(load, p), overload, after, stressLimit);
                out.print(html != null ? html.stress(outcome) : json ? LoadOutput.json(outcome) + "\n" : LoadOutput.text(outcome));
                out.flush();
                return outcome.recovered() ? ExitCode.PASS : ExitCode.FAIL;
            }
            if (steps != null) {
                List<LoadResult> results = new ArrayList<>();
                for (int i = 0; i < steps.steps().size(); i++) {
                    RateProfile.Step step = steps.steps().get(i);
                    LoadPlan p = plan.withRate(step.rate()).withDuration(step.duration());
                    results.add(new LoadGenerator(kinds, process, progress(err), sink(log, String.format(Locale.ROOT, "step=%d,rate=%.3f",
                            i + 1, step.rate()))).run(load, i == 0 ? p : p.withWarmup(Duration.ZERO)));
                }
                boolean met = objectives.isEmpty() || results.stream().allMatch(r -> meets(r, objectives) && r.errorCount() == 0);
                out.print(html != null ? html.profile(steps.spec(), results, met)
                        : json ? LoadOutput.json(steps.spec(), results) + "\n" : LoadOutput.text(steps.spec(), results));
                out.flush();
                return met ? ExitCode.PASS : ExitCode.FAIL;
            }
            result = new LoadGenerator(kinds, process, progress(err), sink(log, null)).run(load, plan);
        } catch (IOException e) {
            throw new InvalidInputException("Could not write the histogram log " + histogramLog + ": " + e.getMessage()
                    + ". Give a writable file path to --histogram-log.");
        }
        boolean broken = false;
        StringBuilder verdicts = new StringBuilder();
        for (int i = 0; i < objectives.size(); i++) {
            double measured = percentile(result, (int) objectives.get(i)[0]);
            boolean met = measured < objectives.get(i)[1] && result.errorCount() == 0;
            broken |= !met;
            verdicts.append(String.format(Locale.ROOT, "SLO %s: %s (measured %.3f ms, %d errors)%n", slos.get(i), met ? "met" : "BROKEN",
                    measured, result.errorCount()));
        }
        out.print(html != null ? html.run(result, !broken, verdicts.toString().lines().toList()) : json ? LoadOutput.json(result) + "\n" : LoadOutput.text(result) + verdicts);
        out.flush();
        return broken ? ExitCode.FAIL : ExitCode.PASS;
    }

    /** The settings shown in the HTML report's provenance. */
    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("payload", payload.toString());
        s.put(concurrency != null ? "concurrency" : "rate", String.valueOf(concurrency != null ? concurrency : rate == null ? 100 : rate));
        s.put("duration", duration);
        s.put("warmup", warmup);
        s.put("batch_size", String.valueOf(batchSize));
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

    private RateProfile profile() {
        if (profile == null) {
            return null;
        }
        if (concurrency != null || findMax.enabled) {
            throw new InvalidInputException("--profile runs open-loop steps of its own rates: leave out --concurrency and --find-max.");
        }
        try {
            return RateProfile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Invalid value '" + profile + "' for --profile: " + e.getMessage() + ".");
        }
    }

    /** The p99 limit of a --stress run, checked with the options it excludes; NaN without --stress. */
    private double stressLimit(List<double[]> objectives) {
        if (stress == null) {
            return Double.NaN;
        }
        if (concurrency != null || findMax.enabled || profile != null) {
            throw new InvalidInputException("--stress runs an open-loop overload then --rate: leave out --concurrency, --find-max "
                    + "and --profile.");
        }
        if (!(stress > 0 && stress <= 1e6)) {
            throw Options.invalid("--stress", String.valueOf(stress), List.of("above 0, at most 1000000 requests per second"));
        }
        if (duration("--recovery", recovery).isZero()) {
            throw Options.invalid("--recovery", recovery, List.of("a positive duration such as 500ms, 30s, 2m"));
        }
        return objectives.stream().filter(o -> o[0] == 2).mapToDouble(o -> o[1]).findFirst().orElseThrow(() ->
                new InvalidInputException("--stress measures the time until p99 is back under its objective: give --slo "
                        + "\"p99<200ms\" (your limit)."));
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

    private static Consumer<Histogram> sink(HistogramLog log, String tag) {
        return log == null ? h -> { } : log.tagged(tag);
    }

    private static boolean meets(LoadResult r, List<double[]> objectives) {
        return objectives.stream().allMatch(o -> percentile(r, (int) o[0]) < o[1]);
    }

    private LoadPlan plan() {
        Duration measured = duration("--duration", duration);
        if (measured.isZero()) {
            throw Options.invalid("--duration", duration, List.of("a positive duration such as 500ms, 30s, 2m"));
        }
        if (maxInFlight < 1 || maxInFlight > 10_000) {
            throw Options.invalid("--max-in-flight", String.valueOf(maxInFlight), List.of("1 to 10000"));
        }
        if (batchSize < 1) {
            throw Options.invalid("--batch-size", String.valueOf(batchSize), List.of("1 or more"));
        }
        LoadPlan plan;
        if (concurrency != null) {
            if (concurrency < 1 || concurrency > 10_000) {
                throw Options.invalid("--concurrency", String.valueOf(concurrency), List.of("1 to 10000"));
            }
            plan = LoadPlan.closedLoop(concurrency, measured);
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
                "timeout_seconds", String.valueOf(seconds), "batch_size", String.valueOf(batchSize)));
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

    /** An SLO as {percentile index, limit in ms}: index 0-4 for p50, p90, p99, p999, max. */
    private static double[] slo(String text) {
        Matcher m = SLO.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw Options.invalid("--slo", text, List.of("p50, p90, p99, p999 or max, then '<' and milliseconds, e.g. \"p99<200ms\""));
        }
        int index = List.of("p50", "p90", "p99", "p999", "max").indexOf(m.group(1));
        return new double[] {index, Double.parseDouble(m.group(2))};
    }

    private static double percentile(LoadResult r, int index) {
        return switch (index) {
            case 0 -> r.latencyMs().p50();
            case 1 -> r.latencyMs().p90();
            case 2 -> r.latencyMs().p99();
            case 3 -> r.latencyMs().p999();
            default -> r.latencyMs().max();
        };
    }
}
