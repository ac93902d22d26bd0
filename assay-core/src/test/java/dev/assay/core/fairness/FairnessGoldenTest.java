package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Group rates, Fairlearn and AIF360 disparities and selection-rate tests against scripts/golden/fairness_golden.py. */
class FairnessGoldenTest {
    private static final double TOL = 1e-12;
    private static final Map<String, Frame> FRAMES = new HashMap<>();

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = FairnessGoldenTest.class.getResourceAsStream("/golden/fairness/fairness_golden.json")) {
            JsonNode root = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(in);
            List<JsonNode> out = new ArrayList<>();
            root.get("cases").forEach(out::add);
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void groupRatesAndDisparities(JsonNode c) throws IOException {
        GroupCounts counts = counts(c);
        Groups groups = counts.groups();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("groups").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int g = groups.find(e.getKey());
            assertThat(counts.confusion(g)).containsExactly(e.getValue().get("tp").asLong(), e.getValue().get("fp").asLong(),
                    e.getValue().get("fn").asLong(), e.getValue().get("tn").asLong());
            for (RateKind kind : RateKind.values()) {
                assertThat(counts.rate(kind, g).value(Convention.FAIRLEARN)).as(e.getKey() + " " + kind.id())
                        .isCloseTo(e.getValue().get(kind.id()).asDouble(), within(TOL));
            }
        }
        FairnessSettings fairlearn = FairnessSettings.DEFAULT.withConvention(Convention.FAIRLEARN).withResamples(0);
        for (Aggregation aggregation : Aggregation.values()) {
            Disparities d = Disparities.of(counts, aggregation, fairlearn);
            for (Iterator<Map.Entry<String, JsonNode>> it = c.get("fairlearn").get(aggregation.id()).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(d.get(e.getKey()).value()).as(c.get("name").asText() + " " + aggregation.id() + " " + e.getKey())
                        .isCloseTo(e.getValue().asDouble(), within(TOL));
            }
        }
        JsonNode aif = c.get("aif360");
        if (aif != null && !aif.isNull()) {
            Disparities d = Disparities.of(counts, Aggregation.BETWEEN_GROUPS, fairlearn.withConvention(Convention.AIF360),
                    aif.get("privileged").asText());
            for (String id : List.of("disparate_impact", "statistical_parity_difference", "average_odds_difference")) {
                double expected = aif.get(id).asDouble();
                double actual = d.get(id).value();
                if (Double.isInfinite(expected)) {
                    assertThat(actual).as(id).isEqualTo(expected);
                } else {
                    assertThat(actual).as(c.get("name").asText() + " " + id).isCloseTo(expected, within(TOL));
                }
            }
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void selectionRateTests(JsonNode c) throws IOException {
        GroupCounts counts = counts(c);
        FairnessSettings s = FairnessSettings.DEFAULT.withConvention(Convention.FAIRLEARN);
        SelectionRateTest.Result overall = SelectionRateTest.overall(counts, s);
        assertThat(overall.statistic()).isCloseTo(c.get("chi2").get("statistic").asDouble(), within(1e-9));
        assertThat(overall.pValue()).isCloseTo(c.get("chi2").get("p").asDouble(), within(1e-10));
        for (MultipleTesting m : MultipleTesting.values()) {
            Map<String, SelectionRateTest.Result> byGroup = new HashMap<>();
            SelectionRateTest.eachGroup(counts, s, m).forEach(r -> byGroup.put(r.group(), r));
            for (JsonNode t : c.get("tests")) {
                SelectionRateTest.Result r = byGroup.get(t.get("group").asText());
                assertThat(r.method()).isEqualTo(t.get("method").asText());
                assertThat(r.pValue()).as(t.get("group").asText()).isCloseTo(t.get("p").asDouble(), within(1e-10));
                assertThat(r.adjustedPValue()).as(m + " " + t.get("group").asText()).isCloseTo(t.get(m.toString()).asDouble(), within(1e-10));
            }
        }
    }

    static Stream<JsonNode> regressions() throws IOException {
        try (InputStream in = FairnessGoldenTest.class.getResourceAsStream("/golden/fairness/fairness_golden.json")) {
            List<JsonNode> out = new ArrayList<>();
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(in).get("regressions")
                    .forEach(out::add);
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("regressions")
    void regressionDifferencesAndRatios(JsonNode r) throws IOException {
        boolean diabetes = r.get("name").asText().equals("diabetes_sex");
        Frame frame = frame(diabetes ? "diabetes_predictions.csv" : "professor_predictions.csv");
        Groups groups = Groups.of(frame, "sex");
        RegressionDisparities d = RegressionDisparities.of(groups, ((NumericColumn) frame.column(diabetes ? "label" : "salary")).toArray(),
                ((NumericColumn) frame.column(diabetes ? "predicted" : "predicted_salary")).toArray());
        for (Iterator<String> it = r.get("mean_absolute_error").fieldNames(); it.hasNext(); ) {
            String g = it.next();
            assertThat(d.meanAbsoluteError(groups.find(g))).isCloseTo(r.get("mean_absolute_error").get(g).asDouble(), within(1e-9));
            assertThat(d.meanPrediction(groups.find(g))).isCloseTo(r.get("mean_prediction").get(g).asDouble(), within(1e-9));
        }
        for (Aggregation a : Aggregation.values()) {
            JsonNode e = r.get("differences").get(a.id());
            Map<String, Disparity> all = d.all(a, FairnessSettings.DEFAULT.withResamples(0));
            assertThat(all.keySet()).containsExactlyElementsOf(RegressionDisparities.IDS);
            for (String id : RegressionDisparities.IDS) {
                double scale = Math.max(1, Math.abs(e.get(id).asDouble()));
                assertThat(all.get(id).value()).as(id).isCloseTo(e.get(id).asDouble(), within(1e-12 * scale));
            }
            assertThat(d.meanAbsoluteErrorDifference(a, FairnessSettings.DEFAULT).value())
                    .isCloseTo(e.get("mean_absolute_error_difference").asDouble(), within(1e-9));
        }
    }

    @org.junit.jupiter.api.Test
    void anyEvaluationMetricPerGroupMatchesTheRates() throws IOException {
        JsonNode c = cases().filter(n -> n.get("name").asText().equals("adult_sex_race")).findFirst().orElseThrow();
        Frame frame = frame("adult_predictions.csv");
        Groups groups = Groups.of(frame, "sex", "race");
        GroupMetrics m = GroupMetrics.evaluate(frame, dev.assay.core.data.Schema.builder().label("label").prediction("predicted").build(),
                dev.assay.core.metrics.EvaluationSettings.defaults().withPositiveClass("1"), groups);
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("groups").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int g = groups.find(e.getKey());
            assertThat(m.byGroup("recall", g).value()).isCloseTo(e.getValue().get("true_positive_rate").asDouble(), within(TOL));
            assertThat(m.byGroup("accuracy", g).value()).isCloseTo(e.getValue().get("accuracy").asDouble(), within(TOL));
        }
        FairnessSettings fairlearn = FairnessSettings.DEFAULT.withConvention(Convention.FAIRLEARN);
        assertThat(m.difference("recall", Aggregation.BETWEEN_GROUPS, fairlearn).value())
                .isCloseTo(c.get("fairlearn").get("between_groups").get("equal_opportunity_difference").asDouble(), within(TOL));
        assertThat(m.ratio("recall", Aggregation.TO_OVERALL, fairlearn).value())
                .isCloseTo(c.get("fairlearn").get("to_overall").get("equal_opportunity_ratio").asDouble(), within(TOL));
        assertThat(m.overall("accuracy").value()).isCloseTo(c.get("overall").get("accuracy").asDouble(), within(TOL));
    }

    private static GroupCounts counts(JsonNode c) throws IOException {
        String name = c.get("name").asText();
        Frame frame = frame(name.startsWith("adult") ? "adult_predictions.csv" : "german_predictions.csv");
        List<ProtectedAttribute> attributes = new ArrayList<>();
        for (JsonNode col : c.get("columns")) {
            JsonNode edges = c.get("edges").get(col.asText());
            if (edges == null) {
                attributes.add(ProtectedAttribute.of(col.asText()));
            } else {
                double[] e = new double[edges.size()];
                for (int i = 0; i < e.length; i++) {
                    e[i] = edges.get(i).asDouble();
                }
                attributes.add(ProtectedAttribute.withEdges(col.asText(), e));
            }
        }
        Groups groups = Groups.of(frame, attributes);
        NumericColumn label = (NumericColumn) frame.column("label");
        NumericColumn predicted = (NumericColumn) frame.column("predicted");
        boolean[] t = new boolean[frame.rowCount()];
        boolean[] p = new boolean[frame.rowCount()];
        for (int i = 0; i < t.length; i++) {
            t[i] = label.get(i) == 1;
            p[i] = predicted.get(i) == 1;
        }
        return GroupCounts.count(groups, t, p);
    }

    private static synchronized Frame frame(String file) throws IOException {
        if (FRAMES.containsKey(file)) {
            return FRAMES.get(file);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FairnessGoldenTest.class.getResourceAsStream("/golden/fairness/" + file), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
            List<Column> columns = new ArrayList<>();
            for (int j = 0; j < header.length; j++) {
                String[] values = new String[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rows.get(i)[j];
                }
                if (List.of("age", "label", "predicted", "salary", "predicted_salary").contains(header[j])) {
                    double[] v = new double[values.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Double.parseDouble(values[i]);
                    }
                    columns.add(NumericColumn.wrap(header[j], v));
                } else {
                    columns.add(CategoricalColumn.of(header[j], values));
                }
            }
            Frame f = Frame.of(file, columns);
            FRAMES.put(file, f);
            return f;
        }
    }
}
