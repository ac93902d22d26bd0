package dev.assay.cli;

import dev.assay.core.check.CheckSetup;
import dev.assay.core.compare.DeLongTest;
import dev.assay.core.compare.FlipSlices;
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
import dev.assay.core.slicing.Binning;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.PairedBootstrap;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay compare}: a baseline (champion) and a candidate (challenger) binary classifier scored
 * on the same rows, from stored scores or from models: the chosen metrics of both with a paired
 * bootstrap interval of each difference, the rows that flip and the slices where the candidate breaks
 * rows, McNemar's test of the accuracies and DeLong's test of the AUCs.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two binary classifiers scored on the same rows (champion vs challenger).",
                "--baseline and --candidate each name a column with the model's score of the positive class, or a model",
                "(.onnx, .tribuo.gz or an http(s) URL) that scores the rows; a row is predicted positive when its score >= --threshold."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  compared", "  2  usage or input error"})
final class CompareCommand implements Callable<Integer> {
    private static final int TOP_SLICES = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV, Parquet or JSON-lines file with the label.")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Column with the true outcome (two classes).")
    String label;

    @Option(names = "--baseline", required = true, paramLabel = "COL|MODEL",
            description = "The baseline's score column in --data, or its model.")
    String baseline;

    @Option(names = "--candidate", required = true, paramLabel = "COL|MODEL",
            description = "The candidate's score column (in --candidate-data if given, else --data), or its model.")
    String candidate;

    @Option(names = "--candidate-data", paramLabel = "FILE",
            description = "A second file the candidate's scores are read from (or its model scores); rows match --data by --id, else by position.")
    Path candidateData;

    @Option(names = "--id", paramLabel = "COL", description = "Column identifying a row in both files, to match --data and --candidate-data.")
    String id;

    @Option(names = "--metrics", paramLabel = "LIST", split = ",", defaultValue = "accuracy,roc_auc",
            description = "Binary metric ids to compare, e.g. accuracy,roc_auc,recall,precision,f1,average_precision,log_loss"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> metrics;

    @Option(names = "--slices", paramLabel = "COL", split = ",",
            description = "Columns to look for concentrated negative flips in (default: every other column of --data).")
    List<String> slices;

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
            description = "Level of the intervals of the differences (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--interval", paramLabel = "METHOD", defaultValue = "percentile",
            description = "Paired bootstrap interval: percentile or bca (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples, at least 100 (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + CheckSetup.DEFAULT_SEED,
            description = "Seed of the bootstrap; the same seed gives the same intervals (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--missing", paramLabel = "VALUE", description = "Extra value meaning 'missing' in the data (repeatable), e.g. '?'.")
    List<String> missing = new ArrayList<>();

    @Mixin
    OutputFormat outputFormat;

    @Override
    public Integer call() {
        boolean json = outputFormat.json();
        ComparisonReport report = report();
        spec.commandLine().getOut().println(json ? report.json() : report.text());
        return ExitCode.PASS;
    }

    /** Reads the data, scores both sides and compares them. */
    ComparisonReport report() {
        McNemarTest.Method method = Options.enumOption("--mcnemar", mcnemar, McNemarTest.Method.class);
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidInputException("--confidence must be between 0 and 1 (exclusive), e.g. 0.95; got " + confidence + ".");
        }
        IntervalSettings ci = bootstrapSettings();
        if (id != null && candidateData == null) {
            throw new InvalidInputException("--id matches the rows of --data and --candidate-data; give --candidate-data too, or"
                    + " leave out --id.");
        }
        Frame frame = read(data);
        Frame candidateFrame = candidateData == null ? frame : read(candidateData);
        BinaryLabels labels = BinaryLabels.read(frame, label, positive);
        ScoreSource base = new ScoreSource("--baseline", baseline);
        ScoreSource cand = new ScoreSource("--candidate", candidate);
        double[] baseScores = base.scores(data, frame, frame.column(label, "label"), labels.positive());
        double[] candScores = candidateScores(cand, frame, candidateFrame, labels);
        EvaluationSettings settings = new EvaluationSettings(Task.BINARY, labels.positive(), threshold, ZeroDivision.WARN);
        Evaluation baseEval = Evaluator.binary(labels.truth(), baseScores, null, null, settings);
        Evaluation candEval = Evaluator.binary(labels.truth(), candScores, null, null, settings);
        List<String> ids = metricIds(baseEval);
        DeLongTest delong = delong(labels, baseScores, candScores);
        var intervals = new PairedBootstrap(labels.truth(), baseScores, candScores, settings).intervals(ids, ci, seed);
        boolean[] baseRight = Flips.correct(labels.truth(), baseScores, threshold);
        boolean[] candRight = Flips.correct(labels.truth(), candScores, threshold);
        Flips flips = Flips.count(baseRight, candRight);
        boolean[] negative = new boolean[baseRight.length];
        for (int i = 0; i < negative.length; i++) {
            negative[i] = baseRight[i] && !candRight[i];
        }
        List<FlipSlices> bySlice = FlipSlices.top(frame, sliceColumns(frame, base), negative, Binning.DEFAULT, TOP_SLICES);
        return new ComparisonReport(new ComparisonReport.Header(data.toString(),
                candidateData == null ? null : candidateData.toString(), frame.rowCount(), label, labels.positive(), baseline,
                candidate, threshold), baseEval, candEval, intervals, ci, seed, flips, bySlice, McNemarTest.of(flips, method),
                delong);
    }

    private IntervalSettings bootstrapSettings() {
        IntervalMethod m = Options.enumOption("--interval", interval, IntervalMethod.class);
        if (m == IntervalMethod.WILSON) {
            throw Options.invalid("--interval", interval, List.of("percentile", "bca"));
        }
        return IntervalSettings.of(m, resamples, "--resamples", confidence, "--confidence");
    }

    private Frame read(Path file) {
        return new DataReader().read(file, "current", Options.readOptions(Map.of(), missing).withoutFingerprint()).frame();
    }

    private double[] candidateScores(ScoreSource cand, Frame frame, Frame candidateFrame, BinaryLabels labels) {
        if (candidateData == null) {
            return cand.scores(data, frame, frame.column(label, "label"), labels.positive());
        }
        int[] order = RowAlignment.of(data, frame, candidateData, candidateFrame, id);
        double[] scores = cand.scores(candidateData, candidateFrame, frame.column(label, "label"), labels.positive());
        double[] out = new double[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[order[i]];
        }
        return out;
    }

    private List<String> metricIds(Evaluation evaluation) {
        List<String> out = new ArrayList<>();
        for (String m : metrics) {
            String metric = m.strip();
            if (!evaluation.metricIds().contains(metric)) {
                throw Options.invalid("--metrics", metric, List.copyOf(evaluation.metricIds()));
            }
            if (!out.contains(metric)) {
                out.add(metric);
            }
        }
        return out;
    }

    private List<String> sliceColumns(Frame frame, ScoreSource base) {
        if (slices != null) {
            List<String> out = slices.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            out.forEach(c -> frame.column(c, "slice"));
            return out;
        }
        List<String> out = new ArrayList<>(frame.columnNames());
        out.remove(label);
        if (id != null) {
            out.remove(id);
        }
        if (base.isColumn(frame)) {
            out.remove(baseline);
        }
        if (candidateData == null) {
            out.remove(candidate);
        }
        return out;
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
}
