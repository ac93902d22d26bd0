package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code assay power} against statsmodels' solvers (the power cases of scripts/golden/abtest_golden.py). */
class PowerCommandTest {
    static final Path GOLDEN = Path.of("../assay-core/src/test/resources/abtest/adult_ab.json");

    @Test
    void sizesAndPowersMatchStatsmodels() throws Exception {
        int checked = 0;
        for (JsonNode c : new ObjectMapper().readTree(GOLDEN.toFile()).get("power")) {
            String power = c.get("power").asText();
            String ratio = c.get("ratio").asText();
            boolean proportions = c.get("kind").asText().equals("proportions");
            String[] effect = proportions ? new String[] {"--baseline", c.get("baseline").asText(), "--target", c.get("target").asText()}
                    : new String[] {"--effect-size", c.get("effect_size").asText()};
            JsonNode size = run(effect, "--power", power, "--ratio", ratio);
            assertThat(size.get("effect_size").asDouble()).isCloseTo(c.get("effect_size").asDouble(), within(1e-12));
            assertThat(size.get("control_size").asDouble()).isCloseTo(c.get("nobs1").asDouble(), within(1e-6 * c.get("nobs1").asDouble()));
            assertThat(size.get("treatment_rows").asLong()).isEqualTo((long) Math.ceil(c.get("nobs1").asDouble() * c.get("ratio").asDouble()));
            String n = proportions ? "1000" : "50";
            JsonNode achieved = run(effect, "--sample-size", n, "--ratio", ratio);
            assertThat(achieved.get("power").asDouble()).isCloseTo(c.get(proportions ? "power_at_1000" : "power_at_50").asDouble(),
                    within(1e-9));
            checked++;
        }
        assertThat(checked).isEqualTo(7);
    }

    @Test
    void meansFromADifferenceAndItsStandardDeviation() throws Exception {
        JsonNode byMde = run(new String[] {"--mde", "2", "--sd", "10"});
        JsonNode byD = run(new String[] {"--effect-size", "0.2"});
        assertThat(byMde.get("control_size").asDouble()).isEqualTo(byD.get("control_size").asDouble());
        assertThat(CliRun.of("power", "--mde", "2", "--sd", "10").out()).contains("Two-sample t test").contains("control rows");
    }

    @Test
    void badInputSaysWhatToGive() {
        assertThat(CliRun.of("power", "--baseline", "0.1").err()).contains("--target");
        assertThat(CliRun.of("power", "--baseline", "0.1", "--target", "0.1").err()).contains("other than --baseline");
        assertThat(CliRun.of("power", "--baseline", "0.1", "--target", "0.12", "--mde", "1").err()).contains("either");
        assertThat(CliRun.of("power", "--mde", "1", "--sd", "0").err()).contains("--sd");
        CliRun alpha = CliRun.of("power", "--effect-size", "0.2", "--alpha", "1.5");
        assertThat(alpha.exitCode()).isEqualTo(2);
        assertThat(alpha.err()).contains("--alpha").doesNotContain("\tat ");
    }

    private static JsonNode run(String[] effect, String... more) throws Exception {
        String[] args = new String[effect.length + more.length + 3];
        args[0] = "power";
        System.arraycopy(effect, 0, args, 1, effect.length);
        System.arraycopy(more, 0, args, 1 + effect.length, more.length);
        args[args.length - 2] = "--format";
        args[args.length - 1] = "json";
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }
}
