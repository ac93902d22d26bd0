package dev.assay.cli;

import dev.assay.core.abtest.AbTestAnalysis;
import dev.assay.core.abtest.AbTestData;
import dev.assay.core.abtest.AbTestResult;
import dev.assay.core.abtest.AbTestSettings;
import dev.assay.core.error.InvalidInputException;
import dev.assay.io.DataReader;
import dev.assay.io.LoadedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay abtest}: compares the treatment and control arms of an experiment on one or more
 * metrics ({@link AbTestAnalysis}) and prints the result as text, JSON, Markdown or an HTML page.
 */
@Command(name = "abtest", mixinStandardHelpOptions = true,
        description = {"A/B test statistics: per metric the two-proportion z-test (0/1 metrics, pooled) or Welch's t-test with",
                "intervals for the absolute and relative lift; optionally Mann-Whitney, CUPED with a pre-period covariate and",
                "always-valid sequential p-values per look (normal-mixture mSPRT); a sample-ratio-mismatch check; Holm and",
                "Benjamini-Hochberg corrections across metrics; guardrail metrics that stop the test."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  analysed", "  1  stop: a guardrail metric significantly worsened, or the sample ratio is off (p < 0.001)",
                "  2  usage or input error"})
final class AbTestCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("text", "json", "md", "html");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "One row per unit (CSV, Parquet or JSON lines).")
    Path data;

    @Option(names = "--variant", required = true, paramLabel = "COL", description = "The column naming each row's arm.")
    String variant;

    @Option(names = "--control", required = true, paramLabel = "VALUE", description = "The control arm's value in --variant.")
    String control;

    @Option(names = "--treatment", paramLabel = "VALUE", description = "The treatment arm's value; needed when --variant holds"
            + " more than two values (rows of the others are left out).")
    String treatment;

    @Option(names = "--metric", required = true, paramLabel = "COL", split = ",", description = "Metric columns, numeric;"
            + " 0/1 columns get the two-proportion z-test, others Welch's t-test.")
    List<String> metrics;

    @Option(names = "--covariate", paramLabel = "COL", description = "A pre-period covariate for CUPED variance reduction.")
    String covariate;

    @Option(names = "--expected-split", paramLabel = "C,T", split = ",", description = "Expected control and treatment weights"
            + " for the sample-ratio check (default: 50,50).")
    List<Double> expectedSplit;

    @Option(names = "--look", paramLabel = "COL", description = "A column ordering rows into looks (day, batch) for the"
            + " sequential test; look k uses every row up to it.")
    String look;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--test", paramLabel = "TEST", defaultValue = "auto", description = "auto (z or Welch) or mann-whitney (also"
            + " the Mann-Whitney U test for every metric) (default: ${DEFAULT-VALUE}).")
    String test;

    @Option(names = "--mann-whitney", paramLabel = "COL", split = ",", description = "Metrics that also get the Mann-Whitney U test.")
    List<String> mannWhitney;

    @Option(names = "--guardrail", paramLabel = "COL", split = ",", description = "Guardrail metrics: a significant worsening"
            + " stops the test (analysed even when not in --metric).")
    List<String> guardrails;

    @Option(names = "--lower-is-better", paramLabel = "COL", split = ",", description = "Metrics for which a decrease is an improvement.")
    List<String> lowerIsBetter;

    @Option(names = "--tau-squared", paramLabel = "X", defaultValue = "0.01", description = "The mSPRT mixing variance as a"
            + " multiple of the metric's variance at the first look (default: ${DEFAULT-VALUE}).")
    double tauSquared;

    @Option(names = "--drop-missing", description = "Leave out rows with a missing value (counted in the output) instead of failing.")
    boolean dropMissing;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, md or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE (atomically) instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        String f = Options.choice("--format", format, FORMATS);
        AbTestSettings settings = settings();
        long start = System.nanoTime();
        LoadedData loaded = new DataReader().read(data, "data", Options.readOptions(Map.of(), List.of()));
        if (loaded.frame().rowCount() == 0) {
            throw new InvalidInputException("The data " + data + " has no rows; an A/B test needs rows of both arms.");
        }
        AbTestResult result = AbTestAnalysis.run(AbTestData.from(loaded.frame(), new AbTestData.Columns(variant, control,
                treatment, analysed(), covariate, look, dropMissing)), settings);
        AbTestOutput output = new AbTestOutput(data.toString(), variant, covariate, result,
                Duration.ofNanos(System.nanoTime() - start));
        String text = switch (f) {
            case "json" -> output.json();
            case "md" -> output.markdown();
            case "html" -> output.html(loaded.info());
            default -> output.text();
        };
        write(text);
        String outcome = result.decision().outcome();
        return outcome.equals("stop_guardrail") || outcome.equals("invalid_sample_ratio") ? ExitCode.FAIL : ExitCode.PASS;
    }

    /** The metrics, then guardrails not among them. */
    private List<String> analysed() {
        Set<String> all = new LinkedHashSet<>(metrics);
        all.addAll(list(guardrails));
        return new ArrayList<>(all);
    }

    private AbTestSettings settings() {
        if (!(alpha > 0 && alpha <= 0.5)) {
            throw new InvalidInputException("--alpha must be in (0, 0.5], found " + alpha + ".");
        }
        List<Double> split = expectedSplit == null ? List.of(50.0, 50.0) : expectedSplit;
        if (split.size() != 2 || split.stream().anyMatch(w -> !(w > 0) || w.isInfinite())) {
            throw new InvalidInputException("--expected-split takes two positive weights, control then treatment, e.g. 50,50;"
                    + " found " + split + ".");
        }
        if (!(tauSquared > 0) || Double.isInfinite(tauSquared)) {
            throw new InvalidInputException("--tau-squared must be a positive number, found " + tauSquared + ".");
        }
        String t = test.toLowerCase(Locale.ROOT);
        if (!List.of("auto", "mann-whitney").contains(t)) {
            throw Options.invalid("--test", test, List.of("auto", "mann-whitney"));
        }
        List<String> all = analysed();
        Set<String> mw = new LinkedHashSet<>(t.equals("mann-whitney") ? all : List.of());
        mw.addAll(known("--mann-whitney", mannWhitney, all));
        return new AbTestSettings(alpha, split, mw, Set.copyOf(list(guardrails)), known("--lower-is-better", lowerIsBetter, all),
                tauSquared);
    }

    private static Set<String> known(String option, List<String> named, List<String> metrics) {
        for (String m : list(named)) {
            if (!metrics.contains(m)) {
                throw new InvalidInputException(option + " names '" + m + "', which is not a metric; add it to --metric or"
                        + " leave it out. Metrics: " + String.join(", ", metrics) + ".");
            }
        }
        return Set.copyOf(list(named));
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l;
    }

    private void write(String text) {
        AtomicFiles.printOrWrite(spec.commandLine().getOut(), out, text.endsWith("\n") ? text : text + "\n", "--out");
        if (out != null) {
            spec.commandLine().getOut().println("Wrote " + out);
        }
    }
}
