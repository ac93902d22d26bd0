package dev.assay.io.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.check.Condition;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.ColumnType;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.ConditionOutcome.Severity;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteFileParserTest {
    private static final Path BASE = Path.of("/data/suites");

    private static final String VALID = """
            suite: Credit gate
            description: A test suite.
            data:
              current: test.csv
              reference: {path: ../train.parquet, types: {age: numeric}}
              missing: ["?"]
            columns:
              label: class
              score: proba_bad
              probabilities: {prefix: proba_}
              protected: [sex, age]
            evaluation:
              task: binary
              positive: bad
              threshold: 0.4
              zero_division: nan
            checks:
              - name: Performance
              - metric: recall
                fail: recall >= 0.5
                warn: [recall >= 0.7]
                where: {sex: [female, f]}
              - type: metric
                metrics: [f1, roc_auc]
                evidence: true
                fail: f1 >= reference - 0.02
            """;

    private static SuitePlan parse(String yaml) {
        return SuiteFileParser.parse("suite.yaml", BASE, yaml);
    }

    @Test
    void readsAValidSuite() {
        SuitePlan s = parse(VALID);
        assertThat(s.suite().name()).isEqualTo("Credit gate");
        assertThat(s.suite().description()).isEqualTo("A test suite.");
        assertThat(s.current().path()).isEqualTo(Path.of("/data/suites/test.csv"));
        assertThat(s.current().options().missingValues()).containsExactly("?");
        assertThat(s.reference().path()).isEqualTo(Path.of("/data/train.parquet"));
        assertThat(s.reference().options().columnTypes()).containsEntry("age", ColumnType.NUMERIC);
        assertThat(s.reference().options().missingValues()).containsExactly("?");
        assertThat(s.columns().label()).isEqualTo("class");
        assertThat(s.columns().probabilityPrefix()).isEqualTo("proba_");
        assertThat(s.columns().protectedAttributes()).containsExactly("sex", "age");
        assertThat(s.settings()).containsExactly(Map.entry("task", "binary"), Map.entry("positive_class", "bad"),
                Map.entry("threshold", "0.4"), Map.entry("zero_division", "nan"), Map.entry("seed", "20240611"));
        assertThat(s.checks()).extracting(c -> c.name()).containsExactly("Performance", "recall", "f1, roc_auc");
        MetricCheck all = (MetricCheck) s.checks().get(0);
        assertThat(all.metrics()).isEmpty();
        MetricCheck recall = (MetricCheck) s.checks().get(1);
        assertThat(recall.conditions()).extracting(Condition::text, Condition::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("recall >= 0.5", Severity.FAIL),
                        org.assertj.core.groups.Tuple.tuple("recall >= 0.7", Severity.WARN));
        assertThat(s.checks().get(2).conditions().get(0).needsReference()).isTrue();
        assertThat(recall.settings()).containsExactly(Map.entry("where", "sex in (f, female)"), Map.entry("metrics", "recall"),
                Map.entry("evidence", "false"), Map.entry("task", "binary"), Map.entry("positive_class", "bad"),
                Map.entry("threshold", "0.4"), Map.entry("zero_division", "nan"), Map.entry("seed", "20240611"));
    }

    @Test
    void theSeedIsTheSuitesUnlessACheckGivesItsOwn() {
        SuitePlan s = parse(VALID.replace("checks:", "seed: 7\nchecks:").replace("    evidence: true", "    evidence: true\n    seed: 11"));
        assertThat(s.settings()).containsEntry("seed", "7");
        assertThat(s.checks().get(0).settings()).containsEntry("seed", "7");
        assertThat(s.checks().get(2).settings()).containsEntry("seed", "11");
        assertError(VALID.replace("checks:", "seed: 1.5\nchecks:"), "line 17", "'seed' must be a whole number, found 1.5");
    }

    @Test
    void aConditionOnTheReferenceNeedsReferenceData() {
        assertError(VALID.replace("  reference: {path: ../train.parquet, types: {age: numeric}}\n", ""),
                "suite.yaml line 25: the condition 'f1 >= reference - 0.02' compares with the reference data, but the suite "
                        + "has none. Add 'data.reference:'");
    }

    @Test
    void checksThatReadPredictionsNeedAModelOrPredictionColumns() {
        assertError(VALID.replace("  score: proba_bad\n", "").replace("  probabilities: {prefix: proba_}\n", ""),
                "suite.yaml line 16: the check 'Performance' reads predictions, but the suite has neither a model nor "
                        + "prediction columns. Add 'model:'");
    }

    private static void assertError(String yaml, String... fragments) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
    }

    @Test
    void unknownKeyNamesTheLineAndTheClosestKey() {
        assertError(VALID.replace("  threshold: 0.4", "  treshold: 0.4"),
                "suite.yaml line 15: unknown key 'evaluation.treshold'", "Did you mean 'threshold'?");
        assertError(VALID.replace("    evidence: true", "    evidense: true"),
                "suite.yaml line 25: unknown key 'checks[3].evidense'", "Did you mean 'evidence'?");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertError("suite: x\ndata:\n  current: [a.csv\ncolumns: {label: y}\n", "suite.yaml line", "not valid YAML");
        assertError("suite: x\n  bad indentation: 1\n", "suite.yaml line 2", "not valid YAML");
    }

    @Test
    void wrongTypesAreExplained() {
        assertError(VALID.replace("threshold: 0.4", "threshold: high"), "line 15", "'evaluation.threshold' must be a number, found 'high'");
        assertError(VALID.replace("threshold: 0.4", "threshold: 1.5"), "line 15", "between 0 and 1");
        assertError(VALID.replace("task: binary", "task: ranking"), "line 13", "unknown value 'ranking'", "[binary, multiclass, regression]");
        assertError(VALID.replace("evidence: true", "evidence: maybe"), "line 25", "must be true or false");
        assertError(VALID.replace("label: class", "label: [a, b]"), "line 8", "'columns.label' must be a single value");
        assertError(VALID.replace("{path: ../train.parquet, types: {age: numeric}}", "{path: t.csv, types: {age: number}}"),
                "unknown value 'number' for 'data.reference.types.age'", "[numeric, categorical, text]");
    }

    @Test
    void missingSectionsAreNamed() {
        assertError("", "suite.yaml: the file is empty");
        assertError("suite: x\ncolumns: {label: y}\nchecks: [{metric: f1}]\n", "missing section 'data'");
        assertError("suite: x\ndata: {current: a.csv}\ncolumns: {score: s}\nchecks: [{metric: f1}]\n", "missing 'columns.label'");
        assertError("suite: x\ndata: {current: a.csv}\ncolumns: {label: y}\n", "the suite has no checks");
        assertError("data: {current: a.csv}\ncolumns: {label: y}\nchecks: [{metric: f1}]\n", "missing key 'suite'");
    }

    @Test
    void checksAreValidated() {
        assertError(VALID.replace("  - name: Performance", "  - name: Performance\n    type: horoscope"),
                "line 19", "unknown check type 'horoscope'", "Known types: adversarial, baselines, calibration, ", "decision_threshold, ", "metric, ", "weak_segments ('assay checks' lists them");
        assertError(VALID.replace("  - name: Performance", "  - name: Performance\n    type: metrik"),
                "line 19", "unknown check type 'metrik'. Did you mean 'metric'?");
        assertError(VALID.replace("fail: recall >= 0.5", "fail: f1 >= 0.5"),
                "line 20", "the condition 'f1 >= 0.5' is about 'f1', which this check does not measure. It measures: recall.");
        assertError(VALID.replace("warn: [recall >= 0.7]", "warn: [recall >= 0.7, precision >= 0.1]"),
                "line 21", "the condition 'precision >= 0.1' is about 'precision'");
        assertError(VALID.replace("fail: recall >= 0.5", "fail: recall => 0.5"), "line 20", "Cannot read the condition 'recall => 0.5'");
        assertError(VALID.replace("  - name: Performance", "  - name: recall"), "line 19", "two checks are named 'recall'");
        assertError(VALID.replace("  - metric: recall\n", "  - metric: recall\n    metrics: [f1]\n"), "give either 'metric' or 'metrics'");
        assertError(VALID.replace("where: {sex: [female, f]}", "where: female"), "'where' must be a mapping");
        assertError(VALID.replace("metrics: [f1, roc_auc]", "metrics: [f1, roc_acu]"), "line 24",
                "unknown metric 'roc_acu' for a binary task", "Did you mean 'roc_auc'?");
        assertError(VALID.replace("metrics: [f1, roc_auc]", "metrics: [f1, r2]"), "unknown metric 'r2' for a binary task");
        assertThat(parse(VALID.replace("  task: binary\n", "").replace("metrics: [f1, roc_auc]", "metrics: [f1, r2]"))
                .checks()).hasSize(3);
    }

    @Test
    void aModelIsAFileAUrlOrAMapping() {
        String base = VALID.replace("  score: proba_bad\n", "").replace("  probabilities: {prefix: proba_}\n", "");
        SuitePlan file = parse(base.replace("columns:", "model: ../models/credit.onnx\ncolumns:"));
        assertThat(file.model().location()).isEqualTo(Path.of("/data/models/credit.onnx").toString());
        assertThat(file.model().type()).isNull();
        assertThat(file.rules().modelLine()).isEqualTo(7);

        SuitePlan http = parse(base.replace("columns:", "model: {url: http://127.0.0.1:8080, options: {name: credit}}\ncolumns:"));
        assertThat(http.model().location()).isEqualTo("http://127.0.0.1:8080");
        assertThat(http.model().type()).isEqualTo("http");
        assertThat(http.model().options()).containsEntry("name", "credit");

        assertThat(parse(VALID).model()).isNull();
    }

    @Test
    void theModelsClassesAreAListOrCommaSeparated() {
        String base = VALID.replace("  score: proba_bad\n", "").replace("  probabilities: {prefix: proba_}\n", "");
        assertThat(parse(base.replace("columns:", "model: {path: m.onnx, classes: [no, yes]}\ncolumns:")).model().classes())
                .containsExactly("no", "yes");
        assertThat(parse(base.replace("columns:", "model: {path: m.onnx, classes: 'no, yes'}\ncolumns:")).model().classes())
                .containsExactly("no", "yes");
        assertThat(parse(base.replace("columns:", "model: m.onnx\ncolumns:")).model().classes()).isEmpty();
    }

    @Test
    void aModelAndStoredPredictionsConflict() {
        assertError(VALID.replace("columns:", "model: credit.onnx\ncolumns:"), "line 10",
                "'columns.score' and 'model' both give predictions");
        assertError(VALID.replace("columns:", "model: {path: a.onnx, url: http://x}\ncolumns:"), "line 7", "exactly one of them");
        assertError(VALID.replace("columns:", "model: {path: a.onnx, thread: 2}\ncolumns:"), "unknown key 'model.thread'");
    }
}
