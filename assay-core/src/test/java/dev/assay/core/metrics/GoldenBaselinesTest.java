package dev.assay.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.checks.BaselinesCheckKind;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baselines check against golden/baselines.json, written by scripts/golden/baselines_golden.py
 * from the classification fixtures (weighted ones with sample_weight): DummyClassifier's most_frequent scores by scikit-learn
 * 1.2.1, the expected stratified and uniform accuracies, and the minority class's metrics, to 1e-12.
 */
class GoldenBaselinesTest {
    static final double TOLERANCE = 1e-12;

    record Case(GoldenCase fixture, JsonNode expected) {
        boolean flipped() {
            return expected.path("flip").asBoolean(false);
        }

        @Override
        public String toString() {
            return expected.get("fixture").asText() + (flipped() ? " (minority class negative)" : "");
        }
    }

    static Stream<Case> cases() throws IOException {
        Map<String, GoldenCase> fixtures = new java.util.HashMap<>();
        GoldenCase.all().forEach(c -> fixtures.put(c.name() + ".json", c));
        List<Case> out = new ArrayList<>();
        for (JsonNode c : read("baselines.json").get("cases")) {
            out.add(new Case(fixtures.get(c.get("fixture").asText()), c));
        }
        return out.stream();
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = GoldenBaselinesTest.class.getResourceAsStream("/golden/" + file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesDummyClassifierAndScikitLearn(Case c) {
        GoldenCase g = c.fixture();
        Frame frame = g.frame();
        EvaluationSettings settings = g.settings();
        if (c.flipped()) {
            double[] score = g.numbers("score");
            for (int i = 0; i < score.length; i++) {
                score[i] = 1 - score[i];
            }
            List<dev.assay.core.data.Column> cols = new ArrayList<>();
            for (String name : List.of("y_true", "y_pred")) {
                cols.add(frame.column(name, "column"));
            }
            cols.add(NumericColumn.of("score", score));
            frame = Frame.of(g.name() + ".csv", cols);
            settings = settings.withPositiveClass("good");
        }
        CheckResult r = new BaselinesCheckKind().create(CheckConfig.of("check 'baselines'", Map.of()),
                new CheckSetup("baselines", List.of(), null, settings, 0))
                .run(new CheckContext(Dataset.of("current", frame, g.schema()), null));
        JsonNode e = c.expected();
        assertThat(r.message()).contains("always predicting '" + e.get("majority").asText() + "'")
                .contains("minority class '" + e.get("minority").asText() + "'");
        e.get("prevalence").properties().forEach(p ->
                assertThat(value(r, "prevalence", "class=" + p.getKey())).as(p.getKey()).isCloseTo(p.getValue().asDouble(),
                        within(TOLERANCE)));
        assertThat(r.measurements().stream().filter(m -> m.name().equals("prevalence"))).hasSize(e.get("prevalence").size());
        assertThat(value(r, "imbalance_ratio", null)).isCloseTo(e.get("imbalance_ratio").asDouble(), within(TOLERANCE));
        for (String s : List.of("most_frequent", "stratified", "uniform")) {
            assertThat(value(r, "baseline_accuracy", "strategy=" + s)).as(s)
                    .isCloseTo(e.get("baseline_accuracy").get(s).asDouble(), within(TOLERANCE));
        }
        assertThat(value(r, "baseline_balanced_accuracy", "strategy=most_frequent"))
                .isCloseTo(e.get("baseline_balanced_accuracy_most_frequent").asDouble(), within(TOLERANCE));
        if (e.has("baseline_minority_recall_most_frequent")) {
            assertThat(value(r, "baseline_minority_recall", "strategy=most_frequent"))
                    .isEqualTo(e.get("baseline_minority_recall_most_frequent").asDouble());
            assertThat(value(r, "baseline_minority_f1", "strategy=most_frequent"))
                    .isEqualTo(e.get("baseline_minority_f1_most_frequent").asDouble());
        } else {
            assertThat(r.measurements()).noneMatch(m -> m.name().startsWith("baseline_minority"));
        }
        for (String id : List.of("accuracy_lift", "minority_precision", "minority_recall", "minority_f1")) {
            assertThat(value(r, id, null)).as(id).isCloseTo(e.get(id).asDouble(), within(TOLERANCE));
        }
        if (e.get("average_precision").isNull()) {
            assertThat(value(r, "average_precision", null)).isNaN();
        } else {
            assertThat(value(r, "average_precision", null)).isCloseTo(e.get("average_precision").asDouble(), within(1e-9));
        }
        boolean misleading = e.get("accuracy_lift").asDouble() < BaselinesCheckKind.DEFAULT_MARGIN;
        assertThat(r.notes().stream().anyMatch(n -> n.startsWith("WARN: accuracy is misleading here"))).isEqualTo(misleading);
    }

    private static double value(CheckResult r, String name, String key) {
        Measurement m = r.measurements().stream().filter(x -> x.name().equals(name) && java.util.Objects.equals(x.key(), key))
                .findFirst().orElseThrow(() -> new AssertionError("no measurement " + name + "[" + key + "]"));
        return m.value();
    }
}
