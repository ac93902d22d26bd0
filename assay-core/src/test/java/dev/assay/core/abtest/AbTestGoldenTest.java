package dev.assay.core.abtest;

import static dev.assay.core.abtest.AdultAbFixture.FRAME;
import static dev.assay.core.abtest.AdultAbFixture.GOLDEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The analysis of the Adult A/B data set against statsmodels and SciPy ({@code adult_ab.json}): the
 * z-test and Welch tests with intervals, relative lift, Mann-Whitney, CUPED, the mSPRT per look, the
 * sample-ratio check and the corrections.
 */
class AbTestGoldenTest {
    private static final List<String> METRICS = List.of("converted", "revenue", "hours");
    private static final AbTestResult RESULT = AbTestAnalysis.run(
            AbTestData.from(FRAME, new AbTestData.Columns("variant", "control", null, METRICS, "education_num", "day", false)),
            new AbTestSettings(0.05, List.of(50.0, 50.0), Set.copyOf(METRICS), Set.of(), Set.of(), 0.01));

    @Test
    void armsAndTestsPerMetric() {
        assertThat(RESULT.data().treatment()).isEqualTo("treatment");
        assertThat(RESULT.data().controlCount()).isEqualTo(GOLDEN.at("/counts/control").asInt());
        assertThat(RESULT.data().treatmentCount()).isEqualTo(GOLDEN.at("/counts/treatment").asInt());
        for (String name : METRICS) {
            JsonNode g = GOLDEN.get("metrics").get(name);
            MeanComparison c = RESULT.metric(name).comparison();
            assertThat(c.test()).as(name).isEqualTo(g.get("test").asText());
            close(name + " control_mean", c.controlMean(), g.get("control_mean"), 1e-12);
            close(name + " treatment_mean", c.treatmentMean(), g.get("treatment_mean"), 1e-12);
            close(name + " difference", c.difference(), g.get("difference"), 1e-12);
            close(name + " statistic", c.statistic(), g.get("statistic"), 1e-10);
            close(name + " p", c.pValue(), g.get("p_value"), 1e-10);
            close(name + " ci_low", c.ciLow(), g.get("ci_low"), 1e-10);
            close(name + " ci_high", c.ciHigh(), g.get("ci_high"), 1e-10);
            close(name + " relative", c.relative().value(), g.at("/relative/value"), 1e-12);
            close(name + " relative low", c.relative().ciLow(), g.at("/relative/ci_low"), 1e-10);
            close(name + " relative high", c.relative().ciHigh(), g.at("/relative/ci_high"), 1e-10);
            close(name + " holm", RESULT.metric(name).holm(), g.get("holm"), 1e-10);
            close(name + " fdr_bh", RESULT.metric(name).fdrBh(), g.get("fdr_bh"), 1e-10);
        }
    }

    @Test
    void mannWhitneyWithTiesAndContinuity() {
        for (String name : METRICS) {
            JsonNode g = GOLDEN.get("metrics").get(name).get("mann_whitney");
            MannWhitney mw = RESULT.metric(name).mannWhitney();
            assertThat(mw.uStatistic()).as(name).isEqualTo(g.get("u_statistic").asDouble());
            close(name + " mann-whitney p", mw.pValue(), g.get("p_value"), 1e-10);
            assertThat(mw.method()).isEqualTo("asymptotic");
        }
        for (JsonNode g : GOLDEN.get("mann_whitney_small")) {
            MannWhitney mw = MannWhitney.test(doubles(g.get("x")), doubles(g.get("y")));
            assertThat(mw.uStatistic()).isEqualTo(g.get("u_statistic").asDouble());
            close("small sample p " + g.get("x"), mw.pValue(), g.get("p_value"), 1e-10);
        }
    }

    @Test
    void cuped() {
        for (String name : METRICS) {
            JsonNode g = GOLDEN.get("metrics").get(name).get("cuped");
            Cuped c = RESULT.metric(name).cuped();
            close(name + " theta", c.theta(), g.get("theta"), 1e-10);
            close(name + " cuped difference", c.adjusted().difference(), g.get("difference"), 1e-10);
            close(name + " cuped low", c.adjusted().ciLow(), g.get("ci_low"), 1e-9);
            close(name + " cuped high", c.adjusted().ciHigh(), g.get("ci_high"), 1e-9);
            close(name + " cuped p", c.adjusted().pValue(), g.get("p_value"), 1e-9);
            close(name + " variance reduction", c.varianceReduction(), g.get("variance_reduction"), 1e-10);
        }
        assertThat(RESULT.metric("converted").cuped().varianceReduction()).isGreaterThan(0.05);
    }

    @Test
    void sequentialLooksMatchTheMixtureFormula() {
        for (String name : METRICS) {
            JsonNode g = GOLDEN.get("metrics").get(name).get("sequential");
            MixtureSprt.Sequence s = RESULT.metric(name).sequential();
            close(name + " tau²", s.tauSquared(), g.get("tau_squared"), 1e-10);
            assertThat(s.looks()).hasSize(g.get("looks").size());
            for (int k = 0; k < s.looks().size(); k++) {
                MixtureSprt.Look look = s.looks().get(k);
                JsonNode gl = g.get("looks").get(k);
                assertThat(look.look()).isEqualTo(gl.get("look").asText());
                assertThat(look.controlCount()).isEqualTo(gl.get("control_count").asInt());
                assertThat(look.treatmentCount()).isEqualTo(gl.get("treatment_count").asInt());
                close(name + " look " + k + " difference", look.difference(), gl.get("difference"), 1e-10);
                close(name + " look " + k + " p", look.pValue(), gl.get("p_value"), 1e-9);
                close(name + " look " + k + " low", look.ciLow(), gl.get("ci_low"), 1e-9);
                close(name + " look " + k + " high", look.ciHigh(), gl.get("ci_high"), 1e-9);
            }
        }
    }

    @Test
    void sampleRatioMismatchAgainstChisquare() {
        close("srm 50/50", RESULT.srm().statistic(), GOLDEN.at("/srm/50,50/statistic"), 1e-12);
        close("srm 50/50 p", RESULT.srm().pValue(), GOLDEN.at("/srm/50,50/p_value"), 1e-12);
        assertThat(RESULT.srm().mismatch()).isFalse();
        long[] counts = {RESULT.data().controlCount(), RESULT.data().treatmentCount()};
        SampleRatioMismatch off = SampleRatioMismatch.test(counts, new double[] {60, 40});
        close("srm 60/40", off.statistic(), GOLDEN.at("/srm/60,40/statistic"), 1e-12);
        assertThat(off.pValue()).isCloseTo(GOLDEN.at("/srm/60,40/p_value").asDouble(),
                within(1e-9 * GOLDEN.at("/srm/60,40/p_value").asDouble()));
        assertThat(off.mismatch()).isTrue();
        close("srm 49/51 p", SampleRatioMismatch.test(counts, new double[] {49, 51}).pValue(), GOLDEN.at("/srm/49,51/p_value"),
                1e-12);
    }

    @Test
    void correctionsOnRandomPValueSets() {
        for (JsonNode g : GOLDEN.get("corrections")) {
            double[] p = doubles(g.get("p"));
            assertThat(MultipleTesting.holm(p)).containsExactly(doubles(g.get("holm")), within(1e-12));
            assertThat(MultipleTesting.benjaminiHochberg(p)).containsExactly(doubles(g.get("fdr_bh")), within(1e-12));
        }
    }

    @Test
    void powerAndSampleSize() {
        for (JsonNode g : GOLDEN.get("power")) {
            double ratio = g.get("ratio").asDouble();
            double target = g.get("power").asDouble();
            double n = g.get("nobs1").asDouble();
            if (g.get("kind").asText().equals("proportions")) {
                double h = Power.proportionsEffectSize(g.get("target").asDouble(), g.get("baseline").asDouble());
                close("cohen h", h, g.get("effect_size"), 1e-14);
                assertThat(Power.normalSampleSize(h, 0.05, target, ratio)).isCloseTo(n, within(1e-6 * n));
                close("power at 1000", Power.normal(h, 1000, 0.05, ratio), g.get("power_at_1000"), 1e-12);
            } else {
                double d = g.get("effect_size").asDouble();
                assertThat(Power.tSampleSize(d, 0.05, target, ratio)).as("t sample size d=" + d).isCloseTo(n, within(1e-6 * n));
                close("t power at 50", Power.t(d, 50, 0.05, ratio), g.get("power_at_50"), 1e-9);
            }
        }
    }

    private static void close(String what, double actual, JsonNode expected, double tolerance) {
        double e = expected.asDouble();
        Offset<Double> offset = within(tolerance * Math.max(1, Math.abs(e)));
        assertThat(actual).as(what).isCloseTo(e, offset);
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
