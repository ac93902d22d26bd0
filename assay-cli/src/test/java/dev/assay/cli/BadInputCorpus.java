package dev.assay.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

/**
 * The bad-input corpus: seeded, reproducible mutations of real files in the repository (the CLI's
 * stored-prediction CSVs, the German credit example and its suite) and of argument lists. Every case
 * is one command line; the same seed always writes the same files and cases.
 */
final class BadInputCorpus {
    static final long SEED = 20261201L;

    /** Mutations (the start of a case's last id part) that may leave valid input; every other case must exit 2. */
    private static final List<String> MAY_PASS = List.of("truncated", "line-dropped", "valid", "utf8-bom", "bom", "spaces-score",
            "semicolons", "tabs", "pipes", "crlf", "embedded-newline-feature", "long-header-name", "one-class", "threshold-one",
            "missing-number", "huge-name", "huge-check-name", "huge-missing-marker");

    /**
     * One command line.
     *
     * @param id a stable name, e.g. {@code csv/german/noise-2}
     * @param args the arguments after {@code assay}
     * @param out the report folder of a {@code run}, else null
     * @param names what an error message must mention, any one of them (a file name, an option)
     * @param locates whether an error message must give a line, row or record
     * @param bad whether the input is certainly wrong, so that only exit code 2 will do
     */
    record Case(String id, List<String> args, Path out, List<String> names, boolean locates, boolean bad) {
        Case(String id, List<String> args, Path out, List<String> names, boolean locates) {
            this(id, args, out, names, locates, MAY_PASS.stream().noneMatch(p -> id.substring(id.lastIndexOf('/') + 1).startsWith(p)));
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** A stored-prediction CSV and how {@code evaluate} reads it. */
    private record Base(String name, String text, int label, int score, List<String> options) {
        String[] header() {
            return text.substring(0, text.indexOf('\n')).split(",", -1);
        }

        List<String[]> rows() {
            List<String[]> rows = new ArrayList<>();
            for (String line : text.substring(text.indexOf('\n') + 1).split("\n")) {
                rows.add(line.split(",", -1));
            }
            return rows;
        }
    }

    private final Path dir;
    private final Random random = new Random(SEED);
    private final List<Case> cases = new ArrayList<>();

    private BadInputCorpus(Path dir) {
        this.dir = dir;
    }

    /** Writes the corpus files into {@code dir} and returns its cases. */
    static List<Case> generate(Path dir) throws IOException {
        BadInputCorpus corpus = new BadInputCorpus(dir);
        Files.createDirectories(dir.resolve("csv"));
        Files.createDirectories(dir.resolve("suites"));
        Files.createDirectories(dir.resolve("out"));
        List<Base> bases = List.of(
                new Base("german", resource("german_credit_test_predictions.csv"), 20, 21,
                        List.of("--label", "class", "--score", "proba_bad", "--prediction", "predicted", "--positive", "bad")),
                new Base("iris", resource("iris_predictions.csv"), 4, 5,
                        List.of("--label", "species", "--proba-prefix", "proba_", "--prediction", "predicted")),
                new Base("diabetes", resource("diabetes_predictions.csv"), 10, 11,
                        List.of("--label", "target", "--prediction", "predicted", "--task", "regression")));
        for (Base b : bases) {
            corpus.csvCases(b);
        }
        corpus.scoreOnlyCases(bases.get(0));
        corpus.suiteCases(bases.get(0));
        corpus.modelCases();
        corpus.argumentCases();
        corpus.fairnessCases();
        return corpus.cases;
    }

    private static String resource(String name) {
        try {
            return Files.readString(Path.of(BadInputCorpus.class.getResource("/data/" + name).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void evaluate(Base b, String id, Path file, boolean locates, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--data", file.toString()));
        args.addAll(b.options());
        args.addAll(extra);
        cases.add(new Case("csv/" + b.name() + "/" + id, args, null, List.of(file.getFileName().toString()), locates));
    }

    private void evaluate(Base b, String id, byte[] bytes, boolean locates) {
        evaluate(b, id, write("csv/" + b.name() + "-" + id.replace('/', '-') + ".csv", bytes), locates, List.of());
    }

    private void evaluate(Base b, String id, String text, boolean locates) {
        evaluate(b, id, text.getBytes(StandardCharsets.UTF_8), locates);
    }

    /** The base text with one cell of a random row replaced; {@code column} < 0 picks a random column. */
    private String withCell(Base b, int column, UnaryOperator<String> change) {
        List<String[]> rows = b.rows();
        String[] row = rows.get(random.nextInt(rows.size()));
        int c = column >= 0 ? column : random.nextInt(row.length);
        row[c] = change.apply(row[c]);
        return join(b.header(), rows);
    }

    private static String join(String[] header, List<String[]> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        return sb.toString();
    }

    private void csvCases(Base b) {
        byte[] bytes = b.text().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 4; i++) {
            evaluate(b, "truncated-" + i, Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1)), false);
        }
        for (int i = 0; i < 4; i++) {
            byte[] noise = new byte[8 + random.nextInt(200)];
            random.nextBytes(noise);
            int at = random.nextInt(bytes.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, at);
            out.writeBytes(noise);
            out.write(bytes, at, bytes.length - at);
            evaluate(b, "noise-" + i, out.toByteArray(), false);
        }
        String latin1 = withCell(b, random.nextInt(b.label()), v -> v + "\u00e9");
        evaluate(b, "latin1-cell", latin1.getBytes(StandardCharsets.ISO_8859_1), true);
        evaluate(b, "cp1252-quote", withCell(b, -1, v -> v + "\u2019").getBytes(Charset.forName("windows-1252")), true);
        evaluate(b, "utf8-bom", "\uFEFF" + b.text(), false);
        evaluate(b, "utf16-bom", b.text().getBytes(StandardCharsets.UTF_16), false);
        evaluate(b, "utf16le", b.text().getBytes(StandardCharsets.UTF_16LE), false);
        evaluate(b, "gzip", gzip(bytes), false);
        Path gz = write("csv/" + b.name() + ".csv.gz", gzip(bytes));
        evaluate(b, "gz-extension", gz, false, List.of());
        evaluate(b, "huge-field", withCell(b, -1, v -> "x".repeat(3_000_000)), true);
        evaluate(b, "large-label", withCell(b, b.label(), v -> "L".repeat(100_000)), false);
        evaluate(b, "nan-score", withCell(b, b.score(), v -> "NaN"), false);
        evaluate(b, "inf-score", withCell(b, b.score(), v -> "Inf"), false);
        evaluate(b, "minus-inf-score", withCell(b, b.score(), v -> "-Infinity"), false);
        evaluate(b, "empty-score", withCell(b, b.score(), v -> ""), false);
        evaluate(b, "spaces-score", withCell(b, b.score(), v -> " " + v + " "), false);
        evaluate(b, "hex-score", withCell(b, b.score(), v -> "0x1p-1"), true);
        evaluate(b, "underscore-score", withCell(b, b.score(), v -> "1_000"), true);
        evaluate(b, "word-score", withCell(b, b.score(), v -> "high"), true);
        evaluate(b, "empty", new byte[0], false);
        evaluate(b, "header-only", b.text().substring(0, b.text().indexOf('\n') + 1), false);
        evaluate(b, "blank-lines", "\n\n\n", false);
        evaluate(b, "header-and-blank-lines", b.text().substring(0, b.text().indexOf('\n') + 1) + "\n\n", false);
        List<String[]> rows = b.rows();
        String first = rows.get(0)[b.label()];
        rows.forEach(r -> r[b.label()] = first);
        evaluate(b, "one-class", join(b.header(), rows), false);
        evaluate(b, "embedded-newline-label", withCell(b, b.label(), v -> "\"" + v.charAt(0) + "\n" + v.substring(1) + "\""), true);
        evaluate(b, "embedded-newline-feature", withCell(b, 0, v -> "\"" + v + "\nmore\""), false);
        evaluate(b, "semicolons", b.text().replace(',', ';'), false);
        evaluate(b, "tabs", b.text().replace(',', '\t'), false);
        evaluate(b, "pipes", b.text().replace(',', '|'), false);
        String[] lines = b.text().split("\n");
        lines[1 + random.nextInt(lines.length - 1)] = lines[1 + random.nextInt(lines.length - 1)].replace(',', ';');
        evaluate(b, "mixed-delimiters", String.join("\n", lines) + "\n", true);
        evaluate(b, "ragged-short", withCell(b, 1 + random.nextInt(b.label()), v -> v + "\u0000").replaceFirst(",[^,\n]*\u0000", ""),
                true);
        evaluate(b, "ragged-long", withCell(b, -1, v -> v + ",extra"), true);
        String[] header = b.header();
        header[1] = header[0];
        evaluate(b, "duplicate-header", join(header, b.rows()), false);
        evaluate(b, "unclosed-quote", withCell(b, -1, v -> "\"" + v), false);
        evaluate(b, "crlf", b.text().replace("\n", "\r\n"), false);
        evaluate(b, "missing-label", withCell(b, b.label(), v -> ""), true);
        evaluate(b, "third-class", withCell(b, b.label(), v -> "unknown"), false);
        evaluate(b, "nul-in-field", withCell(b, 0, v -> v + "\u0000"), false);
        evaluate(b, "control-in-label", withCell(b, b.label(), v -> v + "\u0001"), false);
        evaluate(b, "long-header-name", b.text().replaceFirst("^[^,]*", "H".repeat(100_000)), false);
        evaluate(b, "missing-column", b.text().replaceFirst(b.header()[b.label()], "renamed"), false);
        String weighted = withWeights(b, "0");
        evaluate(b, "zero-weights", weighted.getBytes(StandardCharsets.UTF_8), false);
        cases.get(cases.size() - 1).args().addAll(List.of("--weight", "w"));
        evaluate(b, "negative-weight", withCell(new Base(b.name(), withWeights(b, "1"), b.label(), b.score(), b.options()),
                b.header().length, v -> "-1"), true);
        cases.get(cases.size() - 1).args().addAll(List.of("--weight", "w"));
        evaluate(b, "text-weight", withWeights(b, "heavy"), false);
        cases.get(cases.size() - 1).args().addAll(List.of("--weight", "w"));
    }

    private static String withWeights(Base b, String weight) {
        StringBuilder sb = new StringBuilder();
        String[] lines = b.text().split("\n");
        sb.append(lines[0]).append(",w\n");
        for (int i = 1; i < lines.length; i++) {
            sb.append(lines[i]).append(',').append(weight).append('\n');
        }
        return sb.toString();
    }

    /** German credit with only a score column: the positive class and the label's classes decide. */
    private void scoreOnlyCases(Base german) {
        Base b = new Base("german-score", german.text(), german.label(), german.score(), List.of("--label", "class", "--score",
                "proba_bad"));
        evaluate(b, "absent-positive", write("csv/score-absent-positive.csv", german.text()), false, List.of("--positive", "worse"));
        evaluate(b, "third-class-positive", write("csv/score-third.csv", withCell(b, b.label(), v -> "\"go\nod\"")), true,
                List.of("--positive", "bad"));
        evaluate(b, "multiclass-task", write("csv/score-multiclass.csv", german.text()), false, List.of("--task", "multiclass"));
        evaluate(b, "threshold-one", write("csv/score-threshold.csv", german.text()), false, List.of("--threshold", "1"));
        Path example = Path.of("../examples/german-credit/test.csv").toAbsolutePath().normalize();
        cases.add(new Case("csv/example/no-predictions", List.of("evaluate", "--data", example.toString(), "--label", "class"), null,
                List.of("test.csv"), false));
        cases.add(new Case("csv/example/label-as-score", List.of("evaluate", "--data", example.toString(), "--label", "class",
                "--score", "purpose"), null, List.of("test.csv"), true));
        cases.add(new Case("csv/example/numeric-label-as-positive", List.of("evaluate", "--data", example.toString(), "--label",
                "age", "--prediction", "duration", "--positive", "1000"), null, List.of("test.csv"), false));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The example suite on stored predictions: no model, the score and prediction columns named. */
    private void suiteCases(Base german) throws IOException {
        Path example = Path.of("../examples/german-credit").toAbsolutePath().normalize();
        Files.writeString(dir.resolve("suites/test.csv"), german.text());
        Files.writeString(dir.resolve("suites/train.csv"), resource("german_credit_train_predictions.csv"));
        String exampleSuite = Files.readString(example.resolve("suite.yaml"));
        String suite = exampleSuite.replace("model: ../models/german_credit_forest.onnx\n", "")
                .replace("  label: class\n", "  label: class\n  score: proba_bad\n  prediction: predicted\n");
        if (suite.equals(exampleSuite)) {
            throw new IllegalStateException("examples/german-credit/suite.yaml changed: update the corpus's stored-prediction variant");
        }
        suite("valid", suite, false);
        for (int i = 0; i < 6; i++) {
            suite("truncated-" + i, suite.substring(0, random.nextInt(suite.length())), false);
        }
        String[] lines = suite.split("\n");
        for (int i = 0; i < 6; i++) {
            int drop = random.nextInt(lines.length);
            List<String> kept = new ArrayList<>(Arrays.asList(lines));
            kept.remove(drop);
            suite("line-dropped-" + i, String.join("\n", kept) + "\n", false);
        }
        for (int i = 0; i < 4; i++) {
            int at = random.nextInt(lines.length);
            List<String> kept = new ArrayList<>(Arrays.asList(lines));
            kept.set(at, "\t" + kept.get(at));
            suite("tab-indent-" + i, String.join("\n", kept) + "\n", true);
        }
        suite("unclosed-quote", suite.replace("suite: German", "suite: \"German"), true);
        suite("bad-indent", suite.replace("  current: test.csv", "    current: test.csv\n  ref: x"), true);
        suite("duplicate-key", suite.replace("  reference: train.csv", "  reference: train.csv\n  reference: train.csv"), true);
        suite("flow-garbage", suite + "{[}\n", true);
        suite("alias-bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" + suite, false);
        suite("deep-nesting", "x: " + "[".repeat(5000) + "]".repeat(5000) + "\n" + suite, false);
        suite("empty", "", false);
        suite("comments-only", "# nothing\n", false);
        suite("list-root", "- a\n- b\n", false);
        suite("name-list", suite.replace("suite: German credit release gate", "suite: [a, b]"), true);
        suite("data-string", suite.replace("data:\n  current: test.csv\n  reference: train.csv\n", "data: test.csv\n"), true);
        suite("current-list", suite.replace("current: test.csv", "current: [test.csv]"), true);
        suite("columns-list", suite.replace("columns:\n  label: class\n", "columns:\n  - label\n  - class\nx:\n"), true);
        suite("threshold-word", suite.replace("threshold: 0.5", "threshold: high"), true);
        suite("threshold-big", suite.replace("threshold: 0.5", "threshold: 1.5"), true);
        suite("threshold-nan", suite.replace("threshold: 0.5", "threshold: .nan"), true);
        suite("task-unknown", suite.replace("task: binary", "task: ranking"), true);
        suite("zero-division-unknown", suite.replace("threshold: 0.5", "threshold: 0.5\n  zero_division: maybe"), true);
        suite("checks-string", suite.substring(0, suite.indexOf("checks:")) + "checks: recall\n", true);
        suite("checks-empty", suite.substring(0, suite.indexOf("checks:")) + "checks: []\n", true);
        suite("checks-numbers", suite.substring(0, suite.indexOf("checks:")) + "checks: [1, 2]\n", true);
        suite("fail-number", suite.replace("fail: roc_auc >= 0.70", "fail: 3"), true);
        suite("fail-mapping", suite.replace("fail: roc_auc >= 0.70", "fail: {x: 1}"), true);
        suite("metric-number", suite.replace("metric: recall", "metric: 7"), true);
        suite("metrics-string", suite.replace("metrics: [log_loss, brier_score]", "metrics: log_loss"), false);
        suite("where-list", suite.replace("where: {foreign_worker: \"yes\"}", "where: [foreign_worker]"), true);
        suite("where-empty-values", suite.replace("where: {foreign_worker: \"yes\"}", "where: {foreign_worker: []}"), true);
        suite("positive-list", suite.replace("positive: bad", "positive: [bad]"), true);
        suite("types-unknown", suite.replace("  reference: train.csv\n", "  reference: train.csv\n  types: {age: numbr}\n"), true);
        suite("missing-number", suite.replace("  reference: train.csv\n", "  reference: train.csv\n  missing: 5\n"), false);
        suite("unknown-top-key", "sute: x\n" + suite, true);
        suite("unknown-data-key", suite.replace("  current: test.csv", "  curent: test.csv"), true);
        suite("unknown-column-key", suite.replace("  label: class", "  lable: class"), true);
        suite("unknown-evaluation-key", suite.replace("threshold: 0.5", "treshold: 0.5"), true);
        suite("unknown-check-key", suite.replace("metric: recall", "metic: recall"), true);
        suite("unknown-check-type", suite.replace("  - name: Model performance", "  - name: Model performance\n    type: drift"), true);
        suite("missing-current", suite.replace("current: test.csv", "current: nope.csv"), true);
        suite("missing-reference", suite.replace("reference: train.csv", "reference: nope.csv"), true);
        suite("missing-model", suite.replace("data:", "model: nope.onnx\ndata:").replace("  score: proba_bad\n  prediction: predicted\n",
                ""), true);
        suite("model-path-and-url", suite.replace("data:", "model: {path: a.onnx, url: http://localhost:1}\ndata:")
                .replace("  score: proba_bad\n  prediction: predicted\n", ""), true);
        suite("model-and-stored-predictions", suite.replace("data:", "model: a.onnx\ndata:"), true);
        suite("current-is-directory", suite.replace("current: test.csv", "current: ."), true);
        suite("current-is-the-suite", suite.replace("current: test.csv", "current: current-is-the-suite.yaml"), false);
        suite("current-latin1", suite.replace("current: test.csv", "current: ../csv/german-latin1-cell.csv"), true);
        suite("current-gzip", suite.replace("current: test.csv", "current: ../csv/german-gzip.csv"), false);
        suite("current-ragged", suite.replace("current: test.csv", "current: ../csv/german-ragged-long.csv"), true);
        suite("current-hex-score", suite.replace("current: test.csv", "current: ../csv/german-hex-score.csv"), true);
        suite("current-third-class", suite.replace("current: test.csv", "current: ../csv/german-third-class.csv"), false);
        suite("label-unknown", suite.replace("  label: class", "  label: klass"), false);
        suite("score-unknown", suite.replace("  score: proba_bad", "  score: proba_good"), false);
        suite("score-text", suite.replace("  score: proba_bad", "  score: purpose"), true);
        suite("weight-unknown", suite.replace("  label: class", "  label: class\n  weight: w"), false);
        suite("where-unknown-column", suite.replace("where: {foreign_worker: \"yes\"}", "where: {foreign: \"yes\"}"), true);
        suite("where-no-match", suite.replace("where: {foreign_worker: \"yes\"}", "where: {foreign_worker: maybe}"), true);
        suite("positive-absent", suite.replace("positive: bad", "positive: worse"), true);
        suite("metric-unknown", suite.replace("metric: recall", "metric: recal"), true);
        suite("condition-syntax", suite.replace("fail: roc_auc >= 0.70", "fail: roc_auc >> 0.70"), true);
        suite("condition-unknown-metric", suite.replace("fail: roc_auc >= 0.70", "fail: auc >= 0.70"), true);
        suite("condition-nan", suite.replace("fail: roc_auc >= 0.70", "fail: roc_auc >= nan"), false);
        suite("reference-without-data", suite.replace("  reference: train.csv\n", ""), false);
        suite("huge-name", suite.replace("suite: German credit release gate", "suite: " + "N".repeat(100_000)), false);
        suite("huge-check-name", suite.replace("  - name: Model performance", "  - name: " + "C".repeat(100_000)), false);
        String huge = "h".repeat(100_000);
        suite("huge-threshold", suite.replace("threshold: 0.5", "threshold: " + huge), true);
        suite("huge-task", suite.replace("task: binary", "task: " + huge), true);
        suite("huge-unknown-key", suite.replace("  label: class", "  label: class\n  " + huge + ": x"), true);
        suite("huge-metric", suite.replace("metric: recall", "metric: " + huge), true);
        suite("huge-condition", suite.replace("fail: roc_auc >= 0.70", "fail: " + huge + " >= 0.70"), true);
        suite("duplicate-check-name", suite.replace("  - name: Accuracy", "  - name: Model performance"), true);
        suite("control-characters", suite.replace("suite: German", "suite: \u0007German"), true);
        Path suiteFile = dir.resolve("suites/valid.yaml");
        byte[] suiteBytes = Files.readAllBytes(suiteFile);
        suite("latin1", suite.replace("description: >", "description: caf\u00e9 >").getBytes(StandardCharsets.ISO_8859_1), true);
        suite("utf16", suite.getBytes(StandardCharsets.UTF_16), false);
        suite("gzip", gzip(suiteBytes), false);
        byte[] noise = new byte[3000];
        random.nextBytes(noise);
        suite("binary", noise, false);
        suite("bom", ("\uFEFF" + suite).getBytes(StandardCharsets.UTF_8), false);
        suite("large", ("# " + "x".repeat(2_000_000) + "\n" + suite).getBytes(StandardCharsets.UTF_8), false);
        cases.add(new Case("suite/is-directory", List.of("run", dir.resolve("suites").toString(), "--out",
                dir.resolve("out/is-directory").toString()), dir.resolve("out/is-directory"), List.of("suites"), false));
        cases.add(new Case("suite/missing", List.of("run", dir.resolve("suites/none.yaml").toString(), "--out",
                dir.resolve("out/missing").toString()), dir.resolve("out/missing"), List.of("none.yaml"), false));
        Path file = write("out/a-file", "x");
        cases.add(new Case("suite/out-is-a-file", List.of("run", suiteFile.toString(), "--out", file.toString()), null,
                List.of("a-file"), false));
        cases.add(new Case("suite/out-under-a-file", List.of("run", suiteFile.toString(), "--out", file.resolve("r").toString()),
                null, List.of("a-file"), false));
        cases.add(new Case("suite/example-model-missing-data", List.of("run", withExampleModel(example, "current: nope.csv"),
                "--out", dir.resolve("out/example-model-missing-data").toString()), dir.resolve("out/example-model-missing-data"),
                List.of("nope.csv"), true));
        cases.add(new Case("suite/example-model-latin1-data", List.of("run", withExampleModel(example,
                "current: " + dir.resolve("csv/german-latin1-cell.csv")), "--out",
                dir.resolve("out/example-model-latin1-data").toString()), dir.resolve("out/example-model-latin1-data"),
                List.of("german-latin1-cell.csv"), true));
    }

    /** The example suite with its model, moved beside the corpus with one data line changed; returns its path. */
    private String withExampleModel(Path example, String current) throws IOException {
        String text = Files.readString(example.resolve("suite.yaml"))
                .replace("model: ../models/", "model: " + example.getParent().resolve("models") + "/")
                .replace("current: test.csv", current)
                .replace("reference: train.csv", "reference: " + example.resolve("train.csv"));
        String name = current.contains("latin1") ? "example-latin1.yaml" : "example-missing.yaml";
        return Files.writeString(dir.resolve("suites/" + name), text).toString();
    }

    private void suite(String id, String text, boolean locates) {
        suite(id, text.getBytes(StandardCharsets.UTF_8), locates);
    }

    private void suite(String id, byte[] bytes, boolean locates) {
        Path file = write("suites/" + id + ".yaml", bytes);
        Path out = dir.resolve("out/" + id);
        cases.add(new Case("suite/" + id, List.of("run", file.toString(), "--out", out.toString()), out,
                List.of(file.getFileName().toString()), locates));
    }

    /**
     * The example models on damaged data, and damaged copies of the models: few, as each loads a model.
     * A missing or unseen feature value may pass: the feature mapping hands NaN or all-zero one-hot
     * codes to the model, as documented.
     */
    private void modelCases() throws IOException {
        Path models = Path.of("../examples/models").toAbsolutePath().normalize();
        Path onnx = models.resolve("german_credit_forest.onnx");
        Path tribuo = models.resolve("german_credit_logistic.tribuo.gz");
        String test = Files.readString(Path.of("../examples/german-credit/test.csv").toAbsolutePath().normalize());
        Base plain = new Base("german-model", test, 20, -1, List.of());
        String noAge = test.replaceFirst(",age,", ",years,");
        String textAge = withCell(plain, 12, v -> "old");
        String emptyAge = withCell(plain, 12, v -> "");
        String newCategory = withCell(plain, 3, v -> "spaceship");
        byte[] onnxBytes = Files.readAllBytes(onnx);
        byte[] tribuoBytes = Files.readAllBytes(tribuo);
        Path truncatedOnnx = write("models-truncated.onnx", Arrays.copyOf(onnxBytes, onnxBytes.length / 2));
        Path truncatedTribuo = write("models-truncated.tribuo.gz", Arrays.copyOf(tribuoBytes, tribuoBytes.length / 2));
        Path csvOnnx = write("models-csv.onnx", test);
        model("onnx-valid", onnx, write("csv/model-valid.csv", test), "test");
        model("onnx-missing-feature", onnx, write("csv/model-no-age.csv", noAge), "age");
        model("onnx-text-feature", onnx, write("csv/model-text-age.csv", textAge), "age");
        model("onnx-missing-value", onnx, write("csv/model-empty-age.csv", emptyAge), "age");
        model("onnx-new-category", onnx, write("csv/model-new-category.csv", newCategory), "purpose");
        model("tribuo-text-feature", tribuo, write("csv/model-tribuo-text-age.csv", textAge), "age");
        model("onnx-truncated", truncatedOnnx, write("csv/model-valid-2.csv", test), "models-truncated.onnx");
        model("tribuo-truncated", truncatedTribuo, write("csv/model-valid-3.csv", test), "models-truncated.tribuo.gz");
        model("onnx-that-is-csv", csvOnnx, write("csv/model-valid-4.csv", test), "models-csv.onnx");
    }

    private void model(String id, Path model, Path data, String names) {
        cases.add(new Case("model/" + id, new ArrayList<>(List.of("evaluate", "--data", data.toString(), "--label", "class",
                "--positive", "bad", "--model", model.toString())), null, List.of(names), false,
                !List.of("onnx-valid", "onnx-new-category", "onnx-missing-value").contains(id)));
    }

    private void argumentCases() {
        String data = dir.resolve("suites/test.csv").toString();
        String huge = "h".repeat(100_000);
        args("no-arguments", List.of());
        args("unknown-command", List.of("frobnicate"), "frobnicate");
        args("evaluate-nothing", List.of("evaluate"), "--data");
        args("data-without-value", List.of("evaluate", "--data"), "--data");
        args("label-without-value", List.of("evaluate", "--data", data, "--label"), "--label");
        args("unknown-option", List.of("evaluate", "--data", data, "--labell", "class"), "--labell");
        args("threshold-word", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--threshold", "abc"),
                "--threshold");
        args("threshold-overflow", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--threshold",
                "1e309"), "--threshold");
        args("threshold-negative", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--threshold",
                "-0.1"), "--threshold");
        args("threshold-nan", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--threshold", "NaN"),
                "--threshold");
        args("huge-label", List.of("evaluate", "--data", data, "--label", huge, "--score", "proba_bad"), "hhhh");
        args("huge-data-path", List.of("evaluate", "--data", huge + ".csv", "--label", "class"), "hhhh");
        args("huge-positive", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--positive", huge),
                "hhhh");
        args("huge-option-name", List.of("evaluate", "--" + huge), "hhhh");
        args("huge-missing-marker", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--missing",
                huge), null);
        args("type-unknown", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--type",
                "age=numbr"), "--type");
        args("type-without-equals", List.of("evaluate", "--data", data, "--label", "class", "--type", "age"), "--type");
        args("type-unknown-column", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--type",
                "agee=numeric"), "agee");
        args("type-label-numeric", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--type",
                "class=numeric"), "class");
        args("format-unknown", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--format", "xml"),
                "--format");
        args("task-unknown", List.of("evaluate", "--data", data, "--label", "class", "--task", "ranking"), "--task");
        args("huge-task", List.of("evaluate", "--data", data, "--label", "class", "--task", huge), "--task");
        args("huge-format", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--format", huge),
                "--format");
        args("huge-type", List.of("evaluate", "--data", data, "--label", "class", "--type", "age=" + huge), "--type");
        args("zero-division-unknown", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad",
                "--zero-division", "maybe"), "--zero-division");
        args("proba-prefix-unknown", List.of("evaluate", "--data", data, "--label", "class", "--proba-prefix", "p_"), "p_");
        args("score-unknown", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba"), "proba");
        args("prediction-unknown", List.of("evaluate", "--data", data, "--label", "class", "--prediction", "pred"), "pred");
        args("weight-unknown", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--weight", "w"), "w");
        args("weight-text", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad", "--weight", "purpose"),
                "purpose");
        args("regression-on-classes", List.of("evaluate", "--data", data, "--label", "class", "--prediction", "predicted", "--task",
                "regression"), "class");
        args("data-is-directory", List.of("evaluate", "--data", dir.toString(), "--label", "class"), dir.getFileName().toString());
        args("model-missing", List.of("evaluate", "--data", data, "--label", "class", "--model", "nope.onnx"), "nope.onnx");
        args("model-is-csv", List.of("evaluate", "--data", data, "--label", "class", "--model", data), "test.csv");
        args("model-type-unknown", List.of("evaluate", "--data", data, "--label", "class", "--model", "m.bin", "--model-type",
                "pickle"), "pickle");
        args("model-with-stored-predictions", List.of("evaluate", "--data", data, "--label", "class", "--score", "proba_bad",
                "--model", "m.onnx"), "--model");
        args("run-nothing", List.of("run"), "SUITE");
        args("run-two-suites", List.of("run", "a.yaml", "b.yaml"), "b.yaml");
        args("run-out-without-value", List.of("run", "a.yaml", "--out"), "--out");
        args("metrics-task-unknown", List.of("metrics", "--task", "ranking"), "--task");
        args("metrics-extra", List.of("metrics", "extra"), "extra");
        args("serve-model-nothing", List.of("serve-model"), "MODEL");
        args("serve-model-missing", List.of("serve-model", "nope.onnx", "--port", "0"), "nope.onnx");
        args("serve-model-port-word", List.of("serve-model", "nope.onnx", "--port", "eighty"), "--port");
        args("help-unknown", List.of("help", "frobnicate"), "frobnicate");
        args("demo-out-is-a-file", List.of("demo", "--out", dir.resolve("out/a-file").toString()), "a-file");
    }

    /** {@code assay fairness} with bad files and options; each must exit 2 naming the column, value or option. */
    private void fairnessCases() throws IOException {
        Files.createDirectories(dir.resolve("fairness"));
        String data = dir.resolve("suites/test.csv").toString();
        String base = "fairness --data %s --label class --prediction predicted --group ";
        fairness("unknown-group", base.formatted(data) + "sex", "sex");
        fairness("one-valued-group", base.formatted(write("fairness/one.csv", "class,predicted,g\ngood,good,x\nbad,good,x\n")) + "g", "'g'");
        fairness("all-missing-group", base.formatted(write("fairness/missing.csv", "class,predicted,g\ngood,good,\nbad,good,\n")) + "g",
                "'g'");
        fairness("empty-file", base.formatted(write("fairness/empty.csv", "")) + "g", "empty.csv");
        fairness("header-only", base.formatted(write("fairness/header.csv", "class,predicted,g\n")) + "g", "header.csv");
        fairness("privileged-absent", base.formatted(data) + "personal_status --privileged female", "female");
        fairness("privileged-unnamed-column", base.formatted(data) + "personal_status,age --privileged female", "--privileged");
        fairness("scores-without-threshold", "fairness --data %s --label class --prediction proba_bad --group age".formatted(data),
                "--threshold");
        fairness("edges-word", base.formatted(data) + "age --edges age=young,old", "--edges");
        fairness("edges-decreasing", base.formatted(data) + "age --edges age=60,20", "age");
        fairness("edges-not-a-group", base.formatted(data) + "age --edges duration=1,2", "duration");
        fairness("convention-unknown", base.formatted(data) + "age --convention sklearn", "--convention");
        fairness("aggregation-unknown", base.formatted(data) + "age --aggregation worst", "--aggregation");
        fairness("alpha-out-of-range", base.formatted(data) + "age --alpha 5", "--alpha");
        fairness("min-group-size-negative", base.formatted(data) + "age --min-group-size -1", "minimum group size");
        fairness("prediction-and-model", base.formatted(data) + "age --model m.onnx", "--prediction");
        fairness("positive-absent", base.formatted(data) + "age --positive great", "great");
    }

    private void fairness(String id, String commandLine, String names) {
        cases.add(new Case("fairness/" + id, new ArrayList<>(List.of(commandLine.split(" "))), null, List.of(names), false));
    }

    /** A command line; {@code names} is what an error must mention (null: anything). */
    private void args(String id, List<String> args, String names) {
        cases.add(new Case("args/" + id, new ArrayList<>(args), null, names == null ? List.of() : List.of(names), false));
    }

    private void args(String id, List<String> args) {
        args(id, args, null);
    }
}
