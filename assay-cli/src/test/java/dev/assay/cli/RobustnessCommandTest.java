package dev.assay.cli;

import static dev.assay.cli.ReportMeasurements.value;
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

/** {@code assay robustness} with the bundled Adult logistic model on the first 300 rows of its data. */
class RobustnessCommandTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String MODEL = EXAMPLES.resolve("models/adult_logistic.onnx").toString();
    private static final String LABEL = "income-per-year";

    @TempDir
    Path dir;

    private Path rows;

    @BeforeEach
    void rows() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve("models/adult.csv"));
        rows = Files.write(dir.resolve("rows.csv"), lines.subList(0, 301));
    }

    private CliRun robustness(String... extra) {
        List<String> args = new ArrayList<>(List.of("robustness", "--model", MODEL, "--data", rows.toString(), "--label", LABEL));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private JsonNode suiteCheck(String check) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "suite: s\ndata: {current: rows.csv}\nmodel: " + MODEL
                + "\ncolumns: {label: " + LABEL + "}\nchecks:\n" + check);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isIn(0, 1);
        return new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    @Test
    void settingsReachThePerturbationsThatHaveThem() throws IOException {
        JsonNode none = json(robustness("--perturbation", "gaussian_noise,missing_values", "--setting", "sigma=0", "--setting",
                "rate=0", "--format", "json")).get("results");
        for (String p : List.of("gaussian_noise", "missing_values")) {
            assertThat(none.get(p).get("accuracy_drop").get("value").asDouble()).as(p).isZero();
            assertThat(none.get(p).get("changed_rows").asInt()).as(p).isZero();
        }
        assertThat(none.get("gaussian_noise").get("settings").get("sigma").asText()).isIn("0", "0.0");
        JsonNode strong = json(robustness("--perturbation", "gaussian_noise", "--setting", "sigma=2", "--format", "json"));
        assertThat(strong.get("results").get("gaussian_noise").get("flip_rate").get("value").asDouble()).isPositive();
        CliRun foreign = robustness("--perturbation", "gaussian_noise", "--setting", "degrees=30");
        assertThat(foreign.exitCode()).isEqualTo(2);
        assertThat(foreign.err()).contains("--setting degrees: no perturbation asked for");
        CliRun text = robustness("--perturbation", "gaussian_noise", "--setting", "sigma=lots");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err()).contains("not a number").doesNotContain("Exception");
    }

    @Test
    void aTribuoLogisticModelGivesAnalyticGradientsAndSquareComesCloseToTheExactFgsm() throws IOException {
        CliRun r = CliRun.of("robustness", "--model", EXAMPLES.resolve("models/adult_logistic.tribuo.gz").toString(), "--data",
                rows.toString(), "--label", LABEL, "--attack", "fgsm,square", "--eps", "0.05,0.2", "--format", "json");
        JsonNode results = json(r).get("results");
        assertThat(results.get("fgsm").get("attack").get("gradient_source").asText()).isEqualTo("analytic");
        assertThat(results.get("square").get("attack").get("gradient_source").asText()).isEqualTo("none");
        for (String eps : List.of("0.05", "0.2")) {
            double exact = results.get("fgsm").get("robust_accuracy").get(eps).asDouble();
            assertThat(results.get("square").get("robust_accuracy").get(eps).asDouble()).as("eps " + eps)
                    .isBetween(exact, exact + 0.02);
        }
        assertThat(results.get("fgsm").get("robust_accuracy").get("0.2").asDouble())
                .isLessThan(results.get("fgsm").get("clean_accuracy").asDouble());
    }

    @Test
    void fgsmKeysBudgetsAsWrittenAndAgreesWithTheAdversarialCheck() throws IOException {
        JsonNode root = json(robustness("--attack", "fgsm", "--eps", "0,0.05,0.10,0.5", "--format", "json"));
        JsonNode fgsm = root.get("results").get("fgsm");
        assertThat(fgsm.get("type").asText()).isEqualTo("attack");
        assertThat(fgsm.get("attack").get("norm").asText()).isEqualTo("linf");
        assertThat(fgsm.get("attack").get("gradient_source").asText()).isEqualTo("finite_differences");
        JsonNode robust = fgsm.get("robust_accuracy");
        assertThat(robust.fieldNames()).toIterable().containsExactly("0", "0.05", "0.10", "0.5");
        assertThat(fgsm.get("robust_accuracy_conditional").fieldNames()).toIterable().containsExactly("0", "0.05", "0.10", "0.5");
        double clean = fgsm.get("clean_accuracy").asDouble();
        assertThat(clean).isBetween(0.7, 0.95);
        assertThat(robust.get("0").asDouble()).isEqualTo(clean);
        assertThat(fgsm.get("robust_accuracy_conditional").get("0").asDouble()).isEqualTo(1.0);
        // FGSM on a linear model: a larger budget never recovers a row
        assertThat(robust.get("0.05").asDouble()).isLessThanOrEqualTo(clean);
        assertThat(robust.get("0.10").asDouble()).isLessThanOrEqualTo(robust.get("0.05").asDouble());
        assertThat(robust.get("0.5").asDouble()).isLessThanOrEqualTo(robust.get("0.10").asDouble()).isLessThan(clean);
        int cleanCorrect = fgsm.get("clean_correct_rows").asInt();
        assertThat(cleanCorrect).isEqualTo((int) Math.round(clean * 300));
        for (String eps : List.of("0", "0.05", "0.10", "0.5")) {
            double conditional = fgsm.get("robust_accuracy_conditional").get(eps).asDouble();
            assertThat(robust.get(eps).asDouble() * 300).isCloseTo(conditional * cleanCorrect, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(fgsm.get("success_rate_by_eps").get(eps).asDouble()).isCloseTo(1 - conditional,
                    org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(fgsm.get("success_rate").asDouble()).isEqualTo(fgsm.get("fooled_rows").asDouble() / cleanCorrect)
                .isGreaterThanOrEqualTo(fgsm.get("success_rate_by_eps").get("0.5").asDouble());
        assertThat(fgsm.get("mean_minimal_perturbation").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(0.5 + 1);
        assertThat(fgsm.get("model_calls").asLong()).isGreaterThan(4);
        assertThat(fgsm.get("examples")).isNotEmpty();
        assertThat(fgsm.get("examples").get(0).get("changes")).isNotEmpty();

        JsonNode check = suiteCheck("  - type: adversarial\n    attack: fgsm\n    eps: [0.05, 0.5]\n");
        assertThat(value(check, "clean_accuracy")).isEqualTo(clean);
        assertThat(value(check, "robust_accuracy[eps=0.05]")).isEqualTo(robust.get("0.05").asDouble());
        assertThat(value(check, "robust_accuracy[eps=0.5]")).isEqualTo(robust.get("0.5").asDouble());
    }

    @Test
    void perturbationEntriesCarryIntervalsAndAgreeWithThePerturbationCheck() throws IOException {
        JsonNode root = json(robustness("--perturbation", "gaussian_noise", "--perturbation", "missing_values", "--format", "json",
                "--seed", "7"));
        JsonNode noise = root.get("results").get("gaussian_noise");
        assertThat(noise.get("type").asText()).isEqualTo("perturbation");
        assertThat(noise.get("settings").get("sigma").asText()).isEqualTo("0.1");
        for (String key : List.of("accuracy_drop", "flip_rate", "mean_abs_score_change")) {
            JsonNode e = noise.get(key);
            assertThat(e.get("lower").asDouble()).as(key).isLessThanOrEqualTo(e.get("value").asDouble());
            assertThat(e.get("upper").asDouble()).as(key).isGreaterThanOrEqualTo(e.get("value").asDouble());
        }
        assertThat(noise.get("flip_rate").get("value").asDouble()).isGreaterThan(0);
        assertThat(root.get("results").has("missing_values")).isTrue();
        assertThat(root.get("results").has("fgsm")).isFalse();

        JsonNode check = suiteCheck("  - type: perturbation\n    perturbation: gaussian_noise\n    seed: 7\n");
        assertThat(value(check, "accuracy_drop")).isEqualTo(noise.get("accuracy_drop").get("value").asDouble());
        assertThat(value(check, "flip_rate")).isEqualTo(noise.get("flip_rate").get("value").asDouble());
    }

    @Test
    void withoutNamesRunsTheTabularPerturbationsAndFgsm() throws IOException {
        JsonNode results = json(robustness("--format", "json", "--rows", "120")).get("results");
        assertThat(results.fieldNames()).toIterable()
                .containsExactly("gaussian_noise", "missing_values", "extreme_values", "category_swap", "fgsm");
        assertThat(results.get("fgsm").get("robust_accuracy").fieldNames()).toIterable().containsExactly("0.01", "0.05", "0.1");
    }

    @Test
    void exportedExamplesFoolTheModelAndTheDetectionCheckReadsThem() throws IOException {
        Path csv = dir.resolve("out/adv.csv");
        JsonNode fgsm = json(robustness("--attack", "fgsm", "--eps", "0.5", "--format", "json", "--export", csv.toString()))
                .get("results").get("fgsm");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("attack,eps,row,age,workclass").endsWith(",income-per-year,score_before,score_after");
        assertThat(lines).hasSize(fgsm.get("fooled_rows").asInt() + 1);
        assertThat(lines.get(1)).startsWith("fgsm,0.5,");
        // every exported row is misclassified: the model's accuracy on them is 0
        CliRun evaluated = CliRun.of("evaluate", "--model", MODEL, "--data", csv.toString(), "--label", LABEL, "--format", "json");
        assertThat(evaluated.exitCode()).as(evaluated.out() + evaluated.err()).isZero();
        JsonNode accuracy = new ObjectMapper().readTree(evaluated.out()).get("metrics").get("accuracy");
        assertThat(accuracy.isNumber()).as(evaluated.out()).isTrue();
        assertThat(accuracy.asDouble()).isZero();

        Path json = dir.resolve("out/adv.json");
        json(robustness("--attack", "fgsm", "--eps", "0.5", "--format", "json", "--export", json.toString()));
        JsonNode exported = new ObjectMapper().readTree(json.toFile());
        assertThat(exported).hasSize(lines.size() - 1);
        assertThat(exported.get(0).get("values").get("age").isNumber()).isTrue();

        JsonNode detection = suiteCheck("  - type: adversarial_detection\n    adversarial_file: out/adv.csv\n");
        double rate = value(detection, "detection_rate");
        double falsePositives = value(detection, "false_positive_rate");
        System.out.printf("adversarial_detection on %d FGSM examples (eps 0.5): detection_rate %.4f, false_positive_rate %.4f%n",
                lines.size() - 1, rate, falsePositives);
        assertThat(value(detection, "adversarial_rows")).isEqualTo(lines.size() - 1);
        assertThat(rate).isGreaterThan(falsePositives);
    }

    @Test
    void simbaMovesATreeModelWhereFiniteDifferencesSeeNoSlope() throws IOException {
        String model = EXAMPLES.resolve("models/german_credit_forest.onnx").toString();
        String data = EXAMPLES.resolve("german-credit/test.csv").toString();
        CliRun r = CliRun.of("robustness", "--model", model, "--data", data, "--label", "class", "--positive", "bad", "--attack",
                "simba,fgsm", "--eps", "0,1", "--format", "json");
        JsonNode results = json(r).get("results");
        assertThat(results.fieldNames()).toIterable().containsExactly("simba", "fgsm");
        CliRun evaluated = CliRun.of("evaluate", "--model", model, "--data", data, "--label", "class", "--positive", "bad", "--format",
                "json");
        double accuracy = new ObjectMapper().readTree(evaluated.out()).get("metrics").get("accuracy").asDouble();
        JsonNode simba = results.get("simba");
        assertThat(simba.get("clean_accuracy").asDouble()).isEqualTo(accuracy);
        assertThat(simba.get("robust_accuracy").get("0").asDouble()).isEqualTo(accuracy);
        assertThat(simba.get("attack").get("gradient_source").asText()).isEqualTo("none");
        assertThat(simba.get("success_rate_by_eps").get("1").asDouble()).isGreaterThan(0.2);
        JsonNode fgsm = results.get("fgsm");
        assertThat(fgsm.get("success_rate_by_eps").get("1").asDouble())
                .isLessThan(simba.get("success_rate_by_eps").get("1").asDouble() / 10);
    }

    @Test
    void htmlAndMarkdownReports() throws IOException {
        Path html = dir.resolve("report.html");
        CliRun r = robustness("--attack", "fgsm,pgd", "--steps", "3", "--perturbation", "gaussian_noise", "--eps", "0,0.2,0.5",
                "--format", "html", "--output", html.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<svg", "Robust accuracy against eps", "fgsm, all rows", "pgd, clean-correct rows",
                "Perturbation effects", "<mark>", "eps 0.2");
        Path md = dir.resolve("report.md");
        r = robustness("--attack", "fgsm", "--perturbation", "gaussian_noise", "--format", "md", "--output", md.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(Files.readString(md)).contains("## Attacks", "| fgsm (linf) |", "## Perturbations", "| gaussian_noise |", "**", "mean \\|score change\\|");
    }

    @Test
    void badInputIsNamedWithExitTwo() throws IOException {
        Path export = dir.resolve("never.csv");
        CliRun r = robustness("--perturbation", "gausian", "--export", export.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'gausian'", "--perturbation", "gaussian_noise", "category_swap").doesNotContain("Exception");
        r = robustness("--attack", "cw", "--export", export.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'cw'", "--attack", "fgsm, pgd, simba");
        assertThat(export).doesNotExist();
        for (String eps : List.of("abc", "-0.1", "0.1,,0.2", "NaN", "Infinity", "0.1,0.10")) {
            r = robustness("--attack", "fgsm", "--eps", eps);
            assertThat(r.exitCode()).as(eps).isEqualTo(2);
            assertThat(r.err()).as(eps).contains("--eps").doesNotContain("Exception");
        }
        r = robustness("--norm", "l1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--norm");
        r = robustness("--columns", "age,salary");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("salary").doesNotContain("Exception");
        CliRun noLabel = CliRun.of("robustness", "--model", MODEL, "--data", rows.toString(), "--label", "income");
        assertThat(noLabel.exitCode()).isEqualTo(2);
        assertThat(noLabel.err()).contains("income").doesNotContain("Exception");
        List<String> lines = Files.readAllLines(rows);
        List<String> oneClass = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.endsWith(",<=50K")).forEach(oneClass::add);
        Path single = Files.write(dir.resolve("one.csv"), oneClass);
        r = CliRun.of("robustness", "--model", MODEL, "--data", single.toString(), "--label", LABEL);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("one.csv", "one class only (<=50K)");
        r = robustness("--attack", "fgsm", "--export", dir.resolve("rows.csv/x.csv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--export").doesNotContain("Exception");
    }
}
