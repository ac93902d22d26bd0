package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay evaluate --ci} on German credit's 300 test rows (recall: 38 of 93 bad risks caught). */
class EvaluateIntervalsTest {
    private static final String[] GERMAN = {"--data", EvaluateCommandTest.GERMAN_TEST, "--label", "class", "--score", "proba_bad",
            "--prediction", "predicted", "--positive", "bad"};

    private static CliRun evaluate(String... more) {
        return CliRun.of(java.util.stream.Stream.concat(java.util.stream.Stream.of("evaluate"),
                java.util.stream.Stream.concat(java.util.Arrays.stream(GERMAN), java.util.Arrays.stream(more))).toArray(String[]::new));
    }

    @Test
    void textShowsTheIntervalBesideEachMetric() {
        CliRun run = evaluate("--ci", "wilson");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("note: Intervals: 95% Wilson score intervals of the proportions (other metrics have none).")
                .contains("  recall             0.408602  95% CI 0.314255–0.5102 (wilson)\n")
                .contains("  roc_auc            0.750195\n");
    }

    @Test
    void jsonGivesValueAndIntervalOfEveryMetric() throws IOException {
        CliRun run = evaluate("--format", "json", "--ci", "--ci-resamples", "200", "--seed", "9");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("ci").toString()).isEqualTo("{\"method\":\"bca\",\"resamples\":200,\"seed\":9,\"level\":0.95}");
        JsonNode auc = root.get("metrics").get("roc_auc");
        assertThat(auc.get("interval").get("method").asText()).isEqualTo("bootstrap-bca");
        assertThat(auc.get("interval").get("level").asDouble()).isEqualTo(0.95);
        assertThat(auc.get("interval").get("lower").asDouble()).isLessThan(auc.get("value").asDouble());
        assertThat(auc.get("interval").get("upper").asDouble()).isGreaterThan(auc.get("value").asDouble());
        CliRun again = evaluate("--format", "json", "--ci", "--ci-resamples", "200", "--seed", "9");
        assertThat(again.out()).isEqualTo(run.out());

        JsonNode wilson = new ObjectMapper().readTree(evaluate("--format", "json", "--ci", "wilson").out());
        // statsmodels 0.13.5: proportion_confint(38, 93, method='wilson')
        assertThat(wilson.get("metrics").get("recall").get("interval").get("lower").asDouble())
                .isCloseTo(0.31425494945885146, within(1e-12));
        assertThat(wilson.get("metrics").get("roc_auc").toString()).isEqualTo("{\"value\":0.7501947950755805,\"interval\":null}");
    }

    @Test
    void tooFewRowsForABootstrapSayWhyBesideEachMetric(@TempDir Path dir) throws IOException {
        Path small = Files.writeString(dir.resolve("small.csv"), "y,p\n1,0.9\n0,0.2\n1,0.6\n0,0.4\n1,0.3\n0,0.1\n1,0.8\n0,0.7\n");
        CliRun run = CliRun.of("evaluate", "--data", small.toString(), "--label", "y", "--score", "p", "--ci", "percentile");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  roc_auc            0.8125  (no interval: a bootstrap interval needs at least 10 rows, got 8;"
                + " evaluate more rows or a wider slice.)\n");
    }

    @Test
    void badIntervalOptionsNameTheOption() {
        CliRun run = evaluate("--ci", "--ci-resamples", "20");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: '--ci-resamples' must be at least 100 for a bootstrap interval, got 20. Use 1000 or"
                + " more for 95% intervals.\n");
        assertThat(evaluate("--ci", "normal").err()).isEqualTo("error: unknown value 'normal' for --ci. Use one of [bca, percentile,"
                + " wilson].\n");
    }
}
