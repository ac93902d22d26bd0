package dev.assay.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.result.ConfusionCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every metric of every golden case, through the frame entry point and through the array entry
 * points, against scikit-learn 1.2.1 to {@code |a - b| <= 1e-9 · max(1, |b|)}.
 */
class GoldenMetricsTest {
    static final double TOLERANCE = 1e-9;
    private static final List<GoldenCase> CASES = GoldenCase.all();

    static void assertClose(String what, MetricValue actual, Double expected) {
        if (expected == null) {
            assertThat(actual.defined()).as(what + " should be undefined, was " + actual.value()).isFalse();
            return;
        }
        assertThat(actual.defined()).as(what + " undefined: " + actual.undefinedReason()).isTrue();
        double tolerance = TOLERANCE * Math.max(1, Math.abs(expected));
        assertThat(actual.value()).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
    }

    @Test
    void fixturesCoverEveryTaskAndDataSet() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(50);
        assertThat(CASES.stream().map(c -> c.json().get("source").asText()).distinct())
                .contains("german_credit.csv", "breast_cancer.csv", "adult.csv", "pima_diabetes.csv", "iris.csv",
                        "wine.csv", "seattle_weather.csv", "diabetes_regression.csv", "professor_salaries.csv");
        for (GoldenCase c : CASES) {
            assertThat(c.expected().keySet()).as(c.name()).containsExactlyInAnyOrderElementsOf(MetricCatalog.ids(c.task()));
        }
    }

    @TestFactory
    Stream<DynamicTest> frameEntryMatchesScikitLearn() {
        return CASES.stream().flatMap(c -> {
            Evaluation e = Evaluator.evaluate(c.frame(), c.schema(), c.settings());
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(c.name() + " task and rows", () -> {
                assertThat(e.task()).isEqualTo(c.task());
                assertThat(e.rows()).isEqualTo(c.json().get("label").size());
                if (c.task() == Task.BINARY) {
                    assertThat(e.notes()).anyMatch(n -> n.startsWith("Positive class '" + c.positive() + "'"));
                }
            }));
            for (Map.Entry<String, Double> m : c.expected().entrySet()) {
                tests.add(DynamicTest.dynamicTest(c.name() + " " + m.getKey(),
                        () -> assertClose(c.name() + " " + m.getKey(), e.metric(m.getKey()), m.getValue())));
            }
            if (c.json().has("confusion_matrix")) {
                tests.add(DynamicTest.dynamicTest(c.name() + " confusion matrix", () -> assertConfusion(c, e)));
            }
            return tests.stream();
        });
    }

    /** The confusion matrix as data equals scikit-learn's confusion_matrix(labels=..., sample_weight=w). */
    private static void assertConfusion(GoldenCase c, Evaluation e) {
        com.fasterxml.jackson.databind.JsonNode expected = c.json().get("confusion_matrix");
        ConfusionCounts actual = e.confusionMatrix().orElseThrow();
        List<String> labels = new ArrayList<>();
        expected.get("labels").forEach(l -> labels.add(l.asText()));
        assertThat(actual.labels()).isEqualTo(labels);
        assertThat(actual.weighted()).isEqualTo(c.has("weight"));
        for (int t = 0; t < labels.size(); t++) {
            for (int p = 0; p < labels.size(); p++) {
                double want = expected.get("counts").get(t).get(p).asDouble();
                assertThat(actual.count(t, p)).as(c.name() + " [" + t + "][" + p + "]")
                        .isCloseTo(want, org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1, want)));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> arrayEntryMatchesScikitLearn() {
        return CASES.stream().flatMap(c -> {
            Evaluation e = arrays(c);
            return c.expected().entrySet().stream().map(m -> DynamicTest.dynamicTest(c.name() + " " + m.getKey(),
                    () -> assertClose(c.name() + " (arrays) " + m.getKey(), e.metric(m.getKey()), m.getValue())));
        });
    }

    private static Evaluation arrays(GoldenCase c) {
        double[] weight = c.has("weight") ? c.numbers("weight") : null;
        EvaluationSettings settings = EvaluationSettings.defaults().withZeroDivision(c.zeroDivision());
        switch (c.task()) {
            case BINARY -> {
                String[] labels = c.strings("label");
                boolean[] truth = new boolean[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    truth[i] = labels[i].equals(c.positive());
                }
                boolean[] predicted = null;
                if (c.has("prediction")) {
                    String[] p = c.strings("prediction");
                    predicted = new boolean[p.length];
                    for (int i = 0; i < p.length; i++) {
                        predicted[i] = p[i].equals(c.positive());
                    }
                }
                return Evaluator.binary(truth, c.numbers("score"), predicted, weight, settings);
            }
            case MULTICLASS -> {
                List<String> classes = c.classes();
                String[] labels = c.strings("label");
                String[] p = c.strings("prediction");
                int[] truth = new int[labels.length];
                int[] predicted = new int[p.length];
                for (int i = 0; i < labels.length; i++) {
                    truth[i] = classes.indexOf(labels[i]);
                    predicted[i] = classes.indexOf(p[i]);
                }
                double[][] probabilities = new double[classes.size()][];
                for (int k = 0; k < classes.size(); k++) {
                    probabilities[k] = c.probabilities(classes.get(k));
                }
                return Evaluator.multiclass(truth, predicted, classes, probabilities, weight, settings);
            }
            default -> {
                return Evaluator.regression(c.numbers("label"), c.numbers("prediction"), weight, settings);
            }
        }
    }
}
