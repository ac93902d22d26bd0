package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay compare} with paired bootstrap intervals, models instead of score columns, and two files matched by id. */
class CompareModelsAndFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TWO_MODELS = EvaluateCommandTest.resource("/data/german_credit_two_models.csv");
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String TEST_CSV = EXAMPLES.resolve("german-credit/test.csv").toString();

    @TempDir
    Path dir;

    @Test
    void pairedIntervalsCoverTheReferenceRoughly() throws IOException {
        CliRun run = CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--metrics", "accuracy,roc_auc,f1,log_loss", "--resamples", "2000",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/german_credit_paired_bootstrap.json")) {
            golden = JSON.readTree(in);
        }
        assertThat(out.get("bootstrap").get("method").asText()).isEqualTo("percentile");
        assertThat(out.get("bootstrap").get("resamples").asInt()).isEqualTo(2000);
        for (String metric : List.of("accuracy", "roc_auc", "f1", "log_loss")) {
            JsonNode m = out.get("metrics").get(metric);
            JsonNode want = golden.get("metrics").get(metric);
            assertThat(m.get("difference").asDouble()).as(metric).isCloseTo(want.get("difference").asDouble(), within(1e-12));
            double lower = want.get("percentile").get(0).asDouble();
            double upper = want.get("percentile").get(1).asDouble();
            double slack = 0.15 * (upper - lower);
            assertThat(m.get("interval").get("lower").asDouble()).as("lower end for %s", metric).isCloseTo(lower, within(slack));
            assertThat(m.get("interval").get("upper").asDouble()).as("upper end for %s", metric).isCloseTo(upper, within(slack));
        }
        CliRun again = CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--metrics", "accuracy,roc_auc,f1,log_loss", "--resamples", "2000",
                "--format", "json");
        assertThat(JSON.readTree(again.out()).get("metrics")).isEqualTo(out.get("metrics"));
    }

    @Test
    void bcaIntervalsAreAvailable() throws IOException {
        CliRun run = CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--interval", "bca", "--resamples", "200", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode interval = JSON.readTree(run.out()).get("metrics").get("roc_auc").get("interval");
        assertThat(interval.get("method").asText()).isEqualTo("bootstrap-bca");
        assertThat(interval.get("lower").asDouble()).isLessThan(0.014709).isGreaterThan(-0.05);
        assertThat(interval.get("upper").asDouble()).isGreaterThan(0.014709).isLessThan(0.08);
    }

    @Test
    void modelsScoreTheRowsAsEvaluateDoes() throws IOException {
        CliRun run = CliRun.of("compare", "--data", TEST_CSV, "--label", "class",
                "--baseline", EXAMPLES.resolve("models/german_credit_logistic.onnx").toString(),
                "--candidate", EXAMPLES.resolve("models/german_credit_forest.tribuo.gz").toString(),
                "--slices", "checking_status,age,purpose", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        // held-out values in examples/models/README.md
        assertThat(out.get("positive").asText()).isEqualTo("bad");
        assertThat(out.get("metrics").get("accuracy").get("baseline").asDouble()).isCloseTo(0.7067, within(5e-5));
        assertThat(out.get("metrics").get("roc_auc").get("baseline").asDouble()).isCloseTo(0.7032, within(5e-5));
        assertThat(out.get("metrics").get("accuracy").get("candidate").asDouble()).isCloseTo(0.7267, within(5e-5));
        assertThat(out.get("metrics").get("roc_auc").get("candidate").asDouble()).isCloseTo(0.7422, within(5e-5));
        JsonNode flips = out.get("flips");
        JsonNode slices = flips.get("by_slice");
        assertThat(slices.size()).isBetween(1, 5);
        double overall = flips.get("baseline_only").asDouble() / 300;
        for (JsonNode s : slices) {
            assertThat(s.get("slice").asText()).matches("(checking_status|age|purpose) .*");
            assertThat(s.get("overall_rate").asDouble()).isCloseTo(overall, within(1e-12));
            assertThat(s.get("rate").asDouble()).isGreaterThan(overall)
                    .isCloseTo(s.get("negative_flips").asDouble() / s.get("rows").asDouble(), within(1e-12));
        }
    }

    @Test
    void twoFilesMatchedByIdGiveTheSameComparisonAsOne() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(TWO_MODELS));
        List<String> data = new ArrayList<>(List.of("id," + lines.get(0)));
        List<String> candidate = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            data.add("r" + i + "," + lines.get(i));
            candidate.add("r" + i + "," + cells[2]);
        }
        Collections.shuffle(candidate, new Random(3));
        candidate.add(0, "id,score");
        Path dataFile = write("data.csv", data);
        Path candFile = write("cand.csv", candidate);
        CliRun split = CliRun.of("compare", "--data", dataFile.toString(), "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate-data", candFile.toString(), "--id", "id", "--candidate", "score", "--format", "json");
        CliRun one = CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--format", "json");
        assertThat(split.exitCode()).as(split.err()).isZero();
        JsonNode a = JSON.readTree(split.out());
        JsonNode b = JSON.readTree(one.out());
        assertThat(a.get("metrics")).isEqualTo(b.get("metrics"));
        assertThat(a.get("delong")).isEqualTo(b.get("delong"));
        assertThat(a.get("mcnemar")).isEqualTo(b.get("mcnemar"));
        assertThat(a.get("candidate_data").asText()).isEqualTo(candFile.toString());
    }

    @Test
    void filesThatDoNotMatchAreRefusedNamingTheFileAndTheId() throws IOException {
        Path data = write("d.csv", List.of("id,y,a", "x1,1,0.9", "x2,0,0.2", "x3,1,0.7", "x4,0,0.1"));
        Path fewer = write("fewer.csv", List.of("id,b", "x1,0.8", "x2,0.3", "x3,0.6"));
        assertInputError(compare(data, fewer, null), data + " has 4 rows and " + fewer + " has 3",
                "Give --id COL to match rows");
        assertInputError(compare(data, fewer, "id"), "Id 'x4' of row 4 (line 5) of " + data + " is not in " + fewer);
        Path extra = write("extra.csv", List.of("id,b", "x1,0.8", "x2,0.3", "x3,0.6", "x4,0.2", "x9,0.5"));
        assertInputError(compare(data, extra, "id"), "Id 'x9' of row 5 (line 6) of " + extra + " is not in " + data);
        Path twice = write("twice.csv", List.of("id,b", "x1,0.8", "x2,0.3", "x2,0.6", "x4,0.2"));
        assertInputError(compare(data, twice, "id"), "Id 'x2' appears twice in " + twice + " (column 'id'): in row 2 (line 3)"
                + " and row 3 (line 4)");
        assertInputError(CliRun.of("compare", "--data", data.toString(), "--label", "y", "--baseline", "a", "--candidate", "a",
                "--id", "id"), "--id matches the rows of --data and --candidate-data");
    }

    @Test
    void aBootstrapOnFourRowsUnknownMetricsAndUnknownSpecsAreRefused() throws IOException {
        Path four = write("four.csv", List.of("y,a,b", "1,0.9,0.8", "0,0.2,0.4", "1,0.7,0.6", "0,0.1,0.3"));
        assertInputError(CliRun.of("compare", "--data", four.toString(), "--label", "y", "--baseline", "a", "--candidate", "b"),
                "A bootstrap interval of the difference needs at least 10 rows, got 4");
        Path three = write("three.csv", List.of("y,a,b", "1,0.9,0.8", "0,0.2,0.4", "1,0.7,0.6"));
        assertInputError(CliRun.of("compare", "--data", three.toString(), "--label", "y", "--baseline", "a", "--candidate", "b"),
                "DeLong's test needs at least 2 positive and 2 negative rows, got 2 positive and 1 negative");
        assertInputError(CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--metrics", "accuracy,auc"), "Invalid value 'auc' for --metrics. Allowed:",
                "roc_auc");
        assertInputError(CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest.onnx"), "--candidate 'forest.onnx' is neither a column of " + TWO_MODELS + " nor a model");
        assertInputError(CliRun.of("compare", "--data", TWO_MODELS, "--label", "class", "--baseline", "logistic_proba_bad",
                "--candidate", "forest_proba_bad", "--interval", "wilson"), "Invalid value 'wilson' for --interval");
    }

    private CliRun compare(Path data, Path candidate, String id) {
        List<String> args = new ArrayList<>(List.of("compare", "--data", data.toString(), "--label", "y", "--baseline", "a",
                "--candidate-data", candidate.toString(), "--candidate", "b"));
        if (id != null) {
            args.addAll(List.of("--id", id));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    private static void assertInputError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as("exit code; out=%s err=%s", run.out(), run.err()).isEqualTo(2);
        for (String f : fragments) {
            assertThat(run.err()).contains(f);
        }
    }
}
