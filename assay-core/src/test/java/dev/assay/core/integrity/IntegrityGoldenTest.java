package dev.assay.core.integrity;

import static dev.assay.core.integrity.IntegrityData.golden;
import static dev.assay.core.integrity.IntegrityData.run;
import static dev.assay.core.integrity.IntegrityData.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Integrity checks on Adult and a planted copy of German credit against pandas and scikit-learn (integrity_golden.py). */
class IntegrityGoldenTest {
    private static final Schema ADULT_SCHEMA = Schema.builder().label("income-per-year").build();
    private static Frame adult;
    private static Frame adultRaw;
    private static JsonNode g;

    @BeforeAll
    static void load() {
        adult = IntegrityData.read(IntegrityData.ADULT, Set.of("?"));
        adultRaw = IntegrityData.read(IntegrityData.ADULT, Set.of());
        g = golden("integrity_adult.json");
    }

    @Test
    void missingValuesMatchPandas() {
        Map<String, Double> v = values(run(new MissingValuesKind(), Map.of(), adult, null, ADULT_SCHEMA));
        for (Iterator<String> it = g.get("missing_share").fieldNames(); it.hasNext();) {
            String c = it.next();
            assertThat(v.get("missing_share[" + c + "]")).as(c).isCloseTo(g.get("missing_share").get(c).asDouble(), within(1e-12));
            assertThat(v.get("missing_count[" + c + "]")).as(c).isEqualTo(g.get("missing_count").get(c).asDouble());
        }
        assertThat(v.get("max_missing_share")).isCloseTo(g.get("missing_share").get("occupation").asDouble(), within(1e-12));
    }

    @Test
    void duplicateRowsMatchPandas() {
        CheckResult r = run(new DuplicateRowsKind(), Map.of(), adult, null, ADULT_SCHEMA);
        Map<String, Double> v = values(r);
        assertThat(v.get("duplicate_count")).isEqualTo(g.get("duplicate_count").asDouble()).isEqualTo(24.0);
        assertThat(v.get("duplicate_share")).isCloseTo(24.0 / 32561, within(1e-15));
        assertThat(v.get("duplicate_groups")).isEqualTo(g.get("duplicate_groups").asDouble());
        assertThat(r.tables().get(0).rows().get(0).get(1).toString()).matches("row \\d+ \\(line \\d+\\), row .*");
    }

    @Test
    void conflictingLabelsMatchPandas() {
        Map<String, Double> v = values(run(new ConflictingLabelsKind(), Map.of(), adult, null, ADULT_SCHEMA));
        assertThat(v.get("conflicting_count")).isEqualTo(g.get("conflicting_count").asDouble());
        assertThat(v.get("conflicting_groups")).isEqualTo(g.get("conflicting_groups").asDouble());
    }

    @Test
    void trainTestLeakageMatchesExactRowComparison() {
        Frame ref = adult.slice(java.util.stream.IntStream.range(0, 10000).toArray());
        Frame cur = adult.slice(java.util.stream.IntStream.range(10000, adult.rowCount()).toArray());
        Map<String, Double> v = values(run(new TrainTestLeakageKind(), Map.of(), cur, ref, ADULT_SCHEMA));
        assertThat(v.get("leaked_count")).isEqualTo(g.get("leaked_count").asDouble());
        assertThat(v.get("leaked_share")).isCloseTo(g.get("leaked_count").asDouble() / g.get("current_rows").asDouble(), within(1e-15));
    }

    @Test
    void newCategoriesMatchPandas() {
        Frame ref = adult.slice(java.util.stream.IntStream.range(0, 300).toArray());
        Map<String, Double> v = values(run(new NewCategoriesKind(), Map.of(), adult, ref, ADULT_SCHEMA));
        JsonNode expected = g.get("new_categories_vs_first_300");
        for (Iterator<String> it = expected.fieldNames(); it.hasNext();) {
            String c = it.next();
            assertThat(v.get("new_category_count[" + c + "]")).as(c).isEqualTo(expected.get(c).get("count").asDouble());
            assertThat(v.get("new_category_share[" + c + "]")).as(c).isCloseTo(expected.get(c).get("share").asDouble(), within(1e-12));
        }
    }

    @Test
    void classImbalanceMatchesValueCounts() {
        Map<String, Double> v = values(run(new ClassImbalanceKind(), Map.of(), adult, null, ADULT_SCHEMA));
        assertThat(v.get("class_share[>50K]")).isCloseTo(g.get("class_share").get(">50K").asDouble(), within(1e-15));
        assertThat(v.get("imbalance_ratio")).isCloseTo(g.get("imbalance_ratio").asDouble(), within(1e-15));
        assertThat(v.get("minority_share")).isCloseTo(g.get("class_share").get(">50K").asDouble(), within(1e-15));
    }

    @Test
    void featureAucMatchesRocAucScore() {
        Map<String, Double> v = values(run(new FeatureLabelLeakageKind(), Map.of(), adult, null, ADULT_SCHEMA));
        for (Iterator<String> it = g.get("feature_auc").fieldNames(); it.hasNext();) {
            String c = it.next();
            assertThat(v.get("feature_auc[" + c + "]")).as(c).isCloseTo(g.get("feature_auc").get(c).asDouble(), within(1e-12));
        }
        Frame german = IntegrityData.read(IntegrityData.GERMAN, Set.of());
        JsonNode gg = golden("integrity_german.json").get("feature_auc");
        Map<String, Double> w = values(run(new FeatureLabelLeakageKind(), Map.of(), german, null,
                Schema.builder().label("class").build()));
        for (Iterator<String> it = gg.fieldNames(); it.hasNext();) {
            String c = it.next();
            assertThat(w.get("feature_auc[" + c + "]")).as(c).isCloseTo(gg.get(c).asDouble(), within(1e-12));
        }
    }

    @Test
    void aLeakedLabelScoresOne() {
        Frame leaky = adult.withColumn(dev.assay.core.data.CategoricalColumn.of("leak",
                java.util.stream.IntStream.range(0, adult.rowCount()).mapToObj(i -> adult.column("income-per-year").format(i) + "!")
                        .toArray(String[]::new)));
        CheckResult r = run(new FeatureLabelLeakageKind(), Map.of(), leaky, null, ADULT_SCHEMA);
        assertThat(values(r).get("max_feature_auc")).isEqualTo(1.0);
        assertThat(r.tables().get(0).rows().get(0).get(0)).isEqualTo("leak");
    }

    @Test
    void iqrOutliersMatchPandasQuantiles() {
        CheckResult r = run(new OutliersKind(), Map.of(), adult, null, ADULT_SCHEMA);
        Map<String, Double> v = values(r);
        for (Iterator<String> it = g.get("iqr").fieldNames(); it.hasNext();) {
            String c = it.next();
            assertThat(v.get("outlier_count[" + c + "]")).as(c).isEqualTo(g.get("iqr").get(c).get("count").asDouble());
        }
        assertThat(r.tables().get(0).rows()).anySatisfy(row -> assertThat(row.subList(0, 3)).containsExactly("age", "-2", "78"));
    }

    @Test
    void specialCharactersFindTheQuestionMarks() {
        Map<String, Double> v = values(run(new SpecialCharactersKind(), Map.of(), adultRaw, null, ADULT_SCHEMA));
        for (Iterator<String> it = g.get("special_count_raw").fieldNames(); it.hasNext();) {
            String c = it.next();
            assertThat(v.get("special_count[" + c + "]")).as(c).isEqualTo(g.get("special_count_raw").get(c).asDouble());
        }
    }

    @Test
    void plantedGermanCreditMatchesPandas() {
        Frame german = IntegrityData.plantedGerman();
        JsonNode gg = golden("integrity_german.json");
        Schema schema = Schema.builder().label("class").build();
        Map<String, Double> mismatch = values(run(new StringMismatchKind(), Map.of(), german, null, schema));
        Map<String, Double> mixed = values(run(new MixedTypesKind(), Map.of(), german, null, schema));
        Map<String, Double> special = values(run(new SpecialCharactersKind(), Map.of(), german, null, schema));
        for (Iterator<String> it = gg.get("mismatch").fieldNames(); it.hasNext();) {
            String c = it.next();
            assertThat(mismatch.get("mismatch_groups[" + c + "]")).as(c).isEqualTo(gg.get("mismatch").get(c).get("groups").asDouble());
            assertThat(mismatch.get("mismatch_share[" + c + "]")).as(c).isCloseTo(gg.get("mismatch").get(c).get("share").asDouble(),
                    within(1e-12));
            assertThat(mixed.get("mixed_share[" + c + "]")).as(c).isCloseTo(gg.get("mixed").get(c).get("share").asDouble(), within(1e-12));
            assertThat(special.get("special_count[" + c + "]")).as(c).isEqualTo(gg.get("special_count").get(c).asDouble());
        }
        assertThat(mixed.get("mixed_columns")).isEqualTo(1.0);
        assertThat(mismatch.get("mismatch_groups[purpose]")).isEqualTo(7.0);
        CheckResult single = run(new SingleValueKind(), Map.of(), german, null, schema);
        Map<String, Double> distinct = values(single);
        for (Iterator<String> it = gg.get("distinct_count").fieldNames(); it.hasNext();) {
            String c = it.next();
            assertThat(distinct.get("distinct_count[" + c + "]")).as(c).isEqualTo(gg.get("distinct_count").get(c).asDouble());
        }
        assertThat(distinct.get("single_value_columns")).isEqualTo(1.0);
        assertThat(single.message()).contains("constant");
    }

    @Test
    void conditionsJudgeTheMeasurements() {
        var kind = new MissingValuesKind();
        var check = kind.create(dev.assay.core.check.CheckConfig.of("test", Map.of()), new dev.assay.core.check.CheckSetup("missing",
                java.util.List.of(dev.assay.core.check.Condition.parse("missing_share[occupation] < 0.05",
                        dev.assay.core.result.ConditionOutcome.Severity.FAIL)), null,
                dev.assay.core.metrics.EvaluationSettings.defaults(), 1));
        CheckResult r = check.run(new dev.assay.core.check.CheckContext(dev.assay.core.data.Dataset.of("current", adult, ADULT_SCHEMA), null));
        assertThat(r.status()).isEqualTo(Status.FAIL);
    }
}
