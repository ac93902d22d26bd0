package dev.assay.cli;

import dev.assay.core.checks.ModelInputs;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.methods.ExplainMethod;
import dev.assay.core.explain.methods.ExplainRequest;
import dev.assay.core.explain.methods.ExplainResult;
import dev.assay.core.explain.methods.Explainers;
import dev.assay.core.explain.Feature;
import dev.assay.core.explain.MetricScorer;
import dev.assay.core.explain.Scorer;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.io.DataReader;
import dev.assay.io.LoadedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay explain}: per-row contributions and global importance of a model's features on some rows of
 * a data file ({@link Explainers}), as text, JSON, HTML or Markdown.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains a model's output on rows of --data: each feature's contribution per row (Shapley values)",
                "and the features' global importance. Methods: kernel_shap (default), exact (up to 16 features),",
                "permutation (global only, needs --label), tree_shap and lime where available."},
        footerHeading = "%nExit codes:%n", footer = {"  0  explained", "  2  usage or input error"})
final class ExplainCommand implements Callable<Integer> {
    /** Rows explained when --rows is not given. */
    static final int DEFAULT_ROWS = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file or URL (.onnx, .tribuo, http://...).")
    String model;

    @Option(names = "--model-type", paramLabel = "TYPE", description = "Model adapter, when the file name does not tell (e.g. onnx).")
    String modelType;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The rows to explain and the background (CSV, Parquet or JSON lines).")
    Path data;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "kernel_shap", description = "Explanation method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--rows", paramLabel = "RANGE", description = "0-based rows to explain, e.g. 0-99 or 5,7,10-20 (default: the first "
            + DEFAULT_ROWS + ").")
    String rows;

    @Option(names = "--features", paramLabel = "LIST", split = ",", description = "Columns to explain (default: the model's inputs);"
            + " the others keep each row's value.")
    List<String> features;

    @Option(names = "--background", paramLabel = "N", defaultValue = "50", description = "Background rows sampled from --data (default: ${DEFAULT-VALUE}).")
    int background;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the background sample, coalitions and shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--label", paramLabel = "COL", description = "The label column, for --method permutation.")
    String label;

    @Option(names = "--metric", paramLabel = "METRIC", description = "The metric permutation importance scores (default: accuracy, r2 for a regressor).")
    String metric;

    @Option(names = "--output", paramLabel = "CLASS", description = "The class whose probability is explained (default: the positive, last class).")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, html or md (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        ExplainMethod m = ExplainMethod.parse(method, "--method");
        String f = Options.choice("--format", format, List.of("text", "json", "html", "md"));
        if (m != ExplainMethod.PERMUTATION && (label != null || metric != null)) {
            throw new InvalidInputException((label != null ? "--label" : "--metric") + " is for --method permutation only; leave it"
                    + " out for " + m.id() + ".");
        }
        if (background < 1) {
            throw new InvalidInputException("--background must be at least 1 row, found " + background + ".");
        }
        long start = System.nanoTime();
        LoadedData loaded = new DataReader().read(data, "data", Options.readOptions(Map.of(), List.of()));
        Frame frame = loaded.frame();
        if (frame.rowCount() == 0) {
            throw new InvalidInputException("The data " + data + " has no rows to explain.");
        }
        int[] explained = rows == null ? IntStream.range(0, Math.min(DEFAULT_ROWS, frame.rowCount())).toArray()
                : RowRange.parse(rows, frame.rowCount(), data.toString());
        try (Model mdl = ModelLoaders.load(new ModelSource(model, modelType, Map.of(), List.of()))) {
            if (output != null && mdl.info().task() == Task.REGRESSION) {
                throw new InvalidInputException("--output names a class, but " + mdl.info().name() + " is a regressor; its"
                        + " predicted value is explained. Leave out --output.");
            }
            List<String> columns = features == null ? ModelInputs.of(mdl, frame, label) : features;
            columns.forEach(c -> frame.column(c, "feature"));
            if (label != null && columns.contains(label)) {
                throw new InvalidInputException("Column '" + label + "' is the label and cannot be explained as a feature; leave it"
                        + " out of --features.");
            }
            Scorer scorer = m == ExplainMethod.PERMUTATION ? scorer(mdl, frame.slice(explained)) : null;
            ExplainResult result = Explainers.run(m, new ExplainRequest(mdl, output, frame, explained, Feature.each(columns),
                    background, seed, scorer, TerminalProgress.forTerminal(spec.commandLine().getErr())));
            ExplainOutput view = new ExplainOutput(mdl.info().name(), data.toString(), outputName(mdl), result, frame,
                    Feature.each(columns), Duration.ofNanos(System.nanoTime() - start));
            String text = switch (f) {
                case "json" -> view.json();
                case "html" -> view.html(loaded.info());
                case "md" -> view.markdown();
                default -> view.text();
            };
            write(text);
        }
        return ExitCode.PASS;
    }

    private Scorer scorer(Model mdl, Frame explained) {
        if (label == null) {
            throw new InvalidInputException("--method permutation scores the model against the true values; name the label"
                    + " column with --label.");
        }
        String id = metric != null ? metric : mdl.info().task() == Task.REGRESSION ? "r2" : "accuracy";
        return MetricScorer.forModel(id, explained.column(label, "label"), EvaluationSettings.defaults(), mdl, output);
    }

    private String outputName(Model mdl) {
        if (mdl.info().task() == Task.REGRESSION) {
            return "predicted value";
        }
        List<String> classes = mdl.info().classes();
        return "probability of class " + (output != null ? output : classes.get(classes.size() - 1));
    }

    private void write(String text) {
        AtomicFiles.printOrWrite(spec.commandLine().getOut(), out, text, "--out");
        if (out != null) {
            spec.commandLine().getOut().println("Wrote " + out);
        }
    }
}
