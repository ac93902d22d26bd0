package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay abtest} on the A/B set built from Adult (assay-core's {@code abtest/adult_ab.csv}), its
 * JSON shape against the statsmodels/SciPy goldens of {@code abtest/adult_ab.json}, and bad input.
 */
class AbTestCommandTest {
    private static final Path CORE = Path.of("../assay-core/src/test/resources/abtest").toAbsolutePath().normalize();
    private static final Path DATA = CORE.resolve("adult_ab.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonShapeAndValuesMatchTheGoldens() throws IOException {
        JsonNode golden = JSON.readTree(CORE.resolve("adult_ab.json").toFile());
        CliRun r = CliRun.of("abtest", "--data", DATA.toString(), "--variant", "variant", "--control", "control", "--metric",
                "converted,revenue,hours", "--covariate", "education_num", "--look", "day", "--mann-whitney", "revenue",
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.get("treatment").asText()).isEqualTo("treatment");
        assertThat(out.at("/rows/control").asInt()).isEqualTo(golden.at("/counts/control").asInt());
        for (String name : List.of("converted", "revenue", "hours")) {
            JsonNode m = out.get("metrics").get(name);
            JsonNode g = golden.get("metrics").get(name);
            assertThat(m.get("test").asText()).isEqualTo(g.get("test").asText());
            for (String key : List.of("control_mean", "treatment_mean", "difference", "ci_low", "ci_high", "p_value")) {
                assertThat(m.get(key).asDouble()).as(name + " " + key).isCloseTo(g.get(key).asDouble(),
                        within(1e-9 * Math.max(1, Math.abs(g.get(key).asDouble()))));
            }
            assertThat(m.at("/relative_lift/value").asDouble()).isCloseTo(g.at("/relative/value").asDouble(), within(1e-12));
            for (String key : List.of("theta", "difference", "ci_low", "ci_high", "p_value", "variance_reduction")) {
                assertThat(m.get("cuped").get(key).asDouble()).as(name + " cuped " + key).isCloseTo(g.get("cuped").get(key).asDouble(),
                        within(1e-9 * Math.max(1, Math.abs(g.get("cuped").get(key).asDouble()))));
            }
            JsonNode looks = m.at("/sequential/looks");
            assertThat(looks.size()).isEqualTo(10);
            List<String> order = new ArrayList<>();
            for (int k = 0; k < looks.size(); k++) {
                order.add(looks.get(k).get("look").asText());
                assertThat(looks.get(k).get("p_value").asDouble()).isCloseTo(g.at("/sequential/looks/" + k + "/p_value").asDouble(),
                        within(1e-9));
            }
            assertThat(order).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(m.at("/sequential/tau_squared").asDouble()).isCloseTo(g.at("/sequential/tau_squared").asDouble(),
                    within(1e-9 * g.at("/sequential/tau_squared").asDouble()));
            assertThat(out.at("/corrections/holm/" + name).asDouble()).isCloseTo(g.get("holm").asDouble(), within(1e-10));
        }
        assertThat(out.at("/metrics/converted/interval").asText()).isEqualTo("unpooled_wald");
        assertThat(out.at("/metrics/converted/mann_whitney").isMissingNode()).isTrue();
        assertThat(out.at("/metrics/revenue/mann_whitney/p_value").asDouble())
                .isCloseTo(golden.at("/metrics/revenue/mann_whitney/p_value").asDouble(), within(1e-10));
        assertThat(out.at("/srm/statistic").asDouble()).isCloseTo(golden.at("/srm/50,50/statistic").asDouble(), within(1e-10));
        assertThat(out.at("/srm/p_value").asDouble()).isCloseTo(golden.at("/srm/50,50/p_value").asDouble(), within(1e-12));
        assertThat(out.at("/decision/outcome").asText()).isEqualTo("no_significant_difference");
    }

    @Test
    void sampleRatioMismatchAndGuardrailStopTheTest() throws IOException {
        CliRun srm = CliRun.of("abtest", "--data", DATA.toString(), "--variant", "variant", "--control", "control", "--metric",
                "converted", "--expected-split", "60,40", "--format", "json");
        assertThat(srm.exitCode()).as(srm.err()).isEqualTo(1);
        assertThat(JSON.readTree(srm.out()).at("/decision/outcome").asText()).isEqualTo("invalid_sample_ratio");
        // converted rises by 2.5 points at p = 0.067: a guardrail where lower is better at alpha 0.1 stops the test
        CliRun guard = CliRun.of("abtest", "--data", DATA.toString(), "--variant", "variant", "--control", "control", "--metric",
                "hours", "--guardrail", "converted", "--lower-is-better", "converted", "--alpha", "0.1", "--format", "json");
        assertThat(guard.exitCode()).as(guard.err()).isEqualTo(1);
        JsonNode out = JSON.readTree(guard.out());
        assertThat(out.at("/metrics/converted/guardrail").asBoolean()).isTrue();
        assertThat(out.at("/decision/outcome").asText()).isEqualTo("stop_guardrail");
        assertThat(out.at("/decision/reason").asText()).contains("converted");
    }

    @Test
    void textMarkdownAndHtmlAndOut() throws IOException {
        CliRun text = CliRun.of("abtest", "--data", DATA.toString(), "--variant", "variant", "--control", "control", "--metric",
                "converted,revenue", "--covariate", "education_num", "--test", "mann-whitney", "--look", "day");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("two_proportion_z").contains("welch_t").contains("CUPED").contains("Mann-Whitney")
                .contains("sequential (mSPRT").contains("no_significant_difference");
        CliRun md = CliRun.of("abtest", "--data", DATA.toString(), "--variant", "variant", "--control", "control", "--metric",
                "converted", "--format", "md");
        assertThat(md.out()).contains("| converted | two\\_proportion\\_z |");
        Path page = dir.resolve("ab.html");
        CliRun html = CliRun.of("abtest", "--data", DATA.toString(), "--variant", "variant", "--control", "control", "--metric",
                "converted,hours", "--look", "day", "--format", "html", "--out", page.toString());
        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(Files.readString(page)).contains("<html").contains("Always-valid p-value by look");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ab.html");
        }
    }

    @Test
    void badInputNamesTheFileColumnAndFix() throws IOException {
        List<String> lines = Files.readAllLines(DATA);
        CliRun unknown = run(DATA, "--metric", "revenu");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("'revenu'").contains("revenue").doesNotContain("Exception");
        CliRun textMetric = run(DATA, "--metric", "variant");
        assertThat(textMetric.exitCode()).isEqualTo(2);
        assertThat(textMetric.err()).contains("'variant'").contains("must be numeric");
        CliRun noControl = CliRun.of("abtest", "--data", DATA.toString(), "--variant", "variant", "--control", "ctrl", "--metric",
                "converted");
        assertThat(noControl.exitCode()).isEqualTo(2);
        assertThat(noControl.err()).contains("'ctrl'").contains("'control', 'treatment'");
        Path one = write("one.csv", lines.stream().filter(l -> !l.startsWith("treatment")).toList());
        CliRun oneArm = run(one, "--metric", "converted");
        assertThat(oneArm.exitCode()).isEqualTo(2);
        assertThat(oneArm.err()).contains("one.csv").contains("only 'control'").contains("needs a control and a treatment");
        List<String> three = new ArrayList<>(lines);
        three.set(1, three.get(1).replaceFirst("^[a-z]+", "holdout"));
        Path threeArms = write("three.csv", three);
        CliRun many = run(threeArms, "--metric", "converted");
        assertThat(many.exitCode()).isEqualTo(2);
        assertThat(many.err()).contains("3 values").contains("--treatment VALUE");
        CliRun picked = CliRun.of("abtest", "--data", threeArms.toString(), "--variant", "variant", "--control", "control",
                "--treatment", "treatment", "--metric", "converted", "--format", "json");
        assertThat(picked.exitCode()).as(picked.err()).isZero();
        assertThat(JSON.readTree(picked.out()).at("/rows/other_variants_left_out").asInt()).isEqualTo(1);
        List<String> gaps = new ArrayList<>(lines);
        gaps.set(3, gaps.get(3).replaceFirst(",[0-9.]+$", ",NaN"));
        gaps.set(5, gaps.get(5).replaceFirst(",[0-9.]+$", ","));
        Path missing = write("missing.csv", gaps);
        CliRun nan = run(missing, "--metric", "converted", "--covariate", "education_num");
        assertThat(nan.exitCode()).isEqualTo(2);
        assertThat(nan.err()).contains("2 row(s) in ").contains("missing.csv have a missing or NaN value").contains("row 3 (line 4)").contains("'education_num'")
                .contains("--drop-missing");
        CliRun dropped = run(missing, "--metric", "converted", "--covariate", "education_num", "--drop-missing", "--format", "json");
        assertThat(dropped.exitCode()).as(dropped.err()).isZero();
        assertThat(JSON.readTree(dropped.out()).at("/rows/missing_left_out").asInt()).isEqualTo(2);
        Path empty = write("empty.csv", List.of(lines.get(0)));
        CliRun none = run(empty, "--metric", "converted");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("empty.csv");
        Path tiny = write("tiny.csv", List.of(lines.get(0), "control,1,0,0,40,9", "treatment,1,1,0,40,9", "control,1,0,0,38,9"));
        CliRun small = run(tiny, "--metric", "converted");
        assertThat(small.exitCode()).isEqualTo(2);
        assertThat(small.err()).contains("treatment arm 'treatment'").contains("1 usable row(s)");
        CliRun split = run(DATA, "--metric", "converted", "--expected-split", "50,0");
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).contains("--expected-split");
        CliRun mw = run(DATA, "--metric", "converted", "--mann-whitney", "hours");
        assertThat(mw.exitCode()).isEqualTo(2);
        assertThat(mw.err()).contains("--mann-whitney names 'hours'");
    }

    private static CliRun run(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("abtest", "--data", data.toString(), "--variant", "variant", "--control",
                "control"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines);
    }
}
