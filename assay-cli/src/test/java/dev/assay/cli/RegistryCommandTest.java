package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.result.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {
    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    static final Path LOGISTIC = EXAMPLES.resolve("models/german_credit_logistic.onnx");
    static final Path FOREST = EXAMPLES.resolve("models/german_credit_forest.onnx");

    @TempDir
    Path dir;

    private CliRun registry(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "registry";
        all[1] = "--store";
        all[2] = dir.resolve("store").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    /** A suite on the German credit test data whose single check needs {@code roc_auc >= min}. */
    private Path gate(String file, double min) throws IOException {
        return Files.writeString(dir.resolve(file), """
                suite: credit gate
                data: {current: %s}
                model: %s
                columns: {label: class}
                evaluation: {task: binary, positive: bad}
                checks:
                  - name: Ranks bad risks
                    fail: roc_auc >= %s
                """.formatted(EXAMPLES.resolve("german-credit/test.csv"), LOGISTIC, min));
    }

    @Test
    void registersIdempotentlyAndMovesAliasesThroughGates() throws Exception {
        JsonNode v1 = json(registry("register", "credit", LOGISTIC.toString(), "--tag", "team=risk", "--code-revision", "4f2e1c0",
                "--format", "json"));
        assertThat(v1.get("name").asText()).isEqualTo("credit");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat("sha256:" + v1.get("sha256").asText()).isEqualTo(Fingerprint.of(LOGISTIC));
        assertThat(v1.get("created").asBoolean()).isTrue();
        assertThat(v1.get("framework").asText()).isEqualTo("onnx");
        assertThat(v1.get("tags").get("team").asText()).isEqualTo("risk");
        assertThat(Path.of(v1.get("artifact").asText())).hasSameBinaryContentAs(LOGISTIC);
        JsonNode again = json(registry("register", "credit", LOGISTIC.toString(), "--format", "json"));
        assertThat(again.get("version").asInt()).isEqualTo(1);
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(json(registry("register", "credit", FOREST.toString(), "--parent", "1", "--format", "json")).get("version").asInt())
                .isEqualTo(2);

        assertThat(registry("alias", "credit", "production", "1", "--reason", "first release").exitCode()).isZero();
        Instant afterFirst = Instant.now();
        Thread.sleep(5);

        CliRun refused = registry("alias", "credit", "production", "2", "--gate", gate("strict.yaml", 0.99).toString(),
                "--gate-output", dir.resolve("gates").toString());
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("Gate failed, credit@production unchanged").contains(": fail");
        assertThat(json(registry("resolve", "credit@production", "--format", "json")).get("version").asInt()).isEqualTo(1);

        CliRun moved = registry("alias", "credit", "production", "2", "--reason", "better ranking", "--gate",
                gate("fair.yaml", 0.6).toString(), "--gate-output", dir.resolve("gates").toString());
        assertThat(moved.exitCode()).as(moved.out() + moved.err()).isZero();
        assertThat(moved.out()).contains("credit@production: 1 -> 2 (gate passed: suite");
        assertThat(json(registry("resolve", "credit@production", "--format", "json")).get("version").asInt()).isEqualTo(2);
        assertThat(json(registry("resolve", "credit@production", "--at", afterFirst.toString(), "--format", "json"))
                .get("version").asInt()).isEqualTo(1);
        JsonNode shown = json(registry("show", "credit@2", "--format", "json"));
        assertThat(shown.get("reports")).hasSize(2);
        assertThat(shown.get("reports").findValuesAsText("status")).containsExactly("fail", "pass");

        assertThat(registry("rollback", "credit", "production", "--reason", "complaints").exitCode()).isZero();
        JsonNode moves = json(registry("log", "credit", "--format", "json")).get("moves");
        assertThat(moves).hasSize(3);
        assertThat(moves.get(0).get("from").isNull()).isTrue();
        assertThat(moves.get(1).get("reason").asText()).startsWith("better ranking; gate passed: suite ");
        assertThat(moves.get(2).get("from").asInt()).isEqualTo(2);
        assertThat(moves.get(2).get("to").asInt()).isEqualTo(1);
        assertThat(moves.get(2).get("reason").asText()).isEqualTo("rollback from 2; complaints");
        assertThat(moves.get(2).fieldNames()).toIterable().containsExactly("alias", "from", "to", "at", "by", "reason");

        JsonNode list = json(registry("list", "--format", "json")).get("models");
        assertThat(list.get(0).get("aliases").get("production").asInt()).isEqualTo(1);
    }

    @Test
    void badInputExitsTwoWithTheFix() throws IOException {
        CliRun traversal = registry("register", "../evil", LOGISTIC.toString());
        assertThat(traversal.exitCode()).isEqualTo(2);
        assertThat(traversal.err()).contains("Invalid model name '../evil'").doesNotContain("Exception");
        assertThat(registry("register", "credit", LOGISTIC.toString(), "--tag", "../x=1").err()).contains("Invalid tag name '../x'");
        assertThat(registry("register", "credit", dir.resolve("none.onnx").toString()).err()).contains("none.onnx does not exist");
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        CliRun emptyFile = registry("register", "credit", empty.toString());
        assertThat(emptyFile.exitCode()).isEqualTo(2);
        assertThat(emptyFile.err()).contains("empty.onnx");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThat(registry("register", "credit", text.toString()).err()).contains("Cannot tell what kind of model notes.txt is");
        assertThat(registry("resolve", "nobody@production").err()).contains("No model named 'nobody' is registered");
        registry("register", "credit", LOGISTIC.toString());
        assertThat(registry("resolve", "credit@production").err()).contains("Alias 'production' of model credit did not exist");
        assertThat(registry("resolve", "credit@production", "--at", "yesterday").err()).contains("Invalid --at 'yesterday'");
        assertThat(registry("alias", "credit", "production", "7").err()).contains("Model credit has no version 7");
        assertThat(registry("alias", "credit", "production", "1", "--gate-report-age", "soon").err())
                .contains("Invalid duration 'soon'");
        CliRun noReport = registry("alias", "credit", "production", "1", "--gate-report-age", "7d");
        assertThat(noReport.exitCode()).isEqualTo(1);
        assertThat(noReport.err()).contains("credit@1 has no linked report");
        assertThat(registry("rollback", "credit", "production").err()).contains("no alias 'production' to roll back");
        assertThat(CliRun.of("registry", "--db", "jdbc:mysql://x/y", "list").err()).contains("Unsupported database URL");
        CliRun unreachable = CliRun.of("registry", "--db", "jdbc:postgresql://127.0.0.1:1/x?user=a&password=secret", "list");
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).contains("Cannot prepare database jdbc:postgresql://127.0.0.1:1/x?user=a&password=***: ")
                .contains("refused").doesNotContain("secret").doesNotContain("SQL State").hasLineCount(1);
        // nothing half-registered: the artifact store holds only the one model
        try (var files = Files.walk(dir.resolve("store/artifacts/sha256"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    /** A suite with one metric check on the German credit test data, run with {@code model}. */
    private Path suiteWith(String file, Path model) throws IOException {
        return Files.writeString(dir.resolve(file), """
                suite: credit history
                data: {current: %s}
                model: %s
                columns: {label: class}
                evaluation: {task: binary, positive: bad}
                checks:
                  - name: Ranks bad risks
                    fail: roc_auc >= 0.5
                """.formatted(EXAMPLES.resolve("german-credit/test.csv"), model));
    }

    @Test
    void recordsRunsAndShowsTheTrendOverVersions() throws Exception {
        registry("register", "credit", LOGISTIC.toString());
        registry("register", "credit", FOREST.toString());
        String store = dir.resolve("store").toString();
        CliRun first = CliRun.of("run", suiteWith("v1.yaml", LOGISTIC).toString(), "--out", dir.resolve("out1").toString(),
                "--record", "--registry", store);
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("Recorded as a run of credit@1.");
        CliRun second = CliRun.of("run", suiteWith("v2.yaml", FOREST).toString(), "--out", dir.resolve("out2").toString(),
                "--record", "--registry", store, "--model-version", "credit@2");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();

        JsonNode history = json(CliRun.of("history", "credit", "--registry", store, "--metric", "roc_auc", "--format", "json"));
        assertThat(history.get("runs")).hasSize(2);
        assertThat(history.get("runs").findValuesAsText("status")).containsExactly("pass", "pass");
        assertThat(history.get("runs").get(0).get("datasets").get("current").asText())
                .isEqualTo(Fingerprint.of(EXAMPLES.resolve("german-credit/test.csv")));
        assertThat(history.get("runs").get(0).get("environment").has("java")).isTrue();
        JsonNode trend = history.get("trends").get("Ranks bad risks / roc_auc");
        assertThat(trend.findValuesAsText("version")).containsExactly("1", "2");
        assertThat(trend.get(0).get("value").asDouble()).isEqualTo(rocAuc(dir.resolve("out1/report.json")));
        assertThat(trend.get(1).get("value").asDouble()).isEqualTo(rocAuc(dir.resolve("out2/report.json")));
        assertThat(trend.get(0).get("value").asDouble()).isNotEqualTo(trend.get(1).get("value").asDouble());

        String html = Files.readString(dir.resolve("out2/report.html"));
        assertThat(html).contains("History of credit").contains("2 recorded runs of credit").contains("<svg");
        JsonNode shown = json(registry("show", "credit@2", "--format", "json"));
        assertThat(shown.get("reports").get(0).get("location").asText()).endsWith("out2/report.json");

        CliRun unregistered = CliRun.of("run", suiteWith("other.yaml", EXAMPLES.resolve("models/adult_logistic.onnx")).toString(),
                "--out", dir.resolve("out3").toString(), "--record", "--registry", store);
        assertThat(unregistered.exitCode()).isEqualTo(2);
        assertThat(unregistered.err()).contains("is not registered in").contains("give --model-version");
        assertThat(dir.resolve("out3")).doesNotExist();
        assertThat(CliRun.of("history", "credit", "--registry", store, "--metric", "nope").err())
                .contains("No recorded run of credit measured 'nope'");
        assertThat(CliRun.of("run", suiteWith("v3.yaml", FOREST).toString(), "--model-version", "credit@2").err())
                .contains("only apply with --record");
    }

    @Test
    void runsAreRecordedInTheRegistrysDatabaseWhenItKeepsItsRecordsInOne() throws Exception {
        String store = dir.resolve("store").toString();
        String db = "jdbc:sqlite:" + dir.resolve("records.db");
        CliRun register = CliRun.of("registry", "--store", store, "--db", db, "register", "credit", LOGISTIC.toString());
        assertThat(register.exitCode()).as(register.err()).isZero();
        CliRun run = CliRun.of("run", suiteWith("db.yaml", LOGISTIC).toString(), "--out", dir.resolve("out-db").toString(),
                "--record", "--registry", store, "--registry-db", db);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Recorded as a run of credit@1.");
        JsonNode history = json(CliRun.of("history", "credit", "--registry", store, "--db", db, "--format", "json"));
        assertThat(history.get("runs")).hasSize(1);
        assertThat(history.get("trends").get("Ranks bad risks / roc_auc").get(0).get("value").asDouble())
                .isEqualTo(rocAuc(dir.resolve("out-db/report.json")));
        // the folder's own database knows nothing of it
        assertThat(CliRun.of("history", "credit", "--registry", store).exitCode()).isEqualTo(2);
    }

    private static double rocAuc(Path report) throws IOException {
        for (JsonNode m : new ObjectMapper().readTree(report.toFile()).get("checks").get(0).get("measurements")) {
            if (m.get("name").asText().equals("roc_auc")) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no roc_auc in " + report);
    }
}
