package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.cli.registry.RegistryCommand;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.io.DataReader;
import dev.assay.registry.Equivalence;
import dev.assay.registry.ModelRegistry;
import dev.assay.registry.ModelVersion;
import dev.assay.registry.Names;
import dev.assay.registry.VersionRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code assay registry compare}: two registered versions of a binary classifier on the same rows,
 * as {@code assay compare} compares a champion and a challenger, plus an {@link Equivalence} check
 * for converted models.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two versions of a binary classifier on the same rows: the champion/challenger comparison of "
                + "'assay compare' (metrics with paired bootstrap intervals, flips, McNemar, DeLong) and an equivalence check "
                + "for converted models (agreement rate, largest probability difference, metric differences within "
                + "--tolerance, the rows that disagree)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  compared", "  1  with --require-equivalent: the versions are not equivalent", "  2  usage or input error"})
final class RegistryCompareCommand implements Callable<Integer> {
    @ParentCommand
    RegistryCommand registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model's name.")
    String name;

    @Parameters(index = "1", paramLabel = "V1", description = "The champion: a version (3, v3) or alias.")
    String first;

    @Parameters(index = "2", paramLabel = "V2", description = "The challenger: a version or alias.")
    String second;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV, Parquet or JSON-lines file with the label.")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Column with the true outcome (two classes).")
    String label;

    @Option(names = "--positive", paramLabel = "VALUE", description = "Label value of the positive class.")
    String positive;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5", description = "Predict positive when score >= T "
            + "(default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--metrics", paramLabel = "LIST", split = ",", defaultValue = "accuracy,roc_auc",
            description = "Binary metric ids to compare (default: ${DEFAULT-VALUE}).")
    List<String> metrics;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-4", description = "The largest probability and metric "
            + "difference that still counts as equivalent (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20", description = "How many disagreeing rows to list "
            + "(default: ${DEFAULT-VALUE}).")
    int listed;

    @Option(names = "--require-equivalent", description = "Exit 1 when the versions are not equivalent.")
    boolean requireEquivalent;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + CheckSetup.DEFAULT_SEED, description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    OutputFormat outputFormat;

    @Override
    public Integer call() throws IOException {
        boolean json = outputFormat.json();
        if (!(tolerance >= 0) || listed < 0) {
            throw new InvalidInputException("--tolerance and --rows must be 0 or more; got " + tolerance + " and " + listed + ".");
        }
        ModelRegistry models = registry.open();
        ModelVersion a = models.resolve(VersionRef.of(Names.require(name, "model name"), first));
        ModelVersion b = models.resolve(VersionRef.of(name, second));
        try (TemporaryFolder staged = new TemporaryFolder("assay-compare-")) {
            String locationA = stage(models, a, staged.path());
            String locationB = stage(models, b, staged.path());
            CompareCommand compare = new CompareCommand();
            compare.data = data;
            compare.label = label;
            compare.baseline = locationA;
            compare.candidate = locationB;
            compare.metrics = metrics;
            compare.positive = positive;
            compare.threshold = threshold;
            compare.mcnemar = "exact";
            compare.confidence = 0.95;
            compare.interval = "percentile";
            compare.resamples = 1000;
            compare.seed = seed;
            ComparisonReport report = compare.report();

            Frame frame = new DataReader().read(data, "current", Options.readOptions(Map.of(), List.of()).withoutFingerprint()).frame();
            BinaryLabels labels = BinaryLabels.read(frame, label, positive);
            double[] scoresA = new ScoreSource("V1", locationA).scores(data, frame, frame.column(label, "label"), labels.positive());
            double[] scoresB = new ScoreSource("V2", locationB).scores(data, frame, frame.column(label, "label"), labels.positive());
            Map<String, double[]> values = new LinkedHashMap<>();
            for (String id : report.intervals().keySet()) {
                values.put(id, new double[] {report.baseline().metric(id).value(), report.candidate().metric(id).value()});
            }
            Equivalence eq = Equivalence.of(scoresA, scoresB, threshold, tolerance, values, listed);
            print(spec.commandLine().getOut(), json, a, b, report, eq);
            return requireEquivalent && !eq.equivalent() ? ExitCode.FAIL : ExitCode.PASS;
        }
    }

    /** Copies a version's artifact under a name whose extension tells its adapter; an HTTP version is its URL. */
    private static String stage(ModelRegistry models, ModelVersion v, Path folder) throws IOException {
        if (v.framework().equals("http")) {
            return models.source(v).location();
        }
        String ext = v.fileName().toLowerCase(Locale.ROOT).endsWith(".tribuo.gz") ? ".tribuo.gz"
                : v.framework().equals("tribuo") ? ".tribuo" : ".onnx";
        return Files.copy(models.artifact(v), folder.resolve(v.name() + "-v" + v.version() + ext)).toString();
    }

    private static void print(PrintWriter out, boolean json, ModelVersion a, ModelVersion b, ComparisonReport report, Equivalence eq)
            throws IOException {
        if (!json) {
            out.println("Champion " + a.reference() + " (" + a.framework() + ") against challenger " + b.reference() + " ("
                    + b.framework() + ")");
            out.print(report.text());
            out.println();
            out.println("Equivalence (tolerance " + Format.number(eq.tolerance()) + "): " + (eq.equivalent() ? "EQUIVALENT"
                    : "NOT EQUIVALENT"));
            out.printf(Locale.ROOT, "  agreement rate %s (%d of %d rows disagree)%n", Format.number(eq.agreementRate()),
                    eq.disagreeingCount(), eq.rows());
            out.printf(Locale.ROOT, "  largest probability difference %s (row %d)%n", Format.number(eq.maxProbabilityDifference()),
                    eq.maxDifferenceRow() + 1);
            eq.metrics().forEach((id, m) -> out.printf(Locale.ROOT, "  %s: %s vs %s, difference %s%s%n", id, Format.number(m.a()),
                    Format.number(m.b()), Format.number(m.difference()), eq.withinTolerance(id) ? "" : " (beyond the tolerance)"));
            eq.disagreeing().forEach(r -> out.printf(Locale.ROOT, "  row %d: %s vs %s%n", r.row() + 1, Format.number(r.scoreA()),
                    Format.number(r.scoreB())));
            return;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("name", a.name());
        root.set("champion", side(mapper, a));
        root.set("challenger", side(mapper, b));
        root.set("comparison", mapper.readTree(report.json()));
        ObjectNode e = root.putObject("equivalence");
        e.put("equivalent", eq.equivalent());
        e.put("tolerance", eq.tolerance());
        e.put("rows", eq.rows());
        e.put("agreement_rate", eq.agreementRate());
        e.put("disagreeing_rows", eq.disagreeingCount());
        e.put("max_probability_difference", eq.maxProbabilityDifference());
        e.put("max_difference_row", eq.maxDifferenceRow() + 1);
        ObjectNode m = e.putObject("metrics");
        eq.metrics().forEach((id, d) -> {
            ObjectNode n = m.putObject(id);
            n.put("champion", d.a());
            n.put("challenger", d.b());
            n.put("difference", d.difference());
            n.put("within_tolerance", eq.withinTolerance(id));
        });
        List<ObjectNode> rows = new ArrayList<>();
        eq.disagreeing().forEach(r -> rows.add(mapper.createObjectNode().put("row", r.row() + 1).put("champion_score", r.scoreA())
                .put("challenger_score", r.scoreB())));
        e.putArray("disagreeing").addAll(rows);
        out.println(mapper.writeValueAsString(root));
    }

    private static ObjectNode side(ObjectMapper mapper, ModelVersion v) {
        return mapper.createObjectNode().put("version", v.version()).put("sha256", v.sha256()).put("framework", v.framework());
    }
}
