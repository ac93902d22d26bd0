package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    static final Path EXAMPLE = Path.of("../examples/german-credit").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** Writes the suite beside train.csv and test.csv: German credit with stored predictions. */
    private Path suite(String text) throws IOException {
        for (String part : new String[] {"train", "test"}) {
            Path target = dir.resolve(part + ".csv");
            if (!Files.exists(target)) {
                Files.copy(Path.of(EvaluateCommandTest.resource("/data/german_credit_" + part + "_predictions.csv")), target);
            }
        }
        return Files.writeString(dir.resolve("suite.yaml"), text);
    }

    private static final String HEADER = """
            suite: test gate
            data: {current: test.csv, reference: train.csv}
            columns: {label: class, score: proba_bad, prediction: predicted}
            evaluation: {task: binary, positive: bad}
            """;

    @Test
    void theDemoSuitePassesWithAWarningAndWritesFourReports() throws IOException {
        Path out = dir.resolve("reports");
        CliRun run = CliRun.of("run", EXAMPLE.resolve("suite.yaml").toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("German credit release gate: WARN").contains("WARN    Catches bad credit risks");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.html", "report.json", "junit.xml", "summary.md");
        }
        JsonNode performance = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("checks").get(0);
        assertThat(performance.get("confusion_matrix").toString())
                .isEqualTo("{\"labels\":[\"good\",\"bad\"],\"counts\":[[187,20],[62,31]],\"weighted\":false}");
        assertThat(performance.get("measurements").findValuesAsText("name")).contains("true_positives");
        assertThat(run.out()).contains("WARN    Cost of credit decisions")
                .contains("PASS    No segment where the model misses bad risks - No weak segment: none of 78 slices");
        JsonNode cost = null;
        for (JsonNode c : new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("checks")) {
            if (c.get("name").asText().equals("Cost of credit decisions")) {
                cost = c;
            }
        }
        // Statlog costs at the 0.5 threshold, from the confusion matrix above: (20 false positives + 5 x 62 false negatives) / 300
        double expectedCost = Double.NaN;
        for (JsonNode m : cost.get("measurements")) {
            if (m.get("name").asText().equals("expected_cost")) {
                expectedCost = m.get("value").asDouble();
            }
        }
        assertThat(expectedCost).isCloseTo(330.0 / 300, within(1e-12));
        // The four-fifths rule on approvals ('good' predicted): 37 of 50 applicants aged 25 or under, 212 of 250 older ones.
        assertThat(run.out()).contains("PASS    Young applicants are approved about as often - disparate_impact 0.8726 by age");
        JsonNode fairness = null;
        for (JsonNode c : new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("checks")) {
            if (c.get("kind").asText().equals("fairness")) {
                fairness = c;
            }
        }
        for (JsonNode m : fairness.get("measurements")) {
            if (m.get("name").asText().equals("disparate_impact")) {
                assertThat(m.get("key").asText()).isEqualTo("age");
                assertThat(m.get("value").asDouble()).isCloseTo((37.0 / 50) / (212.0 / 250), within(1e-12));
            }
        }
        assertThat(fairness.get("conditions").findValuesAsText("passed")).containsExactly("true", "true");
    }

    @Test
    void conditionsAddressOneClassOrAggregateOverAll() throws IOException {
        Files.copy(Path.of(EvaluateCommandTest.resource("/data/iris_predictions.csv")), dir.resolve("iris.csv"));
        Path s = Files.writeString(dir.resolve("iris.yaml"), """
                suite: iris gate
                data: {current: iris.csv}
                columns: {label: species, prediction: predicted, probabilities: {prefix: proba_}}
                checks:
                  - name: per class
                    fail: ["f1[class=setosa] >= 1", "min(recall[*]) >= 0.92"]
                    warn: "min(recall[*]) >= 0.95"
                """);
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("WARN    per class").contains("warn min(recall[*]) >= 0.95: Expecting min(recall[*]) on "
                + "iris.csv: measured 0.92 (3 members) to be at least 0.95; worst: recall[class=versicolor] 0.92 (n=25)");
    }

    @Test
    void theSparkEngineWithoutAssaySparkExitsWithTwoAndSaysHowToRunIt() throws IOException {
        Path s = suite(HEADER + "checks:\n  - metric: recall\n");
        Path out = dir.resolve("r");
        CliRun run = CliRun.of("run", s.toString(), "--engine", "spark", "--master", "local[2]", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--engine spark: no such engine on the class path").contains("spark-submit")
                .contains("docs/spark.md").doesNotContain("Exception");
        assertThat(out).doesNotExist();
        CliRun master = CliRun.of("run", s.toString(), "--master", "local[2]", "--out", out.toString());
        assertThat(master.exitCode()).isEqualTo(2);
        assertThat(master.err()).contains("--master local[2] applies to --engine spark only");
    }

    @Test
    void aFailedConditionExitsWithOne() throws IOException {
        Path s = suite(HEADER + "checks:\n  - metric: recall\n    fail: recall >= 0.9\n");
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("test gate: FAIL").contains("recall >= 0.9");
        assertThat(Files.readString(dir.resolve("r/junit.xml"))).contains("<failure");
    }

    @Test
    void checksThatCannotRunExitWithTwoAndSayWhyOnStderrOnce() throws IOException {
        Path s = suite(HEADER.replace("score: proba_bad", "score: purpose") + "checks:\n  - metric: recall\n"
                + "  - metric: roc_auc\n");
        Path out = dir.resolve("r");
        CliRun run = CliRun.of("run", s.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("ERROR   recall").contains("ERROR   roc_auc");
        assertThat(run.err()).startsWith("error: " + s + ": 2 checks could not run ('recall', 'roc_auc'): ")
                .contains("'purpose'").contains("row 1 (line 2)");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(out.resolve("report.json")).exists();
    }

    @Test
    void aSliceThatSelectsNothingIsASuiteErrorAtItsLine() throws IOException {
        Path out = dir.resolve("never");
        Path s = suite(HEADER + "checks:\n  - metric: recall\n    fail: recall >= 0.1\n"
                + "  - metric: recall\n    name: slice\n    where: {foreign_worker: maybe}\n");
        CliRun run = CliRun.of("run", s.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + s + " line 10: the 'where' of check 'slice': No row of " + dir.resolve("test.csv")
                + " matches foreign_worker = maybe. Check the values and ranges against the data (values are compared as text).\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void suiteErrorsNameTheLineAndWriteNothing() throws IOException {
        Path out = dir.resolve("never");
        Path s = suite(HEADER + "checks:\n  - metric: recall\n    fial: recall >= 0.1\n");
        CliRun run = CliRun.of("run", s.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("suite.yaml line 7: unknown key 'checks[1].fial'").contains("Did you mean 'fail'?");
        assertThat(out).doesNotExist();

        Path malformed = suite("suite: x\ndata: {current: test.csv\n");
        run = CliRun.of("run", malformed.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("suite.yaml line").contains("not valid YAML");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownColumnInTheSuiteNamesTheSuiteLine() throws IOException {
        Path s = suite(HEADER.replace("score: proba_bad", "score: proba_good") + "checks:\n  - metric: recall\n");
        CliRun run = CliRun.of("run", s.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("suite.yaml line 3").contains("'proba_good'").contains("proba_bad");
    }

    @Test
    void anUnwritableOutputFolderIsAnInputErrorBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path s = suite(HEADER + "checks:\n  - metric: recall\n");
        CliRun run = CliRun.of("run", s.toString(), "--out", file.resolve("reports").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a-file");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void missingSuiteFile() {
        CliRun run = CliRun.of("run", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Suite file not found: " + dir.resolve("nope.yaml"));
    }

    @Test
    void theDemoCommandWritesTheReportAndSaysWhere() throws IOException {
        Path out = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(out.resolve("report.html").toString());
        assertThat(Files.readString(out.resolve("report.html"))).contains("German credit release gate");
    }
}
