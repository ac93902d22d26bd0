package dev.assay.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.uncertainty.Golden;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CBPE against scripts/golden/monitor_cbpe_golden.py (scikit-learn 1.2.1) on Adult. */
class CbpeGoldenTest {
    private static JsonNode golden;
    private static Map<Integer, Integer> index;
    private static double[] scores;
    private static boolean[] truth;
    private static double[] ages;
    private static Cbpe cbpe;

    @BeforeAll
    static void fit() {
        golden = Golden.read("monitor_cbpe_adult.json");
        int[] ids = Golden.ints(golden.get("row_ids"));
        index = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        scores = Golden.doubles(golden.get("scores"));
        String bits = golden.get("truth").asText();
        truth = new boolean[bits.length()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = bits.charAt(i) == '1';
        }
        ages = Golden.doubles(golden.get("ages"));
        int[] ref = rows(range(0, 6000));
        cbpe = Cbpe.fit(pick(scores, ref), predicted(pick(scores, ref)), pick(truth, ref), golden.get("chunk").asInt());
    }

    @Test
    void referenceSpreadMatchesTheChunksOfSklearnMetrics() {
        for (String m : Cbpe.METRICS) {
            double[] expected = Golden.doubles(golden.get("reference_spread").get(m));
            assertThat(cbpe.referenceSpread(m)).as(m).containsExactly(expected, within(1e-12));
        }
    }

    @Test
    void theSamplingErrorOfAccuracyIsCloseToTheBinomialStandardError() {
        double accuracy = cbpe.referenceSpread("accuracy")[0];
        double binomial = Math.sqrt(accuracy * (1 - accuracy) / 1000);
        assertThat(cbpe.chunkError("accuracy")).isCloseTo(binomial, within(0.15 * binomial));
    }

    @Test
    void calibrationMatchesSklearnIsotonicRegression() {
        for (String w : List.of("w1", "age_50_plus")) {
            JsonNode window = golden.get("windows").get(w);
            double[] s = pick(scores, rows(Golden.ints(window.get("rows"))));
            assertThat(cbpe.calibrator().apply(s)).as(w).containsExactly(Golden.doubles(window.get("calibrated")), within(1e-12));
        }
    }

    @Test
    void rowByRowEstimatesMatchTheFormulas() {
        golden.get("windows").fields().forEachRemaining(e -> {
            double[] s = pick(scores, rows(Golden.ints(e.getValue().get("rows"))));
            BinaryCounts cells = cbpe.expected(s, predicted(s));
            double[] expected = Golden.doubles(e.getValue().get("expected"));
            assertThat(new double[] {cells.tp(), cells.fp(), cells.fn(), cells.tn()}).as(e.getKey()).containsExactly(expected, within(1e-9));
            JsonNode est = e.getValue().get("estimated");
            for (String m : List.of("accuracy", "precision", "recall", "f1")) {
                assertThat(cells.metric(m)).as(e.getKey() + " " + m).isCloseTo(est.get(m).asDouble(), within(1e-12));
            }
            assertThat(cbpe.rocAuc(s)).as(e.getKey() + " roc_auc").isCloseTo(est.get("roc_auc").asDouble(), within(1e-12));
        });
    }

    @Test
    void windowAggregatesEstimateWithinTheBinningErrorAndRealiseExactly() {
        golden.get("windows").fields().forEachRemaining(e -> {
            int[] r = rows(Golden.ints(e.getValue().get("rows")));
            double[] s = pick(scores, r);
            WindowAggregate w = new WindowAggregate("v1", Instant.EPOCH);
            w.add(Frame.of(NumericColumn.wrap("age", pick(ages, r))), predicted(s), s);
            boolean[] t = pick(truth, r);
            w.addLabels(java.util.Arrays.copyOf(t, t.length / 2), java.util.Arrays.copyOf(predicted(s), t.length / 2),
                    java.util.Arrays.copyOf(s, t.length / 2));
            w.addLabels(java.util.Arrays.copyOfRange(t, t.length / 2, t.length),
                    java.util.Arrays.copyOfRange(predicted(s), t.length / 2, t.length), java.util.Arrays.copyOfRange(s, t.length / 2, t.length));
            for (CbpeEstimate est : cbpe.estimate(w)) {
                String m = est.metric();
                assertThat(est.estimated()).as(e.getKey() + " " + m)
                        .isCloseTo(e.getValue().get("estimated").get(m).asDouble(), within(2e-3));
                assertThat(est.realised()).as(e.getKey() + " realised " + m)
                        .isCloseTo(e.getValue().get("realised").get(m).asDouble(), within(m.equals("roc_auc") ? 2e-3 : 1e-12));
                assertThat(est.labelCoverage()).isEqualTo(1.0);
                double[] spread = cbpe.referenceSpread(m);
                assertThat(est.samplingError()).isCloseTo(cbpe.chunkError(m) * Math.sqrt(1000.0 / r.length), within(1e-15));
                assertThat(est.lower()).isCloseTo(Math.max(0, spread[0] - 3 * spread[1]), within(1e-15));
            }
        });
    }

    @Test
    void theOlderSubpopulationIsEstimatedLessAccurateThanTheStableWindows() {
        Map<String, Double> accuracy = new HashMap<>();
        golden.get("windows").fields().forEachRemaining(e -> {
            double[] s = pick(scores, rows(Golden.ints(e.getValue().get("rows"))));
            accuracy.put(e.getKey(), cbpe.expected(s, predicted(s)).accuracy());
        });
        double drifted = accuracy.get("age_50_plus");
        assertThat(drifted).isLessThan(accuracy.get("w1") - 0.03).isLessThan(accuracy.get("w2") - 0.03)
                .isLessThan(accuracy.get("w3") - 0.03);
        assertThat(golden.get("windows").get("age_50_plus").get("realised").get("accuracy").asDouble())
                .isCloseTo(drifted, within(0.01));
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    private static int[] rows(int[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = index.get(ids[i]);
        }
        return out;
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static boolean[] pick(boolean[] v, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static boolean[] predicted(double[] s) {
        boolean[] out = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] >= 0.5;
        }
        return out;
    }
}
