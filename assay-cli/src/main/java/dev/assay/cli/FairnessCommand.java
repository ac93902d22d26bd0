package dev.assay.cli;

import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.Aggregation;
import dev.assay.core.fairness.Convention;
import dev.assay.core.fairness.FairnessAssessment;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.MetricComparison;
import dev.assay.core.fairness.MultipleTesting;
import dev.assay.core.fairness.Outcomes;
import dev.assay.core.fairness.ProtectedAttribute;
import dev.assay.core.fairness.RegressionDisparities;
import dev.assay.core.metrics.BinaryOutcomes;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import dev.assay.core.metrics.Task;
import dev.assay.core.metrics.ZeroDivision;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.core.model.PredictedDataset;
import dev.assay.core.model.PredictionColumns;
import dev.assay.io.DataReader;
import dev.assay.io.LoadedData;
import dev.assay.io.ReadOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code assay fairness}: disparities of a model's predictions across protected groups; binary, multiclass
 * (one-vs-rest per class) or regression (mean absolute error and mean prediction per group).
 */
@Command(name = "fairness", mixinStandardHelpOptions = true,
        description = {"Compares a model's predictions across protected groups, with intervals and significance tests.",
                "Measures demographic parity, equalized odds, equal opportunity, disparate impact (with --privileged)",
                "and more, each with a bootstrap interval; every group's counts and rates with Wilson intervals; and",
                "tests of whether selection rates differ.",
                "--task multiclass does so one-vs-rest for every class; --task regression compares the mean absolute",
                "error and the mean prediction of the groups."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  measured (read the values: no condition is judged here; use a suite's fairness check for a gate)",
                "  2  usage or input error"})
final class FairnessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV, Parquet or JSON-lines file.")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Column with the true outcome.")
    String label;

    @Option(names = "--prediction", paramLabel = "COL",
            description = "Column with the predicted class, or with scores when --threshold is given.")
    String prediction;

    @Option(names = "--model", paramLabel = "MODEL", description = "Model file or URL (.onnx, .tribuo, http://...) to predict with.")
    String model;

    @Option(names = "--model-type", paramLabel = "TYPE", description = "Model adapter, when the file name does not tell (e.g. onnx).")
    String modelType;

    @Option(names = "--model-classes", paramLabel = "CLASS", split = ",",
            description = "Label values of the model's classes, in the order of its outputs, e.g. no,yes.")
    List<String> modelClasses = new ArrayList<>();

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "binary",
            description = "binary, multiclass (one-vs-rest per class) or regression (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--group", required = true, paramLabel = "COL", split = ",",
            description = "Protected column(s) whose groups to compare, e.g. sex,race.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--intersections", description = "Also compare the groups of all --group columns combined.")
    boolean intersections;

    @Option(names = "--edges", paramLabel = "COL=E1,E2,...",
            description = "Bin edges of a numeric group column (repeatable), e.g. age=0,25,100 (pandas cut, closed on the right).")
    Map<String, String> edges = new LinkedHashMap<>();

    @Option(names = "--bins", paramLabel = "N", defaultValue = "4",
            description = "Quantile bins of a numeric group column without --edges (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--privileged", paramLabel = "VALUE|COL=VALUE",
            description = {"The privileged group, for disparate_impact, statistical_parity_difference and",
                    "average_odds_difference: a value of the single --group column, or COL=VALUE per column (repeatable)."})
    List<String> privileged = new ArrayList<>();

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "Label value of the favourable (positive) outcome (default: 1 for 0/1 labels, else the less frequent class).")
    String positive;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Predict positive when the score (--prediction column, or the model's) is >= T.")
    Double threshold;

    @Option(names = "--min-group-size", paramLabel = "N", defaultValue = "30",
            description = "Smaller groups are listed and left out of the comparisons (default: ${DEFAULT-VALUE}).")
    int minGroupSize;

    @Option(names = "--convention", paramLabel = "NAME", defaultValue = "explicit",
            description = "explicit (undefined values said), fairlearn (0) or aif360 (NaN) (default: ${DEFAULT-VALUE}).")
    String convention;

    @Option(names = "--aggregation", paramLabel = "NAME", defaultValue = "between_groups",
            description = "between_groups (max - min, min / max) or to_overall (default: ${DEFAULT-VALUE}).")
    String aggregation;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples for the intervals of the disparities; 0 for none (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
            description = "Significance level of the selection-rate tests (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--metrics", paramLabel = "ID", split = ",",
            description = {"Evaluation metrics to compare per group, e.g. f1,recall,roc_auc (scores: --threshold or a model):",
                    "each group's value with a bootstrap interval, and ID_difference, ID_ratio ('assay metrics' lists them)."})
    List<String> metrics = new ArrayList<>();

    @Option(names = "--missing", paramLabel = "VALUE", description = "Extra value meaning 'missing' in the data (repeatable), e.g. '?'.")
    List<String> missing = new ArrayList<>();

    @Option(names = "--type", paramLabel = "COL=TYPE", description = "Column type override (repeatable): numeric, categorical or text.")
    Map<String, String> types = new LinkedHashMap<>();

    @Mixin
    OutputFormat outputFormat;

    @Override
    public Integer call() {
        boolean json = outputFormat.json();
        if ((prediction == null) == (model == null)) {
            throw new InvalidInputException("give either --prediction COL (stored predictions) or --model FILE (predict with a model).");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidInputException("--alpha must be between 0 and 1 (e.g. 0.05), not " + alpha + ".");
        }
        FairnessSettings settings = new FairnessSettings(Options.enumOption("--convention", convention, Convention.class),
                minGroupSize, FairnessSettings.DEFAULT.level(), resamples, seed);
        Aggregation agg = Options.enumOption("--aggregation", aggregation, Aggregation.class);
        Task t = Options.enumOption("--task", task, Task.class);
        if (t != Task.BINARY && (threshold != null || positive != null)) {
            throw new InvalidInputException((threshold != null ? "--threshold" : "--positive") + " applies to --task binary only; a "
                    + t.id() + " task compares " + (t == Task.REGRESSION ? "predicted values" : "every class one-vs-rest") + ".");
        }
        LoadedData loaded = new DataReader().read(data, "current", readOptions());
        List<String> notes = new ArrayList<>();
        FairnessAssessment.Plan plan = new FairnessAssessment.Plan(attributes(), intersections, privileged(),
                agg, settings, MultipleTesting.HOLM);
        PrintWriter out = spec.commandLine().getOut();
        if (t == Task.BINARY) {
            Scored scored = outcomes(loaded, notes);
            BinaryOutcomes outcomes = scored.outcomes();
            boolean[] truth = new boolean[outcomes.rows()];
            boolean[] predicted = new boolean[outcomes.rows()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = outcomes.truth(i);
                predicted[i] = outcomes.predicted(i);
            }
            List<FairnessAssessment.Grouping> result = FairnessAssessment.assess(loaded.frame(), truth, predicted, plan);
            result.forEach(g -> notes.addAll(g.groups().notes()));
            List<MetricComparison> compared = compare(scored.frame(), scored.schema(),
                    scored.settings().withPositiveClass(outcomes.positiveClass()), plan);
            print(out, json, new FairnessReport(data.toString(), truth.length, outcomes.positiveClass(), plan, alpha,
                    List.of(new FairnessReport.ClassGroupings(null, result)), compared, notes));
            return ExitCode.PASS;
        }
        Dataset predictions = predictions(loaded, notes);
        Frame frame = predictions.frame();
        String predictionColumn = predictions.schema().prediction();
        List<MetricComparison> compared = compare(frame, predictions.schema(), new EvaluationSettings(t, null, 0.5, ZeroDivision.WARN), plan);
        if (t == Task.REGRESSION) {
            double[] truth = Outcomes.numbers(frame, label, "label");
            double[] predicted = Outcomes.numbers(frame, predictionColumn, "prediction");
            List<RegressionDisparities> result = new ArrayList<>();
            for (List<ProtectedAttribute> grouping : FairnessAssessment.groupings(plan.attributes(), intersections)) {
                result.add(RegressionDisparities.of(Groups.of(frame, grouping), truth, predicted));
            }
            result.forEach(r -> notes.addAll(r.groups().notes()));
            RegressionFairnessReport report = new RegressionFairnessReport(data.toString(), truth.length, plan, result, compared, notes);
            if (json) {
                out.println(report.json());
            } else {
                report.print(out);
            }
            return ExitCode.PASS;
        }
        List<FairnessReport.ClassGroupings> byClass = new ArrayList<>();
        for (Map.Entry<String, boolean[][]> c : Outcomes.oneVsRestIndicators(frame, label, predictionColumn).entrySet()) {
            byClass.add(new FairnessReport.ClassGroupings(c.getKey(),
                    FairnessAssessment.assess(frame, c.getValue()[0], c.getValue()[1], plan)));
        }
        byClass.get(0).groupings().forEach(g -> notes.addAll(g.groups().notes()));
        notes.add("multiclass: every measure is one-vs-rest for each class (the class against the rest), keyed by class.");
        print(out, json, new FairnessReport(data.toString(), frame.rowCount(), null, plan, alpha, byClass, compared, notes));
        return ExitCode.PASS;
    }

    private static void print(PrintWriter out, boolean json, FairnessReport report) {
        if (json) {
            out.println(report.json());
        } else {
            report.print(out);
        }
    }

    /** The {@code --metrics} compared across every grouping; empty without the option. */
    private List<MetricComparison> compare(Frame frame, Schema schema, EvaluationSettings settings, FairnessAssessment.Plan plan) {
        List<String> ids = metrics.stream().map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
        List<MetricComparison> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        Evaluation overall = Evaluator.evaluate(frame, schema, settings);
        for (String id : ids) {
            if (!overall.metricIds().contains(id)) {
                throw new InvalidInputException("--metrics: '" + Excerpt.of(id) + "' is not a metric of this " + overall.task().id()
                        + " evaluation" + (schema.score() == null && overall.task() == Task.BINARY ? " without scores (give --threshold "
                        + "with a score column, or a model, for score metrics such as roc_auc)" : "") + ". Choose from: "
                        + String.join(", ", overall.metricIds()) + ".");
            }
        }
        List<List<ProtectedAttribute>> groupings = FairnessAssessment.groupings(plan.attributes(), intersections);
        for (List<ProtectedAttribute> grouping : groupings) {
            Groups g = Groups.of(frame, grouping);
            String key = groupings.size() == 1 ? null : String.join(FairnessAssessment.INTERSECTION, g.columns());
            out.add(MetricComparison.of(key, frame, schema, settings, g, ids, plan.aggregation(), plan.settings()));
        }
        return out;
    }

    /** The rows, roles and settings the binary outcomes were evaluated with, and the outcomes. */
    private record Scored(Frame frame, Schema schema, EvaluationSettings settings, BinaryOutcomes outcomes) {
    }

    /** The data with the model's predictions attached, or with the stored --prediction column (multiclass and regression). */
    private Dataset predictions(LoadedData loaded, List<String> notes) {
        Frame frame = loaded.frame();
        if (model == null) {
            Schema schema = Schema.builder().label(label).prediction(prediction).build();
            schema.validateAgainst(frame);
            return new Dataset(frame, schema, loaded.info());
        }
        List<String> classes = modelClasses.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        try (Model m = ModelLoaders.load(new ModelSource(model, modelType, Map.of(), classes))) {
            PredictedDataset p = PredictionColumns.attach(new Dataset(frame, Schema.builder().label(label).build(), loaded.info()),
                    m.predict(frame), m.info().name());
            notes.addAll(p.notes());
            if (p.dataset().schema().prediction() == null) {
                throw new InvalidInputException("model " + model + " gives no predictions of the"
                        + " label; give --prediction COL with stored predictions instead.");
            }
            return p.dataset();
        }
    }

    private ReadOptions readOptions() {
        ReadOptions options = Options.readOptions(types, missing).withoutFingerprint();
        if (model != null) {
            return options;
        }
        List<String> columns = new ArrayList<>(List.of(label, prediction));
        columns.addAll(groups);
        return options.withOnlyColumns(columns);
    }

    /** The rows' classes and predicted classes, from the stored column or the model, with --threshold for scores. */
    private Scored outcomes(LoadedData loaded, List<String> notes) {
        Frame frame = loaded.frame();
        Schema schema;
        if (model != null) {
            List<String> classes = modelClasses.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
            try (Model m = ModelLoaders.load(new ModelSource(model, modelType, Map.of(), classes))) {
                PredictedDataset p = PredictionColumns.attach(new Dataset(frame, Schema.builder().label(label).build(), loaded.info()),
                        m.predict(frame), m.info().name());
                frame = p.dataset().frame();
                schema = p.dataset().schema();
                notes.addAll(p.notes());
            }
            if (threshold != null) {
                if (schema.score() == null) {
                    throw new InvalidInputException("--threshold turns scores into classes, but model " + model
                            + " gives no score of the positive class; leave out --threshold.");
                }
                schema = schema.toBuilder().prediction(null).build();
            }
        } else if (threshold == null) {
            refuseScores(frame);
            schema = Schema.builder().label(label).prediction(prediction).build();
        } else {
            schema = Schema.builder().label(label).score(prediction).build();
        }
        schema.validateAgainst(frame);
        EvaluationSettings settings;
        try {
            settings = new EvaluationSettings(Task.BINARY, positive, threshold == null ? 0.5 : threshold, ZeroDivision.WARN);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--threshold: " + e.getMessage(), e);
        }
        Evaluation e = Evaluator.evaluate(frame, schema, settings);
        notes.addAll(e.notes());
        if (!e.problems().isEmpty() && e.binaryOutcomes().isEmpty()) {
            throw new InvalidInputException(String.join(" ", e.problems()));
        }
        BinaryOutcomes outcomes = e.binaryOutcomes().orElseThrow(() -> new InvalidInputException("no predicted classes could be read from "
                + (model != null ? "model " + model : "column '" + prediction + "'") + "; give --prediction with the predicted class."));
        return new Scored(frame, schema, settings, outcomes);
    }

    /** Scores in a column of predicted classes: ask for --threshold. */
    private void refuseScores(Frame frame) {
        Column column = frame.column(prediction, "prediction");
        if (column instanceof NumericColumn numeric) {
            for (int i = 0; i < numeric.size(); i++) {
                double v = numeric.get(i);
                if (v > 0 && v < 1) {
                    throw new InvalidInputException("--prediction column '" + Excerpt.of(prediction) + "' of " + data + " holds scores ("
                            + v + " at " + frame.describeRow(i) + ") where predicted classes were expected. Give --threshold T to "
                            + "predict positive when the score is >= T (e.g. --threshold 0.5), or name the column of predicted classes.");
                }
            }
        }
    }

    private List<ProtectedAttribute> attributes() {
        for (String column : edges.keySet()) {
            if (!groups.contains(column)) {
                throw new InvalidInputException("--edges " + column + "=...: '" + Excerpt.of(column) + "' is not a --group column "
                        + groups + ".");
            }
        }
        List<ProtectedAttribute> out = new ArrayList<>();
        for (String column : groups) {
            String given = edges.get(column);
            if (given == null) {
                out.add(ProtectedAttribute.withQuantiles(column, bins));
                continue;
            }
            String[] parts = given.split(",");
            double[] e = new double[parts.length];
            for (int i = 0; i < e.length; i++) {
                try {
                    e[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException ex) {
                    throw new InvalidInputException("--edges " + column + "=" + given + ": '" + Excerpt.of(parts[i])
                            + "' is not a number; give increasing numbers separated by commas, e.g. age=0,25,100.");
                }
            }
            out.add(ProtectedAttribute.withEdges(column, e));
        }
        return out;
    }

    /** {@code --privileged VALUE} for the single group column, or {@code COL=VALUE} per column. */
    private Map<String, String> privileged() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : privileged) {
            int eq = p.indexOf('=');
            if (eq > 0 && groups.contains(p.substring(0, eq).strip())) {
                out.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            } else if (groups.size() == 1) {
                out.put(groups.get(0), p);
            } else {
                throw new InvalidInputException("--privileged " + p + ": with several --group columns name the column, e.g. --privileged "
                        + groups.get(0) + "=VALUE.");
            }
        }
        return out;
    }
}
