package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay privacy mia} on the example German-credit models and split: the logistic regression's numbers equal
 * scikit-learn's and statsmodels' on the same model's probabilities ({@code golden/privacy/membership.json} of
 * assay-core, written by scripts/golden/privacy_golden.py), and bad input ends with exit 2 and a message.
 */
class MembershipInferenceCommandTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String TRAIN = EXAMPLES.resolve("german-credit/train.csv").toString();
    private static final String TEST = EXAMPLES.resolve("german-credit/test.csv").toString();
    private static final String LOGISTIC = EXAMPLES.resolve("models/german_credit_logistic.tribuo.gz").toString();
    private static final String FOREST = EXAMPLES.resolve("models/german_credit_forest.tribuo.gz").toString();

    @TempDir
    Path dir;

    @Test
    void jsonMatchesTheGoldenAttackOnTheLogisticRegression() throws IOException {
        CliRun run = CliRun.of("privacy", "mia", "--model", LOGISTIC, "--train", TRAIN, "--test", TEST, "--label", "class",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        JsonNode out = new ObjectMapper().readTree(run.out());
        JsonNode golden = new ObjectMapper().readTree(Path.of("../assay-core/src/test/resources/golden/privacy/membership.json")
                .toFile()).get("cases");
        JsonNode logistic = null;
        for (JsonNode c : golden) {
            if (c.get("fixture").asText().equals("membership_logistic.csv")) {
                logistic = c.get("attacks");
            }
        }
        assertThat(out.get("members").asInt()).isEqualTo(700);
        assertThat(out.get("non_members").asInt()).isEqualTo(300);
        assertThat(out.get("attacks")).hasSize(3);
        for (JsonNode a : out.get("attacks")) {
            JsonNode g = logistic.get(a.get("attack").asText());
            assertThat(a.get("auc").asDouble()).isCloseTo(g.get("auc").asDouble(), within(1e-12));
            assertThat(a.get("advantage").asDouble()).isCloseTo(g.get("advantage").asDouble(), within(1e-12));
            assertThat(a.get("epsilon_lower_bound").asDouble()).isCloseTo(g.get("epsilon_lower_bound").asDouble(), within(1e-9));
            for (String target : List.of("0.01", "0.001")) {
                JsonNode t = a.get("tpr_at_fpr").get(target);
                assertThat(t.get("value").asDouble()).isCloseTo(g.get("tpr_at_fpr").get(target).get("value").asDouble(), within(1e-12));
                assertThat(t.get("ci_low").asDouble()).isCloseTo(g.get("tpr_at_fpr").get(target).get("ci_low").asDouble(), within(1e-9));
                assertThat(t.get("ci_high").asDouble()).isCloseTo(g.get("tpr_at_fpr").get(target).get("ci_high").asDouble(),
                        within(1e-9));
            }
        }
        assertThat(out.get("auc").asDouble()).isEqualTo(out.get("attacks").findValues("auc").stream()
                .mapToDouble(JsonNode::asDouble).max().orElseThrow());
    }

    @Test
    void textAndHtmlNameTheStrongestAttack() throws IOException {
        CliRun text = CliRun.of("privacy", "mia", "--model", FOREST, "--train", TRAIN, "--test", TEST, "--label", "class",
                "--attack", "loss");
        assertThat(text.exitCode()).as(text.err()).isEqualTo(0);
        assertThat(text.out()).contains("Strongest attack: loss, AUC 0.618").contains("members: 700 rows");
        Path page = dir.resolve("mia.html");
        CliRun html = CliRun.of("privacy", "mia", "--model", FOREST, "--train", TRAIN, "--test", TEST, "--label", "class",
                "--format", "html", "--output", page.toString());
        assertThat(html.exitCode()).as(html.err()).isEqualTo(0);
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("<td>modified_entropy</td>");
    }

    @Test
    void badInputEndsWithExitTwoAndSaysWhatToFix() throws IOException {
        Path narrow = Files.writeString(dir.resolve("narrow.csv"), "class,age\ngood,30\nbad,40\n");
        CliRun columns = CliRun.of("privacy", "mia", "--model", LOGISTIC, "--train", TRAIN, "--test", narrow.toString(),
                "--label", "class");
        assertThat(columns.exitCode()).isEqualTo(2);
        assertThat(columns.err()).contains("must have the same columns").contains("only in the training data [").doesNotContain("Exception");

        Path oneClassTrain = dir.resolve("train1.csv");
        Path oneClassTest = dir.resolve("test1.csv");
        List<String> lines = Files.readAllLines(Path.of(TRAIN));
        int label = List.of(lines.get(0).split(",")).indexOf("class");
        List<String> good = lines.stream().skip(1).filter(l -> l.split(",")[label].equals("good")).toList();
        Files.write(oneClassTrain, concat(lines.get(0), good.subList(0, 50)));
        Files.write(oneClassTest, concat(lines.get(0), good.subList(50, 80)));
        CliRun oneClass = CliRun.of("privacy", "mia", "--model", LOGISTIC, "--train", oneClassTrain.toString(), "--test",
                oneClassTest.toString(), "--label", "class");
        assertThat(oneClass.exitCode()).isEqualTo(2);
        assertThat(oneClass.err()).contains("holds one class only ([good])");

        CliRun unknown = CliRun.of("privacy", "mia", "--model", LOGISTIC, "--train", TRAIN, "--test", TEST, "--label", "klass");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("klass");

        CliRun attack = CliRun.of("privacy", "mia", "--model", LOGISTIC, "--train", TRAIN, "--test", TEST, "--label", "class",
                "--attack", "gradient");
        assertThat(attack.exitCode()).isEqualTo(2);
        assertThat(attack.err()).contains("--attack").contains("modified_entropy");

        Path out = dir.resolve("never.json");
        CliRun regression = CliRun.of("privacy", "mia", "--model", LOGISTIC, "--train", TRAIN, "--test", narrow.toString(),
                "--label", "class", "--format", "json", "--output", out.toString());
        assertThat(regression.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    private static List<String> concat(String header, List<String> rows) {
        List<String> out = new java.util.ArrayList<>(List.of(header));
        out.addAll(rows);
        return out;
    }
}
