package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay diff} and {@code assay run --baseline} on German credit's stored predictions, against
 * a degraded copy in which the model calls every "male single" applicant a good risk with
 * probability 0.05 of being bad.
 */
class DiffCommandTest {
    @TempDir
    Path dir;

    private Path good;
    private Path degraded;

    private static final String SUITE = """
            suite: credit gate
            data: {current: test.csv}
            columns: {label: class, score: proba_bad, prediction: predicted}
            evaluation: {task: binary, positive: bad}
            checks:
              - name: Catches bad credit risks
                metric: recall
                ci: true
                fail: recall >= 0.25
              - name: Ranking
                fail: roc_auc >= 0.60
            """;

    @BeforeEach
    void writeSuites() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(EvaluateCommandTest.resource("/data/german_credit_test_predictions.csv")));
        good = Files.createDirectories(dir.resolve("good"));
        degraded = Files.createDirectories(dir.resolve("degraded"));
        Files.write(good.resolve("test.csv"), lines);
        Files.write(degraded.resolve("test.csv"), degrade(lines));
        Files.writeString(good.resolve("suite.yaml"), SUITE);
        Files.writeString(degraded.resolve("suite.yaml"), SUITE);
    }

    /** Rows of "male single" applicants: score 0.05, predicted good. */
    static List<String> degrade(List<String> lines) {
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.contains(",male single,") ? line.replaceFirst(",[^,]*,[^,]*$", ",0.05,good") : line);
        }
        return out;
    }

    private Path run(Path folder) {
        CliRun run = CliRun.of("run", folder.resolve("suite.yaml").toString(), "--out", folder.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isLessThanOrEqualTo(1);
        return folder.resolve("out/report.json");
    }

    @Test
    void theDegradedModelIsARegression() throws IOException {
        Path before = run(good);
        Path after = run(degraded);
        CliRun diff = CliRun.of("diff", before.toString(), after.toString());
        assertThat(diff.exitCode()).as(diff.out() + diff.err()).isEqualTo(1);
        assertThat(diff.out()).startsWith("credit gate: pass -> fail (REGRESSION)")
                .contains("Started failing:\n  Catches bad credit risks: pass -> fail")
                .containsPattern("Moved beyond the interval:\n  Catches bad credit risks: recall 0\\.4086 -> 0\\.2151, "
                        + "outside the old run's 95% interval \\[0\\.3226, 0\\.5088\\]");

        JsonNode json = new ObjectMapper().readTree(CliRun.of("diff", before.toString(), after.toString(), "--format", "json").out());
        assertThat(json.get("regression").asBoolean()).isTrue();
        assertThat(json.get("statusChanges").get(0).get("startedFailing").asBoolean()).isTrue();
        // 38 and 20 of the 93 bad risks caught (pandas on the same rows)
        assertThat(json.get("movements").get(0).get("before").asDouble()).isEqualTo(38.0 / 93);
        assertThat(json.get("movements").get(0).get("after").asDouble()).isEqualTo(20.0 / 93);

        CliRun md = CliRun.of("diff", before.toString(), after.toString(), "--format", "md");
        assertThat(md.out()).startsWith("### credit gate: pass -> fail (REGRESSION)").contains("**Started failing**");
    }

    @Test
    void theRepairedModelStartsPassingAndIsNoRegression() {
        Path before = run(degraded);
        Path after = run(good);
        CliRun diff = CliRun.of("diff", before.toString(), after.toString());
        assertThat(diff.exitCode()).as(diff.out()).isZero();
        assertThat(diff.out()).startsWith("credit gate: fail -> pass (no regression)")
                .contains("Started passing:\n  Catches bad credit risks: fail -> pass");
    }

    @Test
    void aRunAgainstItselfIsUnchanged() {
        Path before = run(good);
        CliRun diff = CliRun.of("diff", before.toString(), before.toString());
        assertThat(diff.exitCode()).isZero();
        assertThat(diff.out()).isEqualTo("credit gate: pass -> pass (no change)\n");
    }

    @Test
    void runWithABaselineFailsOnARegressionEvenWhenEveryConditionHolds() throws IOException {
        Path before = run(good);
        // the degraded run with a lenient suite: every condition holds, yet recall left its interval
        Files.writeString(degraded.resolve("suite.yaml"), SUITE.replace("recall >= 0.25", "recall >= 0.05"));
        CliRun run = CliRun.of("run", degraded.resolve("suite.yaml").toString(), "--out", degraded.resolve("out").toString(),
                "--baseline", before.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Compared with the baseline " + before + ":\ncredit gate: pass -> pass (no regression)")
                .contains("Moved beyond the interval:");

        Files.writeString(degraded.resolve("suite.yaml"), SUITE);
        CliRun failing = CliRun.of("run", degraded.resolve("suite.yaml").toString(), "--out", degraded.resolve("out").toString(),
                "--baseline", before.toString());
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.out()).contains("credit gate: pass -> fail (REGRESSION)");
    }

    @Test
    void badReportsAreInputErrorsNamingTheFile() throws IOException {
        Path before = run(good);
        Path missing = dir.resolve("nope.json");
        Path notJson = Files.writeString(dir.resolve("broken.json"), "{\"schema\": ");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"schema\": \"something\"}");
        Path old = Files.writeString(dir.resolve("old.json"), "{\"schema\": \"assay-report\", \"schemaVersion\": 1}");
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertThat(error("diff", before.toString(), missing.toString())).contains(missing + ": no such file");
        assertThat(error("diff", notJson.toString(), before.toString())).contains(notJson + ": not JSON (line 1");
        assertThat(error("diff", before.toString(), other.toString())).contains(other + ": not an Assay report");
        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'x'});
        assertThat(error("diff", before.toString(), binary.toString())).contains(binary + ": not UTF-8 text");
        assertThat(error("diff", before.toString(), empty.toString())).contains(empty + ": not an Assay report");
        assertThat(error("diff", old.toString(), before.toString())).contains(old + ": report format version 1");
        assertThat(error("diff", before.toString(), before.toString(), "--format", "xml"))
                .contains("Invalid value 'xml' for --format. Allowed: text, json, md.");
        assertThat(error("run", good.resolve("suite.yaml").toString(), "--out", dir.resolve("o").toString(),
                "--baseline", missing.toString())).contains(missing + ": no such file");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    private static String error(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("Exception");
        return run.err();
    }
}
