package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.compare.DeLongTest;
import dev.assay.core.compare.Flips;
import dev.assay.core.compare.McNemarTest;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import dev.assay.core.metrics.ZeroDivision;
import dev.assay.io.DataReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay compare}: a baseline (champion) and a candidate (challenger) binary classifier scored
 * on the same rows, from stored scores: accuracy and ROC AUC of both, the rows that flip, McNemar's
 * test of the accuracies and DeLong's test of the AUCs.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two binary classifiers scored on the same rows (champion vs challenger).",
                "--baseline and --candidate are columns with each model's score of the positive class;",
                "a row is predicted positive when its score >= --threshold."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  compared", "  2  usage or input error"})
final class CompareCommand implements Callable<Integer> {
    private static final List<String> METRICS = List.of("accuracy", "roc_auc");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV, Parquet or JSON-lines file.")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Column with the true outcome (two classes).")
    String label;

    @Option(names = "--baseline", required = true, paramLabel = "COL", description = "The baseline model's score of the positive class.")
    String baseline;

    @Option(names = "--candidate", required = true, paramLabel = "COL", description = "The candidate model's score of the positive class.")
    String candidate;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "Label value of the positive class (default: 1 for 0/1 labels, else the less frequent class).")
    String positive;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Predict positive when score >= T (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--mcnemar", paramLabel = "METHOD", defaultValue = "exact",
            description = "McNemar's test: exact, chi_square or chi_square_corrected (default: ${DEFAULT-VALUE}).")
    String mcnemar;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Level of the interval of the AUC difference (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--missing", paramLabel = "VALUE", description = "Extra value meaning 'missing' in the data (repeatable), e.g. '?'.")
    List<String> missing = new ArrayList<>();

    @Mixin
    OutputFormat outputFormat;

    @Override
    public Integer call() {
        boolean json = outputFormat.json();
        McNemarTest.Method method = Options.enumOption("--mcnemar", mcnemar, McNemarTest.Method.class);
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidInputException("--confidence must be between 0 and 1 (exclusive), e.g. 0.95; got " + confidence + ".");
        }
        Frame frame = new DataReader().read(data, "current", Options.readOptions(Map.of(), missing).withoutFingerprint()
                .withOnlyColumns(Arrays.asList(label, baseline, candidate))).frame();
        BinaryLabels labels = BinaryLabels.read(frame, label, positive);
        double[] baseScores = scores(frame, baseline, "baseline");
        double[] candScores = scores(frame, candidate, "candidate");
        EvaluationSettings settings = new EvaluationSettings(Task.BINARY, labels.positive(), threshold, ZeroDivision.WARN);
        Evaluation base = Evaluator.binary(labels.truth(), baseScores, null, null, settings);
        Evaluation cand = Evaluator.binary(labels.truth(), candScores, null, null, settings);
        Flips flips = Flips.count(correct(labels.truth(), baseScores), correct(labels.truth(), candScores));
        Comparison c = new Comparison(frame.rowCount(), labels, base, cand, flips, McNemarTest.of(flips, method),
                delong(labels, baseScores, candScores));
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(c) : toText(c));
        return ExitCode.PASS;
    }

    private record Comparison(int rows, BinaryLabels labels, Evaluation baseline, Evaluation candidate, Flips flips,
                              McNemarTest mcnemar, DeLongTest delong) {
    }

    private static double[] scores(Frame frame, String column, String role) {
        double[] values = frame.numeric(column, role + " score").toArray();
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new InvalidInputException("The " + role + " score column '" + Excerpt.of(column) + "' has no value in "
                        + frame.describeRow(i) + ". Both models must score every row: drop the row from the file or "
                        + "score it with both models.");
            }
        }
        return values;
    }

    private DeLongTest delong(BinaryLabels labels, double[] baseScores, double[] candScores) {
        try {
            return DeLongTest.of(labels.truth(), baseScores, candScores, confidence);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Cannot compare the ROC AUCs of '" + Excerpt.of(baseline) + "' and '"
                    + Excerpt.of(candidate) + "' (positive class '" + Excerpt.of(labels.positive()) + "'): " + e.getMessage()
                    + ". Use more rows of the rarer class.", e);
        }
    }

    private boolean[] correct(boolean[] truth, double[] scores) {
        boolean[] out = new boolean[truth.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (scores[i] >= threshold) == truth[i];
        }
        return out;
    }

    private String toJson(Comparison c) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data.toString());
        root.put("rows", c.rows());
        root.put("label", label);
        root.put("positive", c.labels().positive());
        root.put("baseline", baseline);
        root.put("candidate", candidate);
        root.put("threshold", threshold);
        ObjectNode metrics = root.putObject("metrics");
        for (String id : METRICS) {
            ObjectNode m = metrics.putObject(id);
            m.put("baseline", c.baseline().metric(id).value());
            m.put("candidate", c.candidate().metric(id).value());
            m.put("difference", c.candidate().metric(id).value() - c.baseline().metric(id).value());
        }
        ObjectNode flips = root.putObject("flips");
        flips.put("baseline_only", c.flips().baselineOnly());
        flips.put("candidate_only", c.flips().candidateOnly());
        flips.put("both_right", c.flips().bothRight());
        flips.put("both_wrong", c.flips().bothWrong());
        ObjectNode mc = root.putObject("mcnemar");
        mc.put("method", c.mcnemar().method().name().toLowerCase(Locale.ROOT));
        mc.put("statistic", c.mcnemar().statistic());
        mc.put("p_value", c.mcnemar().pValue());
        DeLongTest d = c.delong();
        ObjectNode dl = root.putObject("delong");
        dl.put("statistic", d.z());
        dl.put("p_value", d.pValue());
        dl.put("difference", d.difference());
        dl.put("standard_error", d.standardError());
        dl.put("confidence", d.confidence());
        dl.put("lower", d.lower());
        dl.put("upper", d.upper());
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toText(Comparison c) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String id : METRICS) {
            double b = c.baseline().metric(id).value();
            double k = c.candidate().metric(id).value();
            lines.put(id, Format.number(b) + " -> " + Format.number(k) + " (" + signed(k - b) + ")");
        }
        Flips f = c.flips();
        lines.put("flips", f.baselineOnly() + " rows only the baseline got right, " + f.candidateOnly()
                + " only the candidate (" + f.bothRight() + " both right, " + f.bothWrong() + " both wrong)");
        McNemarTest m = c.mcnemar();
        lines.put("mcnemar", m.method().name().toLowerCase(Locale.ROOT) + " statistic " + Format.number(m.statistic())
                + ", p = " + Format.number(m.pValue()));
        DeLongTest d = c.delong();
        lines.put("delong", "z = " + Format.number(d.z()) + ", p = " + Format.number(d.pValue()) + ", AUC difference "
                + signed(d.difference()) + " (" + Format.number(100 * d.confidence()) + "% CI " + signed(d.lower()) + " to "
                + signed(d.upper()) + ")");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Comparison of %s (baseline) and %s (candidate) on %s (%d rows, positive class '%s', threshold %s)%n%n",
                baseline, candidate, data, c.rows(), c.labels().positive(), Format.number(threshold)));
        lines.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-9s %s%n", k, v)));
        return out.toString().stripTrailing();
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + Format.number(v);
    }
}
