package dev.assay.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.drift.CsvFrames;
import dev.assay.core.synth.quality.QualityReport;
import dev.assay.core.synth.quality.SyntheticQuality;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthesizer's marginals and the quality scores against scipy / pandas (scripts/golden/synth_golden.py). */
class SynthGoldenTest {
    private static final String DIR = "assay-core/src/test/resources/synth/";
    private static JsonNode golden;

    @BeforeAll
    static void read() throws IOException {
        golden = new ObjectMapper().readTree(Path.of("src/test/resources/synth/golden.json").toFile());
    }

    @Test
    void parametricFitsMatchScipy() {
        Frame data = CsvFrames.read(DIR + "breast_cancer_4.csv", r -> true, new ArrayList<>(), Integer.MAX_VALUE);
        golden.get("marginals").fields().forEachRemaining(e -> {
            double[] x = ((NumericColumn) data.column(e.getKey())).toArray();
            JsonNode g = e.getValue();
            expect(ParametricMarginal.normal(x), g.get("normal"), 1e-9, "loc", "scale");
            expect(ParametricMarginal.beta(x), g.get("beta"), 1e-4, "a", "b", "loc", "scale");
            if (g.has("gamma")) {
                expect(ParametricMarginal.gamma(x), g.get("gamma"), 1e-6, "a", "scale");
            } else {
                assertThat(ParametricMarginal.gamma(x)).isNull();
                assertThat(ParametricMarginal.unfitReason("gamma", x)).contains("positive");
            }
        });
    }

    @Test
    void kernelEstimateMatchesScipyGaussianKde() {
        Frame data = CsvFrames.read(DIR + "breast_cancer_4.csv", r -> true, new ArrayList<>(), Integer.MAX_VALUE);
        golden.get("marginals").fields().forEachRemaining(e -> {
            KdeMarginal kde = KdeMarginal.fit(((NumericColumn) data.column(e.getKey())).toArray());
            JsonNode g = e.getValue().get("gaussian_kde");
            assertThat(kde.parameters().get("bandwidth")).isCloseTo(g.get("bandwidth").asDouble(), within(1e-12));
            for (JsonNode point : g.get("cdf")) {
                assertThat(kde.cdf(point.get(0).asDouble())).as(e.getKey()).isCloseTo(point.get(1).asDouble(), within(2e-4));
            }
        });
    }

    @Test
    void selectionReportsScipysKsStatisticsAndFollowsItsRule() {
        Frame data = CsvFrames.read(DIR + "breast_cancer_4.csv", r -> true, new ArrayList<>(), Integer.MAX_VALUE);
        golden.get("marginals").fields().forEachRemaining(e -> {
            MarginalChoice choice = MarginalSelection.choose(e.getKey(), ((NumericColumn) data.column(e.getKey())).toArray());
            JsonNode g = e.getValue();
            String best = null;
            for (String family : new String[] {"normal", "gamma", "beta"}) {
                if (g.has(family)) {
                    double d = g.get(family).get("ks").get(0).asDouble();
                    assertThat(choice.ksStatistic().get(family)).as(e.getKey() + " " + family).isCloseTo(d, within(1e-5));
                    assertThat(choice.ksPValue().get(family)).isCloseTo(g.get(family).get("ks").get(1).asDouble(),
                            Offset.offset(Math.max(1e-9, 1e-2 * g.get(family).get("ks").get(1).asDouble())));
                    if (best == null || d < g.get(best).get("ks").get(0).asDouble()) {
                        best = family;
                    }
                }
            }
            String expected = g.get(best).get("ks").get(1).asDouble() >= MarginalSelection.ALPHA ? best
                    : g.get("gaussian_kde").get("ks").get(1).asDouble() >= MarginalSelection.ALPHA ? "gaussian_kde" : "empirical";
            assertThat(choice.family()).as(e.getKey()).isEqualTo(expected);
            if (choice.ksStatistic().containsKey("gaussian_kde")) {
                assertThat(choice.ksStatistic().get("gaussian_kde")).isCloseTo(g.get("gaussian_kde").get("ks").get(0).asDouble(),
                        within(1e-3));
            }
        });
    }

    @Test
    void qualityScoresMatchPandasAndScipy() {
        Frame real = CsvFrames.read(DIR + "adult_real.csv", r -> true, new ArrayList<>(), Integer.MAX_VALUE);
        Frame synthetic = CsvFrames.read(DIR + "adult_synthetic.csv", r -> true, new ArrayList<>(), Integer.MAX_VALUE);
        Frame holdout = CsvFrames.read(DIR + "adult_holdout.csv", r -> true, new ArrayList<>(), Integer.MAX_VALUE);
        QualityReport q = SyntheticQuality.withSeed(1).compare(real, synthetic, holdout);
        JsonNode g = golden.get("quality");
        expectMap(q.ksComplement(), g.get("ks_complement"));
        expectMap(q.tvComplement(), g.get("tv_complement"));
        expectMap(q.correlationSimilarity(), g.get("correlation_similarity"));
        expectMap(q.contingencySimilarity(), g.get("contingency_similarity"));
        assertThat(q.newRowSynthesis().newRows()).isEqualTo(g.get("new_row_synthesis").get("new_rows").asInt());
        assertThat(q.dcr().rowsCompared()).isEqualTo(1000);
        assertThat(q.dcr().medianSynthetic()).isCloseTo(g.get("dcr").get("median_synthetic").asDouble(), within(1e-12));
        assertThat(q.dcr().closerToTraining()).isCloseTo(g.get("dcr").get("closer_to_training").asDouble(), within(1e-12));
        assertThat(q.dcr().overfittingProtection()).isCloseTo(g.get("dcr").get("overfitting_protection").asDouble(), within(1e-12));
        assertThat(q.dcr().baselineProtection()).isBetween(0.0, 1.0);
    }

    @Test
    void repairsHighamsExampleToHisNearestCorrelationMatrix() {
        double[][] a = matrix(golden.get("nearest_correlation").get("input"));
        double[][] expected = matrix(golden.get("nearest_correlation").get("output"));
        assertThat(NearestCorrelation.needsRepair(a)).isTrue();
        double[][] x = NearestCorrelation.of(a);
        for (int i = 0; i < 3; i++) {
            assertThat(x[i][i]).isEqualTo(1.0);
            for (int j = 0; j < 3; j++) {
                assertThat(x[i][j]).isCloseTo(expected[i][j], within(1e-6));
            }
        }
        // Higham (2002), section 4: 0.7607 and 0.1573
        assertThat(x[0][1]).isCloseTo(0.7607, within(5e-5));
        assertThat(x[0][2]).isCloseTo(0.1573, within(5e-5));
        assertThat(NearestCorrelation.needsRepair(x)).isFalse();
        assertThat(Cholesky.of(x)).isNotNull();
    }

    private static void expect(Marginal m, JsonNode g, double relative, String... keys) {
        for (String k : keys) {
            double want = g.get(k).asDouble();
            assertThat(m.parameters().get(k)).as(m.family() + " " + k).isCloseTo(want, within(relative * Math.max(1, Math.abs(want))));
        }
    }

    private static void expectMap(Map<String, Double> actual, JsonNode g) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(() -> g.fieldNames());
        g.fields().forEachRemaining(e -> assertThat(actual.get(e.getKey())).as(e.getKey())
                .isCloseTo(e.getValue().asDouble(), within(1e-12)));
    }

    private static double[][] matrix(JsonNode n) {
        double[][] out = new double[n.size()][];
        for (int i = 0; i < n.size(); i++) {
            out[i] = new double[n.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = n.get(i).get(j).asDouble();
            }
        }
        return out;
    }

}
