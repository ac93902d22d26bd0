package dev.assay.core.slicing;

import static dev.assay.core.slicing.GermanCreditSlices.FRAME;
import static dev.assay.core.slicing.GermanCreditSlices.GOLDEN;
import static dev.assay.core.slicing.GermanCreditSlices.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlicedEvaluationTest {
    private static final EvaluationSettings BINARY = EvaluationSettings.defaults().withTask(Task.BINARY).withPositiveClass("bad");
    private static final IntervalSettings WILSON = new IntervalSettings(IntervalMethod.WILSON, 1000, 0.95);
    private static final List<String> METRICS = List.of("recall", "precision", "f1", "accuracy");

    private static SlicedEvaluation slice(Frame frame, List<String> columns, List<List<String>> pairs, int minSize) {
        return SlicedEvaluation.of(frame, SCHEMA, BINARY, new SlicePlan(columns, pairs, Binning.DEFAULT, minSize, METRICS, WILSON), 1);
    }

    /** Every slice of age (qcut 4), personal_status, purpose and the pairs, against pandas groupby + scikit-learn + statsmodels. */
    @Test
    void everySliceMatchesPandasScikitLearnAndStatsmodels() {
        SlicedEvaluation sliced = slice(FRAME, List.of("age", "personal_status", "purpose"),
                List.of(List.of("personal_status", "age")), 1);
        Map<String, SliceResult> byKey = new HashMap<>();
        sliced.results().forEach(r -> byKey.put(r.key(), r));
        assertThat(sliced.results()).hasSize(GOLDEN.get("slices").size());
        for (JsonNode g : GOLDEN.get("slices")) {
            String key = g.get("key").asText();
            SliceResult r = byKey.get(key);
            assertThat(r).as(key).isNotNull();
            assertThat(r.slice().describe()).isEqualTo(g.get("slice").asText());
            assertThat(r.size()).as(key).isEqualTo(g.get("n").asInt());
            assertThat(r.positives()).as(key).isEqualTo(g.get("positives").asLong());
            for (String id : METRICS) {
                assertThat(r.values().get(id).value()).as(key + " " + id).isCloseTo(g.get(id).asDouble(), within(1e-12));
            }
            wilson(key + " recall", r.intervals().get("recall"), g.get("recall_wilson"));
            wilson(key + " precision", r.intervals().get("precision"), g.get("precision_wilson"));
        }
        assertThat(sliced.positiveClass()).isEqualTo("bad");
    }

    private static void wilson(String what, IntervalEstimate e, JsonNode golden) {
        if (golden.isNull()) {
            assertThat(e.defined()).as(what).isFalse();
            return;
        }
        assertThat(e.interval().lower()).as(what).isCloseTo(golden.get(0).asDouble(), within(1e-12));
        assertThat(e.interval().upper()).as(what).isCloseTo(golden.get(1).asDouble(), within(1e-12));
    }

    @Test
    void smallSlicesAreListedNotMeasuredAndFewPositivesAreWeakEvidence() {
        SlicedEvaluation sliced = slice(FRAME, List.of("purpose"), List.of(), 10);
        SliceResult retraining = sliced.results().stream().filter(r -> r.key().equals("purpose=retraining")).findFirst().orElseThrow();
        assertThat(retraining.measured()).isFalse();
        assertThat(retraining.skipped()).isEqualTo("too small");
        assertThat(retraining.values()).isEmpty();
        SliceResult repairs = sliced.results().stream().filter(r -> r.key().equals("purpose=repairs")).findFirst().orElseThrow();
        assertThat(repairs.measured()).isTrue();
        assertThat(repairs.positives()).isEqualTo(2);
        assertThat(repairs.note()).isEqualTo("weak evidence: 2 positive rows");
        assertThat(repairs.intervals().get("recall").interval().upper() - repairs.intervals().get("recall").interval().lower())
                .isGreaterThan(0.5);
        SliceResult radio = sliced.results().stream().filter(r -> r.key().equals("purpose=radio/tv")).findFirst().orElseThrow();
        assertThat(radio.note()).isNull();
        assertThat(SliceTables.skipped(sliced)).get().satisfies(t -> assertThat(t.rows()).extracting(row -> row.get(0))
                .contains("purpose = retraining", "purpose = domestic appliance"));
        assertThat(SliceTables.measured(sliced).columns()).containsExactly("slice", "n", "positives", "recall", "recall 95% CI",
                "precision", "precision 95% CI", "f1", "accuracy", "accuracy 95% CI", "note");
    }

    @Test
    void refusesWhenEverySliceIsBelowTheMinimum() {
        assertThatThrownBy(() -> slice(FRAME, List.of("age"), List.of(), 200)).isInstanceOf(InvalidInputException.class)
                .hasMessage("every slice has fewer than the minimum of 200 rows (the largest has 81), so none was measured. Lower the "
                        + "minimum size, use fewer bins, or slice by columns with fewer values.");
    }

    @Test
    void refusesAColumnWithOneValueAnUnknownColumnFreeTextAndAMetricTheTaskLacks() {
        Frame constant = FRAME.withColumn(NumericColumn.of("one", new double[FRAME.rowCount()]));
        assertThatThrownBy(() -> slice(constant, List.of("one"), List.of(), 1)).hasMessage("column 'one' of german_credit_test.csv "
                + "holds one value only (one = 0), so its one slice is the whole data; slice by a column with two or more values.");
        assertThatThrownBy(() -> slice(FRAME, List.of("agee"), List.of(), 1)).hasMessageContaining("Did you mean 'age'?");
        Frame text = FRAME.withColumn(TextColumn.of("memo", java.util.Collections.nCopies(FRAME.rowCount(), "free text here").toArray(String[]::new)));
        assertThatThrownBy(() -> slice(text, List.of("memo"), List.of(), 1)).hasMessageContaining("holds free text");
        assertThatThrownBy(() -> SlicedEvaluation.of(FRAME, SCHEMA, BINARY, new SlicePlan(List.of("age"), List.of(), Binning.DEFAULT,
                1, List.of("r2"), null), 1)).hasMessageStartingWith("'r2' is not a metric of a binary task; choose from accuracy,");
    }

    @Test
    void keysSpellIntervalsByTheirEdgesAndAreReadableByConditions() {
        Slice pair = new Slice(List.of(new SliceTerm("sex", "Female", SliceTerm.Kind.VALUE),
                new SliceTerm("age", "(28, 37.5]", SliceTerm.Kind.INTERVAL)), new int[] {0});
        assertThat(SliceKey.of(pair)).isEqualTo("sex=Female,age=28..37.5");
        assertThat(SliceKey.of(new SliceTerm("workclass", "missing", SliceTerm.Kind.MISSING))).isEqualTo("workclass=(missing)");
        assertThat(dev.assay.core.check.Condition.parse("recall[sex=Female,age=28..37.5] >= 0.7",
                dev.assay.core.result.ConditionOutcome.Severity.FAIL).toString()).contains("recall[sex=Female,age=28..37.5]");
        assertThat(dev.assay.core.check.Condition.parse("min(recall[*]) >= 0.6",
                dev.assay.core.result.ConditionOutcome.Severity.FAIL)).isNotNull();
    }
}
