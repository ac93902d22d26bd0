package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.MetricValue;
import dev.assay.core.metrics.Task;
import dev.assay.core.metrics.ZeroDivision;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.slicing.SlicedEvaluation;
import dev.assay.core.data.Dataset;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.core.model.PredictedDataset;
import dev.assay.core.model.PredictionColumns;
import dev.assay.core.progress.Progress;
import dev.assay.io.DataReader;
import dev.assay.io.LoadedData;
import dev.assay.io.ReadOptions;
import dev.assay.report.ConfusionMatrixJson;
import dev.assay.core.result.Interval;
import dev.assay.core.segments.SegmentReport;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.MetricIntervals;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay evaluate}: every applicable metric for one data file with labels and predictions. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Prints every metric that applies to the predictions in a data file.",
                "Binary: give --score (probability of the positive class) and/or --prediction.",
                "Multiclass: --proba-prefix P reads per-class probabilities from columns P<class>.",
                "Regression: --prediction holds the predicted values."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  all metrics computed", "  2  usage or input error, or a metric undefined because of the input"})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", description = "CSV, Parquet or JSON-lines file.")
    Path data;

    @Option(names = "--label", paramLabel = "COL", description = "Column with the true outcome (binary, multiclass, regression).")
    String label;

    @Option(names = "--score", paramLabel = "COL", description = "Column with the score or probability of the positive class.")
    String score;

    @Option(names = "--proba-prefix", paramLabel = "P", description = "Per-class probability columns are named <P><class>.")
    String probaPrefix;

    @Option(names = "--prediction", paramLabel = "COL", description = "Column with the predicted class or value.")
    String prediction;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model file or URL (.onnx, .tribuo, http://...) whose predictions to evaluate, instead of stored ones.")
    String model;

    @Option(names = "--model-type", paramLabel = "TYPE", description = "Model adapter, when the file name does not tell (e.g. onnx).")
    String modelType;

    @Option(names = "--model-classes", paramLabel = "CLASS", split = ",",
            description = {"Label values of the model's classes, in the order of its outputs, e.g. no,yes.",
                    "Default: the model's own class names; class indices 0..k-1 are read as the sorted label values."})
    List<String> modelClasses = new ArrayList<>();

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "Label value of the positive class (default: 1 for 0/1 labels, else the less frequent class).")
    String positive;

    @Option(names = "--task", paramLabel = "TASK", description = "binary, multiclass, regression (default: inferred from the label), "
            + "ranking, text-generation, detection or segmentation.")
    String task;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Predict positive when score >= T, if there is no --prediction (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--weight", paramLabel = "COL", description = "Column with sample weights.")
    String weight;

    @Option(names = "--zero-division", paramLabel = "POLICY", defaultValue = "warn",
            description = "Value when a denominator is zero: warn (0 with a warning), zero, one or nan (default: ${DEFAULT-VALUE}).")
    String zeroDivision;

    @Option(names = "--missing", paramLabel = "VALUE", description = "Extra value meaning 'missing' in the data (repeatable), e.g. '?'.")
    List<String> missing = new ArrayList<>();

    @Option(names = "--type", paramLabel = "COL=TYPE", description = "Column type override (repeatable): numeric, categorical or text.")
    Map<String, String> types = new LinkedHashMap<>();

    @Mixin
    OutputFormat outputFormat;

    @Mixin
    IntervalOptions intervalOptions;

    @Mixin
    SliceOptions sliceOptions;

    @Mixin
    WeakSegmentOptions weakSegments;

    @Mixin
    TextGenerationOptions textGeneration;

    @Mixin
    RankingOptions ranking;

    @Mixin
    DetectionOptions detection;

    @Mixin
    SegmentationOptions segmentation;

    @Override
    public Integer call() {
        if (DetectionOptions.selected(task)) {
            return detection.run(spec.commandLine().getOut(), outputFormat.json(), data, label);
        }
        if (SegmentationOptions.selected(task)) {
            return segmentation.run(spec.commandLine().getOut(), outputFormat.json(), data, label);
        }
        detection.requireAbsent();
        segmentation.requireAbsent();
        if (data == null) {
            throw new InvalidInputException("Missing required option --data FILE (or give --task detection with --ground-truth and "
                    + "--detections).");
        }
        if (TextGenerationOptions.selected(task)) {
            return textGeneration.run(data, Options.readOptions(types, missing).withoutFingerprint(), outputFormat.json(),
                    spec.commandLine().getOut());
        }
        if (RankingOptions.asked(task)) {
            return ranking.evaluate(data, score, Options.readOptions(types, missing).withoutFingerprint(), outputFormat.json(),
                    spec.commandLine().getOut());
        }
        ranking.rejectOutsideRanking();
        if (label == null) {
            throw new InvalidInputException("Missing required option: '--label=COL' (the column with the true outcome).");
        }
        EvaluationSettings settings = settings();
        IntervalSettings ci = intervalOptions.settings();
        boolean json = outputFormat.json();
        LoadedData loaded = new DataReader().read(data, "current", readOptions());
        Frame frame = loaded.frame();
        Schema.Builder schema = Schema.builder().label(label).prediction(prediction).score(score).weight(weight);
        if (probaPrefix != null) {
            schema.classProbabilitiesByPrefix(frame, probaPrefix);
        }
        Schema s = schema.build();
        s.validateAgainst(frame);
        List<String> notes = new ArrayList<>();
        if (model == null && !modelClasses.isEmpty()) {
            throw new InvalidInputException("--model-classes names the classes of the model given with --model; give --model "
                    + "too, or leave out --model-classes.");
        }
        if (model != null) {
            if (prediction != null || score != null || probaPrefix != null) {
                throw new InvalidInputException("--model computes the predictions; leave out --prediction, --score and "
                        + "--proba-prefix, or leave out --model to evaluate the stored predictions.");
            }
            List<String> classes = modelClasses.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
            try (Model m = ModelLoaders.load(new ModelSource(model, modelType, Map.of(), classes))) {
                PredictedDataset predicted = PredictionColumns.attach(new Dataset(frame, s, loaded.info()), m.predict(frame),
                        m.info().name());
                frame = predicted.dataset().frame();
                s = predicted.dataset().schema();
                notes.addAll(predicted.notes());
            }
        }
        Evaluation evaluation = Evaluator.evaluate(frame, s, settings);
        notes.addAll(evaluation.notes());
        Map<String, IntervalEstimate> intervals = Map.of();
        if (ci != null) {
            Progress progress = TerminalProgress.forTerminal(spec.commandLine().getErr());
            progress.begin("confidence intervals (" + ci.method().id() + ")", 0);
            try {
                intervals = MetricIntervals.of(frame, s, settings, evaluation,
                        MetricIntervals.applicable(evaluation.metricIds(), ci.method()), ci, intervalOptions.seed());
            } finally {
                progress.end();
            }
            notes.add(describe(ci, evaluation.task()));
        }
        Optional<SlicedEvaluation> sliced = sliceOptions.evaluate(frame, s, settings, evaluation.task(), ci, intervalOptions.seed());
        SegmentReport segments = weakSegments.search(frame, s, evaluation, notes);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(evaluation, notes, ci, intervals, sliced, segments));
        } else {
            printText(out, evaluation, notes, intervals);
            sliced.ifPresent(r -> SliceOptions.print(out, r));
            WeakSegmentOptions.print(out, segments);
        }
        if (!evaluation.problems().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            evaluation.problems().forEach(p -> err.println("error: " + p));
            return ExitCode.INPUT_ERROR;
        }
        return ExitCode.PASS;
    }

    /**
     * The file is read without a fingerprint (evaluate shows none) and, unless a model or a probability
     * prefix or the weak-segment search needs every column, only the columns named by the options.
     */
    private ReadOptions readOptions() {
        ReadOptions options = Options.readOptions(types, missing).withoutFingerprint();
        if (model != null || probaPrefix != null || weakSegments.enabled()) {
            return options;
        }
        List<String> columns = new ArrayList<>(java.util.Arrays.asList(label, score, prediction, weight));
        columns.addAll(sliceOptions.columns());
        return options.withOnlyColumns(columns);
    }

    private EvaluationSettings settings() {
        Task t = task == null ? null : Options.enumOption("--task", task, Task.class);
        ZeroDivision z = Options.enumOption("--zero-division", zeroDivision, ZeroDivision.class);
        try {
            return new EvaluationSettings(t, positive, threshold, z);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--threshold: " + e.getMessage(), e);
        }
    }

    private String describe(IntervalSettings ci, Task task) {
        return "Intervals: " + percent(ci.level()) + " " + switch (ci.method()) {
            case WILSON -> "Wilson score intervals of the proportions (other metrics have none)";
            case BCA -> "BCa bootstrap";
            case PERCENTILE -> "percentile bootstrap";
        } + (ci.method().resamples() ? ", " + ci.resamples() + " resamples"
                + (task == Task.REGRESSION ? "" : " stratified by class") + ", seed " + intervalOptions.seed() : "") + ".";
    }

    private static String percent(double level) {
        return new BigDecimal(level * 100).round(new MathContext(4)).stripTrailingZeros().toPlainString() + "%";
    }

    private void printText(PrintWriter out, Evaluation e, List<String> notes, Map<String, IntervalEstimate> intervals) {
        out.printf(Locale.ROOT, "%s evaluation of %s (%d rows)%n", e.task().id(), data, e.rows());
        notes.forEach(n -> out.println("  note: " + n));
        out.println();
        int width = e.metricIds().stream().mapToInt(String::length).max().orElse(10);
        for (String id : e.metricIds()) {
            MetricValue v = e.metric(id);
            String shown = v.defined() ? Format.number(v.value()) + interval(intervals.get(id))
                    : "undefined: " + v.undefinedReason();
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", id, shown);
            v.warnings().forEach(w -> out.printf(Locale.ROOT, "  %-" + width + "s  warning: %s%n", "", w));
        }
        for (EvidenceTable t : e.tables()) {
            out.println();
            out.println(t.title());
            out.print(Format.table(t));
        }
    }

    /** {@code "  95% CI 0.31–0.51 (wilson)"}, the reason there is none, or nothing without intervals. */
    private static String interval(IntervalEstimate estimate) {
        if (estimate == null) {
            return "";
        }
        if (!estimate.defined()) {
            return "  (no interval: " + estimate.undefinedReason() + ")";
        }
        Interval i = estimate.interval();
        return "  " + percent(i.level()) + " CI " + Format.number(i.lower()) + "–" + Format.number(i.upper()) + " (" + i.method() + ")";
    }

    private String toJson(Evaluation e, List<String> notes, IntervalSettings ci, Map<String, IntervalEstimate> intervals,
            Optional<SlicedEvaluation> sliced, SegmentReport segments) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data.toString());
        root.put("task", e.task().id());
        root.put("rows", e.rows());
        if (ci != null) {
            ObjectNode c = root.putObject("ci");
            c.put("method", ci.method().id());
            if (ci.method().resamples()) {
                c.put("resamples", ci.resamples());
                c.put("seed", intervalOptions.seed());
            }
            c.put("level", ci.level());
        }
        ObjectNode metrics = root.putObject("metrics");
        for (String id : e.metricIds()) {
            MetricValue v = e.metric(id);
            if (ci != null) {
                ObjectNode m = metrics.putObject(id);
                if (v.defined()) {
                    m.put("value", v.value());
                } else {
                    m.putNull("value");
                    m.put("undefined", v.undefinedReason());
                }
                IntervalEstimate estimate = intervals.get(id);
                if (estimate != null && estimate.defined()) {
                    m.set("interval", mapper.valueToTree(estimate.interval()));
                } else {
                    m.putNull("interval");
                    if (estimate != null) {
                        m.put("no_interval", estimate.undefinedReason());
                    }
                }
                if (!v.warnings().isEmpty()) {
                    ArrayNode w = m.putArray("warnings");
                    v.warnings().forEach(w::add);
                }
            } else if (v.defined() && v.warnings().isEmpty()) {
                metrics.put(id, v.value());
            } else {
                ObjectNode m = metrics.putObject(id);
                if (v.defined()) {
                    m.put("value", v.value());
                } else {
                    m.putNull("value");
                    m.put("undefined", v.undefinedReason());
                }
                ArrayNode w = m.putArray("warnings");
                v.warnings().forEach(w::add);
            }
        }
        ArrayNode noteArray = root.putArray("notes");
        notes.forEach(noteArray::add);
        ArrayNode problems = root.putArray("problems");
        e.problems().forEach(problems::add);
        e.confusionMatrix().ifPresentOrElse(m -> root.set("confusion_matrix", ConfusionMatrixJson.of(m)),
                () -> root.putNull("confusion_matrix"));
        ArrayNode tables = root.putArray("tables");
        for (EvidenceTable t : e.tables()) {
            ObjectNode tn = tables.addObject();
            tn.put("title", t.title());
            ArrayNode cols = tn.putArray("columns");
            t.columns().forEach(cols::add);
            ArrayNode rows = tn.putArray("rows");
            for (List<Object> r : t.rows()) {
                rows.add(mapper.valueToTree(r));
            }
        }
        sliced.ifPresent(r -> root.set("slices", SliceOptions.toJson(mapper, r)));
        WeakSegmentOptions.addTo(root, segments, mapper);
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
