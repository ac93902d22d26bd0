package dev.assay.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliability bins, ECE, MCE and the Brier decomposition against golden/calibration.json, written by
 * scripts/golden/calibration_golden.py from the labels and scores of the binary metric fixtures:
 * bins exactly as scikit-learn 1.2.1's calibration_curve, the other values to 1e-12.
 */
class GoldenCalibrationTest {
    static final double TOLERANCE = 1e-12;

    record Variant(String fixture, boolean[] truth, double[] score, JsonNode expected) {
        @Override
        public String toString() {
            return fixture + " " + expected.get("strategy").asText() + " " + expected.get("n_bins").asInt();
        }
    }

    static Stream<Variant> variants() throws IOException {
        List<Variant> out = new ArrayList<>();
        for (JsonNode c : read("calibration.json").get("cases")) {
            JsonNode fixture = read(c.get("fixture").asText());
            String positive = fixture.get("positive").asText();
            JsonNode labels = fixture.get("label");
            boolean[] truth = new boolean[labels.size()];
            double[] score = new double[labels.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = labels.get(i).asText().equals(positive);
                score[i] = fixture.get("score").get(i).asDouble();
            }
            for (JsonNode v : c.get("variants")) {
                out.add(new Variant(c.get("fixture").asText(), truth, score, v));
            }
        }
        return out.stream();
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = GoldenCalibrationTest.class.getResourceAsStream("/golden/" + file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void matchesScikitLearnAndNumpy(Variant v) {
        JsonNode e = v.expected();
        CalibrationBinning binning = CalibrationBinning.valueOf(e.get("strategy").asText().toUpperCase(Locale.ROOT));
        Calibration c = Calibration.of(v.truth(), v.score(), e.get("n_bins").asInt(), binning);

        assertThat(c.bins()).hasSize(e.get("count").size());
        for (int b = 0; b < c.bins().size(); b++) {
            CalibrationBin bin = c.bins().get(b);
            assertThat(bin.count()).as("count of bin %d", b).isEqualTo(e.get("count").get(b).asLong());
            assertThat(bin.meanPredicted()).as("prob_pred of bin %d", b).isEqualTo(e.get("prob_pred").get(b).asDouble());
            assertThat(bin.observedRate()).as("prob_true of bin %d", b).isEqualTo(e.get("prob_true").get(b).asDouble());
        }
        assertThat(c.ece()).as("ece").isCloseTo(e.get("ece").asDouble(), within(TOLERANCE));
        assertThat(c.mce()).as("mce").isCloseTo(e.get("mce").asDouble(), within(TOLERANCE));
        BrierDecomposition d = c.brier();
        assertThat(d.score()).as("brier_score").isCloseTo(e.get("brier_score").asDouble(), within(TOLERANCE));
        assertThat(d.reliability()).as("reliability").isCloseTo(e.get("brier_reliability").asDouble(), within(TOLERANCE));
        assertThat(d.resolution()).as("resolution").isCloseTo(e.get("brier_resolution").asDouble(), within(TOLERANCE));
        assertThat(d.uncertainty()).as("uncertainty").isCloseTo(e.get("brier_uncertainty").asDouble(), within(TOLERANCE));
        assertThat(d.withinBinVariance()).as("within variance").isCloseTo(e.get("within_variance").asDouble(), within(TOLERANCE));
        assertThat(d.withinBinCovariance()).as("within covariance").isCloseTo(e.get("within_covariance").asDouble(), within(TOLERANCE));
        assertThat(d.residual()).as("residual").isCloseTo(d.withinBinVariance() - 2 * d.withinBinCovariance(), within(TOLERANCE));
    }
}
