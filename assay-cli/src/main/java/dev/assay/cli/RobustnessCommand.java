package dev.assay.cli;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.RowSample;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.core.progress.Progress;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationCatalog;
import dev.assay.core.robustness.PerturbationEvaluation;
import dev.assay.core.robustness.PerturbationSettings;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.robustness.attack.AdversarialEvaluation;
import dev.assay.core.robustness.attack.AttackSettings;
import dev.assay.core.robustness.attack.AttackSpace;
import dev.assay.core.robustness.attack.ScoreOracle;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay robustness}: runs perturbations ({@link PerturbationEvaluation}) and adversarial attacks
 * ({@link AdversarialEvaluation}) against a binary classifier on a data file and reports the effects as text,
 * JSON, HTML or Markdown ({@link RobustnessReport}, {@link RobustnessPage}); {@code --export} writes the adversarial
 * examples found ({@link AdversarialExport}).
 */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = {"Measures how a binary classifier's predictions hold up under perturbations and adversarial attacks.",
                "Without --perturbation or --attack: the tabular perturbations that apply to the data, and FGSM."},
        footerHeading = "%nExit codes:%n", footer = {"  0  measured", "  2  usage or input error"})
final class RobustnessCommand implements Callable<Integer> {
    static final List<String> DEFAULT_EPS = List.of("0.01", "0.05", "0.1");
    private static final int EXAMPLES = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file or URL (.onnx, .tribuo, http://...).")
    String model;

    @Option(names = "--model-type", paramLabel = "TYPE", description = "Model adapter, when the file name does not tell (e.g. onnx).")
    String modelType;

    @Option(names = "--model-classes", paramLabel = "CLASS", split = ",",
            description = "Label values of the model's classes, in the order of its outputs, e.g. no,yes.")
    List<String> modelClasses = new ArrayList<>();

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The rows (CSV, Parquet or JSON lines).")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The label column (two classes).")
    String label;

    @Option(names = "--positive", paramLabel = "CLASS", description = "The positive class (default: the greater label value).")
    String positive;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Predict positive when the positive-class probability is >= T (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--perturbation", paramLabel = "NAME", split = ",", description = "Perturbations to run (repeatable): "
            + "${COMPLETION-CANDIDATES}.", completionCandidates = PerturbationNames.class)
    List<String> perturbations = new ArrayList<>();

    @Option(names = "--setting", paramLabel = "KEY=VALUE", description = {"A perturbation setting (repeatable), e.g. "
            + "sigma=0.3, rate=0.2, image_shape=8x8, degrees=30; each applies to the perturbations that have it (see "
            + "docs/robustness.md)."})
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--attack", paramLabel = "NAME", split = ",", description = "Attacks to run (repeatable): ${COMPLETION-CANDIDATES}.",
            completionCandidates = AttackNames.class)
    List<String> attacks = new ArrayList<>();

    @Option(names = "--norm", paramLabel = "NORM", defaultValue = "linf", description = "linf or l2 (default: ${DEFAULT-VALUE}).")
    String norm;

    @Option(names = "--eps", paramLabel = "E", split = ",",
            description = "Attack budgets in standard deviations of each column (default: 0.01,0.05,0.1).")
    List<String> eps = new ArrayList<>();

    @Option(names = "--scale", paramLabel = "SCALE", defaultValue = "std",
            description = "Unit of eps: std (each column's standard deviation) or raw (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--steps", paramLabel = "N", description = "Iterations of PGD (default 10), Square (100) and HopSkipJump (20), or passes of SimBA (1).")
    Integer steps;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "accuracy",
            description = "Binary metric whose drop a perturbation reports (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--columns", paramLabel = "LIST", split = ",", description = "Columns to perturb and attack (default: the model's inputs).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--immutable", paramLabel = "LIST", split = ",", description = "Columns never changed, e.g. sex,age.")
    List<String> immutable = new ArrayList<>();

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000",
            description = "Use a random sample of this many rows, drawn with the seed (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of sampling, noise and attacks (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--export", paramLabel = "FILE", description = "Write the adversarial examples found (CSV, or JSON for a .json file).")
    Path export;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, html or md (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"--out", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    /** The attack names for the help text. */
    static final class AttackNames extends ArrayList<String> {
        AttackNames() {
            super(attackNames());
        }
    }

    /** The perturbation names for the help text. */
    static final class PerturbationNames extends ArrayList<String> {
        PerturbationNames() {
            super(PerturbationCatalog.entries().stream().map(PerturbationCatalog.Entry::name).toList());
        }
    }

    static List<String> attackNames() {
        return Arrays.stream(AttackSettings.Method.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public Integer call() {
        String fmt = Options.choice("--format", format, List.of("text", "json", "html", "md"));
        List<String> budgets = eps.isEmpty() ? DEFAULT_EPS : eps.stream().map(String::strip).toList();
        double[] budgetValues = budgets(budgets);
        AttackSettings.Norm n = Options.enumOption("--norm", norm, AttackSettings.Norm.class);
        if (!scale.equalsIgnoreCase("std") && !scale.equalsIgnoreCase("raw")) {
            throw Options.invalid("--scale", scale, List.of("std", "raw"));
        }
        if (rows < 1) {
            throw new InvalidInputException("--rows must be a positive whole number, found " + rows + ".");
        }
        if (steps != null && (steps < 1 || steps > 10_000)) {
            throw new InvalidInputException("--steps must be a whole number from 1 to 10000, found " + steps + ".");
        }
        List<AttackSettings.Method> methods = methods();
        List<String> perturbationNames = perturbations.stream().map(String::strip).toList();
        List<String> known = PerturbationCatalog.entries().stream().map(PerturbationCatalog.Entry::name).toList();
        for (String p : perturbationNames) {
            if (!known.contains(p)) {
                throw Options.invalid("--perturbation", p, known);
            }
        }
        checkSettings(perturbationNames);
        Frame all = new DataReader().read(data, "data", Options.readOptions(Map.of(), List.of()).withoutFingerprint()).frame();
        Frame frame = all.rowCount() <= rows ? all : all.slice(RowSample.indices(all.rowCount(), rows, seed));
        Column labels = frame.column(label, "label");
        String pos = positiveClass(labels);
        List<String> classes = modelClasses.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        List<String> notes = new ArrayList<>();
        if (frame.rowCount() < all.rowCount()) {
            notes.add("Used a random sample of " + frame.rowCount() + " of the " + all.rowCount() + " rows (seed " + seed
                    + "); raise --rows to use more.");
        }
        try (Model m = ModelLoaders.load(new ModelSource(model, modelType, Map.of(), classes))) {
            List<String> targets = columns.isEmpty() ? inputs(m, frame) : columns.stream().map(String::strip).toList();
            PerturbationTarget target = PerturbationTarget.of(frame, targets,
                    Constraints.NONE.withImmutable(new LinkedHashSet<>(immutable)));
            if (perturbationNames.isEmpty() && attacks.isEmpty()) {
                perturbationNames = DefaultPerturbations.of(frame, target);
                methods = List.of(AttackSettings.Method.FGSM);
            }
            if (!methods.isEmpty() && m.info().classes().size() > 2) {
                throw new InvalidInputException("Model " + model + " has " + m.info().classes().size() + " classes "
                        + m.info().classes() + "; attacks measure binary classifiers. Drop --attack, or attack a binary model.");
            }
            RobustnessReport report = new RobustnessReport(data.toString(), model, label, m.info().classes().size() > 2 ? null : pos, frame.rowCount(), budgets, notes);
            Progress progress = TerminalProgress.forTerminal(spec.commandLine().getErr());
            progress.begin("robustness", perturbationNames.size() + methods.size());
            try {
                if (!perturbationNames.isEmpty()) {
                    EvaluationSettings settings = new EvaluationSettings(Task.BINARY, pos, threshold,
                            EvaluationSettings.defaults().zeroDivision());
                    PerturbationEvaluation evaluation = new PerturbationEvaluation(m, frame, labels, settings, metric,
                            IntervalSettings.defaults(), seed);
                    for (String p : perturbationNames) {
                        progress.advance(p);
                        report.add(evaluation.measure(perturbation(p), target,
                                EXAMPLES));
                    }
                }
                boolean raw = scale.equalsIgnoreCase("raw");
                AttackSpace space = methods.isEmpty() ? null : new AttackSpace(frame, target, raw, true);
                if (space != null && !space.skipped().isEmpty()) {
                    notes.add("Not attacked, as their values do not vary: " + String.join(", ", space.skipped()) + ".");
                }
                boolean[] truth = truth(frame, labels, pos);
                for (AttackSettings.Method method : methods) {
                    progress.advance(method.name().toLowerCase(Locale.ROOT));
                    int s = steps != null ? steps : method.defaultSteps();
                    AttackSettings settings = new AttackSettings(method, n, budgetValues, s, Double.NaN, raw, true, seed);
                    report.add(AdversarialEvaluation.run(space, truth, new ScoreOracle(m, labels, pos, threshold), settings),
                            frame);
                }
            } finally {
                progress.end();
            }
            if (export != null) {
                AdversarialExport.write(export, report);
            }
            emit(fmt, report);
        }
        return ExitCode.PASS;
    }

    private void emit(String fmt, RobustnessReport report) {
        String text = switch (fmt) {
            case "json" -> report.json();
            case "html" -> RobustnessPage.html(report);
            case "md" -> RobustnessPage.markdown(report);
            default -> report.text();
        };
        AtomicFiles.printOrWrite(spec.commandLine().getOut(), output, text, "--out");
    }

    private static double[] budgets(List<String> budgets) {
        double[] out = new double[budgets.size()];
        Set<Double> seen = new java.util.HashSet<>();
        for (int i = 0; i < out.length; i++) {
            String b = budgets.get(i);
            try {
                out[i] = Double.parseDouble(b);
            } catch (NumberFormatException e) {
                out[i] = Double.NaN;
            }
            if (!(out[i] >= 0) || Double.isInfinite(out[i]) || b.isEmpty() || !Character.isDigit(b.charAt(b.length() - 1))) {
                throw new InvalidInputException("--eps takes numbers of at least 0 separated by commas, e.g. 0.01,0.05,0.1; found '"
                        + Excerpt.of(b) + "'.");
            }
            if (!seen.add(out[i])) {
                throw new InvalidInputException("--eps names the budget " + b + " twice; give each budget once.");
            }
        }
        return out;
    }

    private List<AttackSettings.Method> methods() {
        List<AttackSettings.Method> out = new ArrayList<>();
        for (String a : attacks) {
            String name = a.strip().toLowerCase(Locale.ROOT);
            AttackSettings.Method found = Arrays.stream(AttackSettings.Method.values())
                    .filter(m -> m.name().toLowerCase(Locale.ROOT).equals(name)).findFirst()
                    .orElseThrow(() -> Options.invalid("--attack", a, attackNames()));
            if (!out.contains(found)) {
                out.add(found);
            }
        }
        return out;
    }

    /** Every --setting is a setting of some perturbation asked for. */
    private void checkSettings(List<String> names) {
        for (String key : settings.keySet()) {
            List<String> having = PerturbationCatalog.entries().stream().filter(e -> names.contains(e.name()))
                    .filter(e -> e.settings().stream().anyMatch(s -> s.key().equals(key))).map(PerturbationCatalog.Entry::name).toList();
            if (having.isEmpty()) {
                throw new InvalidInputException("--setting " + Excerpt.of(key) + ": no perturbation asked for with --perturbation "
                        + "has this setting" + (names.isEmpty() ? " (name the perturbations with --perturbation)" : "") + ". Settings "
                        + "are listed in docs/robustness.md.");
            }
        }
    }

    /** Perturbation {@code name} with the --setting values it has. */
    private Perturbation perturbation(String name) {
        PerturbationCatalog.Entry entry = PerturbationCatalog.entries().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow();
        Map<String, String> own = new LinkedHashMap<>();
        entry.settings().forEach(s -> {
            if (settings.containsKey(s.key())) {
                own.put(s.key(), settings.get(s.key()));
            }
        });
        try {
            return PerturbationCatalog.create(name, PerturbationSettings.of(own));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--setting for " + name + ": " + own + " holds a value that is not a number where one "
                    + "is needed.");
        }
    }

    private String positiveClass(Column labels) {
        TreeSet<String> values = new TreeSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String v = labels.format(i);
            if (v == null) {
                throw new InvalidInputException("The label column '" + Excerpt.of(label) + "' of " + data + " has no value in row "
                        + (i + 1) + "; fill it in or drop the row.");
            }
            values.add(v);
        }
        if (values.size() < 2) {
            throw new InvalidInputException("The label column '" + Excerpt.of(label) + "' of " + data + " has "
                    + (values.isEmpty() ? "no values" : "one class only (" + Excerpt.of(values.iterator().next()) + ")")
                    + "; robustness is measured on rows of both classes. Use data with both.");
        }
        if (positive != null && !values.contains(positive)) {
            throw new InvalidInputException("--positive " + Excerpt.of(positive) + " is not a value of the label column '"
                    + Excerpt.of(label) + "' (its values: " + String.join(", ", values) + ").");
        }
        return positive != null ? positive : values.last();
    }

    private static boolean[] truth(Frame frame, Column labels, String pos) {
        boolean[] out = new boolean[frame.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pos.equals(labels.format(i));
        }
        return out;
    }

    /** The model's input columns present in the data, or every column but the label when the model does not name them. */
    private List<String> inputs(Model m, Frame frame) {
        List<String> out = new ArrayList<>();
        m.info().features().features().forEach(f -> {
            if (!f.column().equals(label) && frame.has(f.column()) && !out.contains(f.column())) {
                out.add(f.column());
            }
        });
        if (out.isEmpty()) {
            frame.columnNames().stream().filter(c -> !c.equals(label)).forEach(out::add);
        }
        return out;
    }
}
