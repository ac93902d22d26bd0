package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay explain} on the bundled German credit and Adult models. */
class ExplainCommandTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String GERMAN = EXAMPLES.resolve("german-credit/test.csv").toString();
    private static final String GERMAN_MODEL = EXAMPLES.resolve("models/german_credit_logistic.onnx").toString();
    private static final String EIGHT = "checking_status,duration,credit_history,purpose,credit_amount,savings_status,age,housing";

    @TempDir
    Path dir;

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void jsonHasBaseRowsAndGlobalAndTheRowsAddUp() throws IOException {
        JsonNode j = json(CliRun.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--rows", "3,5,10-12", "--format", "json",
                "--background", "20"));
        assertThat(j.get("method").asText()).isEqualTo("kernel_shap");
        assertThat(j.get("output").asText()).isEqualTo("probability of class good");
        assertThat(j.get("model_calls").asLong()).isPositive();
        JsonNode rows = j.get("rows");
        assertThat(rows).hasSize(5);
        List<Integer> indices = new ArrayList<>();
        rows.forEach(r -> indices.add(r.get("row").asInt()));
        assertThat(indices).containsExactly(3, 5, 10, 11, 12);
        double base = j.get("base_value").asDouble();
        for (JsonNode r : rows) {
            assertThat(r.get("values").size()).isEqualTo(20);
            double sum = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = r.get("values").fields(); it.hasNext(); ) {
                sum += it.next().getValue().asDouble();
            }
            assertThat(base + sum).isCloseTo(r.get("output").asDouble(), within(1e-9));
            assertThat(r.get("output").asDouble()).as("a probability (ONNX computes in floats)").isBetween(0.0, 1 + 1e-6);
        }
        JsonNode global = j.get("global");
        assertThat(global.size()).isEqualTo(20);
        double meanAbs = 0;
        for (JsonNode r : rows) {
            meanAbs += Math.abs(r.get("values").get("duration").asDouble()) / rows.size();
        }
        assertThat(global.get("duration").asDouble()).isCloseTo(meanAbs, within(1e-12));
        assertThat(j.get("additivity_error").asDouble()).isLessThan(1e-9);
    }

    @Test
    void exactAndKernelShapAgreeOnTheGermanCreditModel() throws IOException {
        JsonNode exact = json(CliRun.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--rows", "0-9", "--method", "exact",
                "--features", EIGHT, "--format", "json", "--output", "bad"));
        JsonNode kernel = json(CliRun.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--rows", "0-9", "--features",
                EIGHT, "--format", "json", "--output", "bad"));
        assertThat(exact.get("output").asText()).isEqualTo("probability of class bad");
        double largest = 0;
        for (int r = 0; r < 10; r++) {
            JsonNode e = exact.get("rows").get(r).get("values");
            JsonNode k = kernel.get("rows").get(r).get("values");
            for (String f : EIGHT.split(",")) {
                assertThat(k.get(f).asDouble()).as("row %d %s", r, f).isCloseTo(e.get(f).asDouble(), within(1e-9));
                largest = Math.max(largest, Math.abs(e.get(f).asDouble()));
            }
        }
        assertThat(largest).as("the explanation is not trivially zero").isGreaterThan(0.01);
        assertThat(exact.get("base_value").asDouble()).isCloseTo(kernel.get("base_value").asDouble(), within(1e-12));
    }

    @Test
    void treeShapEqualsExactShapleyValuesOfTheAdultForestWithoutCallingIt() throws IOException {
        String adult = EXAMPLES.resolve("models/adult.csv").toString();
        String forest = EXAMPLES.resolve("models/adult_forest.tribuo.gz").toString();
        JsonNode tree = json(CliRun.of("explain", "--model", forest, "--data", adult, "--rows", "0-4", "--method", "tree_shap",
                "--background", "15", "--format", "json"));
        JsonNode exact = json(CliRun.of("explain", "--model", forest, "--data", adult, "--rows", "0-4", "--method", "exact",
                "--background", "15", "--format", "json"));
        assertThat(tree.get("model_calls").asLong()).isZero();
        assertThat(exact.get("model_calls").asLong()).isPositive();
        assertThat(tree.get("base_value").asDouble()).isCloseTo(exact.get("base_value").asDouble(), within(1e-12));
        int compared = 0;
        for (int r = 0; r < 5; r++) {
            JsonNode t = tree.get("rows").get(r);
            JsonNode e = exact.get("rows").get(r);
            assertThat(t.get("output").asDouble()).isCloseTo(e.get("output").asDouble(), within(1e-12));
            for (java.util.Iterator<String> it = e.get("values").fieldNames(); it.hasNext(); compared++) {
                String f = it.next();
                assertThat(t.get("values").get(f).asDouble()).as("row %d %s", r, f).isCloseTo(e.get("values").get(f).asDouble(),
                        within(1e-9));
            }
        }
        assertThat(compared).isEqualTo(5 * 13);
    }

    @Test
    void limeGivesEachRowsLocalModel() throws IOException {
        JsonNode j = json(CliRun.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--rows", "0-1", "--method", "lime",
                "--seed", "3", "--format", "json"));
        assertThat(j.get("method").asText()).isEqualTo("lime");
        assertThat(j.get("settings").get("samples").asInt()).isEqualTo(5000);
        assertThat(j.get("model_calls").asLong()).isEqualTo(2);
        for (JsonNode row : j.get("rows")) {
            double sum = row.get("base").asDouble();
            int selected = 0;
            for (JsonNode v : row.get("values")) {
                sum += v.asDouble();
                selected += v.asDouble() != 0 ? 1 : 0;
            }
            assertThat(sum).as("intercept plus the weights of the row's bins is the local prediction")
                    .isCloseTo(row.get("output").asDouble(), within(1e-9));
            assertThat(selected).as("lime keeps 10 features").isEqualTo(10);
        }
        JsonNode again = json(CliRun.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--rows", "0-1", "--method", "lime",
                "--seed", "3", "--format", "json"));
        assertThat(again.get("rows")).isEqualTo(j.get("rows"));
    }

    @Test
    void permutationGivesGlobalOnly() throws IOException {
        JsonNode j = json(CliRun.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--method", "permutation", "--label",
                "class", "--rows", "0-299", "--format", "json"));
        assertThat(j.has("rows")).isFalse();
        assertThat(j.get("global").size()).isEqualTo(20);
        assertThat(j.get("global_measure").asText()).contains("shuffles");
        assertThat(j.get("baseline_score").asDouble()).isBetween(0.6, 0.8);
        assertThat(j.get("global_std").get("checking_status").asDouble()).isNotNegative();
    }

    @Test
    void htmlAndMarkdownReportsHoldTheCharts() throws IOException {
        Path html = dir.resolve("explain.html");
        CliRun r = CliRun.of("explain", "--model", EXAMPLES.resolve("models/adult_forest.onnx").toString(), "--data",
                EXAMPLES.resolve("models/adult.csv").toString(), "--rows", "0-19", "--background", "10", "--format", "html", "--out",
                html.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("Global importance").contains("Contributions by row").contains("Row 0").contains("base value");
        CliRun md = CliRun.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--rows", "0-4", "--format", "md");
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).contains("### Global importance").contains("| checking\\_status | 1 |").contains("### Contributions per row");
    }

    @Test
    void textNamesTheTopFeatures() {
        CliRun r = CliRun.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--rows", "0-4", "--background", "10");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("kernel_shap").contains("checking_status").contains("additivity error");
        assertThat(r.err()).as("no progress display without a terminal").isEmpty();
    }

    @Test
    void badInputIsExplained() {
        assertThat(error("--rows", "5-2")).contains("runs backwards");
        assertThat(error("--rows", "0-300")).contains("has 300 rows, numbered 0 to 299");
        assertThat(error("--rows", "a")).contains("Invalid --rows part 'a'");
        assertThat(error("--rows", "1,1")).contains("row 1 twice");
        assertThat(error("--method", "shapley")).contains("Unknown explanation method 'shapley'").contains("kernel_shap");
        assertThat(error("--method", "tree_shap")).contains("is not a tree ensemble Assay can read");
        assertThat(error("--method", "exact")).contains("at most 16 features; 20 were given");
        assertThat(error("--method", "permutation")).contains("--label");
        assertThat(error("--features", "age,colour")).contains("colour");
        assertThat(error("--output", "maybe")).contains("no class 'maybe'");
        assertThat(error("--format", "pdf")).contains("Invalid value 'pdf' for --format");
        assertThat(error("--label", "class")).contains("--method permutation only");
        CliRun zero = CliRun.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--background", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--background must be at least 1");
    }

    private static String error(String... extra) {
        List<String> args = new ArrayList<>(List.of("explain", "--model", GERMAN_MODEL, "--data", GERMAN, "--background", "5"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return r.err();
    }
}
