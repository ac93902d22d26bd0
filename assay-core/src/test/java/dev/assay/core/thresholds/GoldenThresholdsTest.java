package dev.assay.core.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.stats.ScoreSample;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operating points, optimal and constrained thresholds and expected costs against
 * golden/thresholds.json, written by scripts/golden/thresholds_golden.py (scikit-learn 1.2.1's
 * roc_curve, precision_recall_curve and metric functions by brute force over every threshold) from
 * the binary metric fixtures, with and without sample weights: thresholds exactly, values to 1e-12.
 */
class GoldenThresholdsTest {
    static final double TOLERANCE = 1e-12;

    record Case(String fixture, OperatingPoints points, JsonNode expected) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (JsonNode c : read("thresholds.json").get("cases")) {
            JsonNode fixture = read(c.get("fixture").asText());
            String positive = fixture.get("positive").asText();
            JsonNode labels = fixture.get("label");
            JsonNode weights = fixture.get("weight");
            int n = labels.size();
            boolean[] truth = new boolean[n];
            double[] score = new double[n];
            double[] weight = weights == null || weights.isNull() ? null : new double[n];
            for (int i = 0; i < n; i++) {
                truth[i] = labels.get(i).asText().equals(positive);
                score[i] = fixture.get("score").get(i).asDouble();
                if (weight != null) {
                    weight[i] = weights.get(i).asDouble();
                }
            }
            ScoreSample sample = new ScoreSample();
            sample.addAll(truth, score, weight, 0, n);
            out.add(new Case(c.get("fixture").asText(), new OperatingPoints(sample.result()), c));
        }
        return out.stream();
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = GoldenThresholdsTest.class.getResourceAsStream("/golden/" + file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pointsAreTheThresholdsOfRocAndPrecisionRecallCurves(Case c) {
        JsonNode roc = c.expected().get("roc");
        if (roc == null) {
            return;
        }
        OperatingPoints p = c.points();
        JsonNode pr = c.expected().get("pr");
        int n = p.size();
        assertThat(n).isEqualTo(roc.get("thresholds").size()).isEqualTo(pr.get("thresholds").size());
        for (int i = 0; i < n; i++) {
            assertThat(p.threshold(i)).isEqualTo(roc.get("thresholds").get(i).asDouble());
            assertThat(p.threshold(i)).isEqualTo(pr.get("thresholds").get(n - 1 - i).asDouble());
            assertThat(ThresholdMetric.FPR.at(p, i, 1)).isCloseTo(roc.get("fpr").get(i).asDouble(), within(TOLERANCE));
            assertThat(ThresholdMetric.RECALL.at(p, i, 1)).isCloseTo(roc.get("tpr").get(i).asDouble(), within(TOLERANCE));
            assertThat(ThresholdMetric.PRECISION.at(p, i, 1)).isCloseTo(pr.get("precision").get(n - 1 - i).asDouble(), within(TOLERANCE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void optimaMatchBruteForceOverScikitLearnMetrics(Case c) {
        JsonNode optima = c.expected().get("optima");
        for (var it = optima.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            ThresholdMetric metric = name.startsWith("f0") || name.equals("f2") ? ThresholdMetric.F_BETA : ThresholdMetric.parse(name, "metric");
            double beta = name.equals("f0.5") ? 0.5 : name.equals("f2") ? 2 : 1;
            int best = ThresholdSearch.best(c.points(), metric, beta);
            assertThat(c.points().threshold(best)).as(name).isEqualTo(e.getValue().get("threshold").asDouble());
            assertThat(metric.at(c.points(), best, beta)).as(name).isCloseTo(e.getValue().get("value").asDouble(), within(TOLERANCE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void constrainedOptimaAndUnreachableConstraints(Case c) {
        for (JsonNode e : c.expected().get("constrained")) {
            ThresholdMetric target = ThresholdMetric.parse(e.get("optimize").asText(), "metric");
            Constraint constraint = Constraint.parse(e.get("constraint").asText());
            if (e.get("feasible").asBoolean()) {
                int best = ThresholdSearch.best(c.points(), target, 1, constraint);
                assertThat(c.points().threshold(best)).as(constraint.toString()).isEqualTo(e.get("threshold").asDouble());
                assertThat(target.at(c.points(), best, 1)).isCloseTo(e.get("value").asDouble(), within(TOLERANCE));
            } else {
                assertThatThrownBy(() -> ThresholdSearch.best(c.points(), target, 1, constraint))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("No threshold meets " + constraint)
                        .hasMessageContaining(String.format(java.util.Locale.ROOT, "is %.6g (at threshold %.6g)",
                                e.get("reachable").asDouble(), e.get("reachable_threshold").asDouble()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expectedCostsAndTheirOptimum(Case c) {
        for (JsonNode e : c.expected().get("costs")) {
            CostMatrix costs = new CostMatrix(e.get("true_positive").asDouble(), e.get("false_positive").asDouble(),
                    e.get("false_negative").asDouble(), e.get("true_negative").asDouble());
            int best = ThresholdSearch.leastCost(c.points(), costs);
            assertThat(c.points().threshold(best)).isEqualTo(e.get("optimal_threshold").asDouble());
            assertThat(costs.expectedCost(c.points(), best)).isCloseTo(e.get("optimal_cost").asDouble(), within(TOLERANCE));
            assertThat(costs.expectedCost(c.points(), c.points().indexAt(0.5))).isCloseTo(e.get("cost_at_0.5").asDouble(), within(TOLERANCE));
            assertThat(costs.bayesThreshold()).isCloseTo(e.get("bayes_threshold").asDouble(), within(TOLERANCE));
        }
    }
}
