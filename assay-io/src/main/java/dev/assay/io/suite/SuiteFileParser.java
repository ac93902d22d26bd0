package dev.assay.io.suite;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.data.ColumnType;
import dev.assay.core.error.Choices;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.metrics.ZeroDivision;
import dev.assay.core.model.ModelSource;
import dev.assay.core.suite.Suite;
import dev.assay.io.DataFormat;
import dev.assay.io.ReadOptions;
import dev.assay.io.TextFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a suite file. The format (documented in {@code docs/suite-format.md}):
 *
 * <pre>
 * suite: German credit release gate        # required
 * description: ...
 * data:
 *   current: test.csv                      # or {path: ..., format: ..., types: {...}, missing: [...]}
 *   reference: train.csv                   # optional
 *   types: {age: numeric}                  # applies to both
 *   missing: ["?"]
 * model: credit.onnx                       # optional: {path|url: ..., type: ..., options: {...}}
 * columns:
 *   label: class
 *   score: proba_bad                       # or probabilities: {prefix: proba_} / {class: column, ...}
 *   prediction: predicted
 *   weight: w
 *   features: [...]
 *   protected: [...]
 * evaluation:
 *   task: binary                           # binary | multiclass | regression; inferred when absent
 *   positive: bad
 *   threshold: 0.5
 *   zero_division: warn                    # warn | zero | one | nan
 * seed: 42                                 # optional: for checks that resample or shuffle
 * checks:
 *   - type: metric                         # the default; any kind on the class path ('assay checks')
 *     name: Recall of bad credit
 *     metric: recall
 *     fail: recall >= 0.55                 # a condition or a list of them
 *     warn: recall >= 0.65
 *     where: {foreign_worker: "yes"}       # optional slice
 *     seed: 7                              # optional, overrides the suite's seed
 * </pre>
 *
 * Every error names the file and line, unknown keys get the closest allowed key.
 */
final class SuiteFileParser {
    private static final Set<String> TOP_KEYS = Set.of("suite", "description", "data", "model", "columns", "evaluation",
            "seed", "checks");
    private static final Set<String> MODEL_KEYS = Set.of("path", "url", "type", "options", "classes");
    private static final Set<String> DATA_KEYS = Set.of("current", "reference", "types", "missing", "format");
    private static final Set<String> SOURCE_KEYS = Set.of("path", "format", "types", "missing");
    private static final Set<String> COLUMN_KEYS = Set.of("label", "prediction", "score", "probabilities", "weight",
            "features", "protected", "timestamp", "id");
    private static final Set<String> EVALUATION_KEYS = Set.of("task", "positive", "threshold", "zero_division");

    private SuiteFileParser() {
    }

    /**
     * Parses and validates {@code file}. Data files are not opened here.
     *
     * @throws InvalidInputException naming the file and line for any problem
     */
    static SuitePlan parse(Path file) {
        String shown = file.toString();
        String text = TextFiles.read(file, "Suite file", 1 << 20);
        return parse(shown, file.toAbsolutePath().getParent(), text);
    }

    /** Parses suite text with the kinds of check on Assay's class path; relative data paths resolve against {@code baseDir}. */
    static SuitePlan parse(String fileName, Path baseDir, String text) {
        return parse(fileName, baseDir, text, CheckKinds.discover());
    }

    /** Parses suite text with the given kinds of check; relative data paths resolve against {@code baseDir}. */
    static SuitePlan parse(String fileName, Path baseDir, String text, CheckKinds kinds) {
        Node root = compose(fileName, text);
        if (root == null) {
            throw new SuiteFileException(fileName, 0, "the file is empty. A suite needs at least 'suite', 'data', "
                    + "'columns' and 'checks'; see docs/suite-format.md.");
        }
        YamlSection top = new YamlSection(fileName, baseDir, "", root);
        top.allowOnly(TOP_KEYS);
        String name = top.requireString("suite");
        YamlSection data = require(top, "data");
        data.allowOnly(DATA_KEYS);
        DataSpec current = source(data, "current", baseDir, true);
        DataSpec reference = source(data, "reference", baseDir, false);
        ModelSource model = model(top, baseDir);
        ColumnsSpec columns = columns(require(top, "columns"));
        if (model != null) {
            for (String role : List.of("prediction", "score", "probabilities")) {
                if (columns.lines().containsKey(role)) {
                    throw new SuiteFileException(fileName, columns.lines().get(role), "'columns." + role + "' and 'model' "
                            + "both give predictions. The model's predictions are computed by Assay: remove 'columns." + role
                            + "', or remove 'model' to test the stored predictions.");
                }
            }
        }
        EvaluationSettings settings = settings(top.child("evaluation"));
        long seed = top.integer("seed", CheckSetup.DEFAULT_SEED);
        boolean predictions = model != null || columns.givesPredictions();
        CheckEntries entries = new CheckEntries(kinds, settings, seed, reference != null, predictions);
        List<Check> checks = entries.read(top);
        Suite suite = new Suite(name, top.string("description", ""), checks);
        Map<String, String> runSettings = new LinkedHashMap<>(settings.describe());
        runSettings.put("seed", Long.toString(seed));
        YamlSection evaluation = top.child("evaluation");
        boolean positive = evaluation != null && evaluation.has("positive");
        return new SuitePlan(fileName, suite, current, reference, columns, model, runSettings,
                new SuitePlan.DataRules(model == null ? 0 : top.line("model"), positive ? evaluation.string("positive", null) : null,
                        positive ? evaluation.line("positive") : 0, entries.slices()));
    }

    static Node compose(String fileName, String text) {
        try (Reader r = new java.io.StringReader(text)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            return new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new SuiteFileException(fileName, line, "this is not valid YAML: " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")")
                    + ". Check the indentation and quoting on or just before this line.", e);
        } catch (YAMLException | IOException e) {
            throw new SuiteFileException(fileName, 0, "this is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** {@code model: file.onnx}, or {@code model: {path|url: ..., type: ..., options: {...}, classes: [...]}}; null when absent. */
    private static ModelSource model(YamlSection top, Path baseDir) {
        if (!top.has("model")) {
            return null;
        }
        if (!top.isSection("model")) {
            return new ModelSource(resolve(baseDir, top.string("model", null)), null, Map.of());
        }
        YamlSection m = top.child("model");
        m.allowOnly(MODEL_KEYS);
        if (m.has("path") == m.has("url")) {
            throw new SuiteFileException(m.file(), m.line(), "give the model as either 'path' (a model file) or 'url' "
                    + "(a model server), exactly one of them.");
        }
        String location = m.has("path") ? resolve(baseDir, m.string("path", null)) : m.string("url", null);
        List<String> classes = m.strings("classes").stream().flatMap(c -> Arrays.stream(c.split(","))).map(String::strip)
                .filter(c -> !c.isEmpty()).toList();
        return new ModelSource(location, m.string("type", m.has("url") ? "http" : null), m.stringMap("options"), classes);
    }

    private static String resolve(Path baseDir, String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return (baseDir == null ? Path.of(path) : baseDir.resolve(path).normalize()).toString();
    }

    private static YamlSection require(YamlSection parent, String key) {
        if (!parent.has(key)) {
            throw new SuiteFileException(parent.file(), parent.line(), "missing section '" + parent.qualified(key) + "'.");
        }
        if (!parent.isSection(key)) {
            throw parent.error(key, "'" + parent.qualified(key) + "' must be a mapping of keys to values.");
        }
        return parent.child(key);
    }

    private static DataSpec source(YamlSection data, String role, Path baseDir, boolean required) {
        if (!data.has(role)) {
            if (required) {
                throw new SuiteFileException(data.file(), data.line(), "missing 'data." + role + "': the file with the data to test.");
            }
            return null;
        }
        ReadOptions options = readOptions(data, ReadOptions.defaults());
        String path;
        if (data.isSection(role)) {
            YamlSection s = data.child(role);
            s.allowOnly(SOURCE_KEYS);
            path = s.requireString("path");
            options = readOptions(s, options);
        } else {
            path = data.string(role, null);
        }
        Path resolved = baseDir == null ? Path.of(path) : baseDir.resolve(path).normalize();
        return new DataSpec(role, resolved, options, data.line(role));
    }

    /** Adds the format, types and missing markers given in {@code s} to {@code options}. */
    private static ReadOptions readOptions(YamlSection s, ReadOptions options) {
        String format = s.string("format", null);
        if (format != null) {
            options = options.withFormat(enumValue(s, "format", format, DataFormat.class));
        }
        for (Map.Entry<String, ColumnType> t : types(s).entrySet()) {
            options = options.withColumnType(t.getKey(), t.getValue());
        }
        return options.withMissingValues(s.strings("missing").toArray(String[]::new));
    }

    private static Map<String, ColumnType> types(YamlSection s) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        s.stringMap("types").forEach((column, type) -> out.put(column, enumValue(s.child("types"), column, type, ColumnType.class)));
        return out;
    }

    private static ColumnsSpec columns(YamlSection c) {
        c.allowOnly(COLUMN_KEYS);
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String k : c.keys()) {
            lines.put(k, c.line(k));
        }
        String prefix = null;
        Map<String, String> probabilities = new LinkedHashMap<>();
        if (c.isSection("probabilities")) {
            Map<String, String> p = c.stringMap("probabilities");
            if (p.containsKey("prefix")) {
                if (p.size() > 1) {
                    throw c.error("probabilities", "give either 'prefix' or a mapping of class to column, not both.");
                }
                prefix = p.get("prefix");
            } else {
                probabilities.putAll(p);
            }
        } else if (c.has("probabilities")) {
            throw c.error("probabilities", "'columns.probabilities' must be {prefix: proba_} or a mapping of class to column.");
        }
        if (!c.has("label")) {
            throw new SuiteFileException(c.file(), c.line(), "missing 'columns.label': the column with the true outcome.");
        }
        return new ColumnsSpec(c.string("label", null), c.string("prediction", null), c.string("score", null), prefix,
                probabilities, c.string("weight", null), c.strings("features"), c.strings("protected"),
                c.string("timestamp", null), c.string("id", null), c.file(), lines);
    }

    private static EvaluationSettings settings(YamlSection e) {
        EvaluationSettings s = EvaluationSettings.defaults();
        if (e == null) {
            return s;
        }
        e.allowOnly(EVALUATION_KEYS);
        String task = e.string("task", null);
        if (task != null) {
            s = s.withTask(enumValue(e, "task", task, Task.class));
        }
        s = s.withPositiveClass(e.string("positive", null));
        try {
            s = s.withThreshold(e.number("threshold", 0.5));
        } catch (InvalidInputException ex) {
            throw e.error("threshold", ex.getMessage());
        }
        String zd = e.string("zero_division", null);
        if (zd != null) {
            s = s.withZeroDivision(enumValue(e, "zero_division", zd, ZeroDivision.class));
        }
        return s;
    }

    private static <E extends Enum<E>> E enumValue(YamlSection s, String key, String value, Class<E> type) {
        try {
            return Choices.parse(type, value, "'" + s.qualified(key) + "'");
        } catch (InvalidInputException e) {
            throw s.error(key, e.getMessage());
        }
    }
}
