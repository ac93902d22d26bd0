package dev.assay.models.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.counterfactual.CounterfactualFlipTest;
import dev.assay.core.fairness.counterfactual.CounterfactualPlan;
import dev.assay.core.fairness.counterfactual.FlipCounts;
import dev.assay.core.fairness.counterfactual.FlipPair;
import dev.assay.core.fairness.counterfactual.FlipResult;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.io.DataReader;
import dev.assay.models.onnx.OnnxModel;
import dev.assay.models.training.ExampleData;
import dev.assay.models.training.TrainExampleModels;
import dev.assay.models.tribuo.TribuoModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The counterfactual flip test on the bundled models, which take every column (German credit's
 * {@code personal_status}, Adult's {@code sex}) as a feature, so flips must show; and on a model trained
 * here without {@code personal_status}, which must show none. The batched counts are checked against an
 * independent row-by-row reference (each row copied, its attribute set, predicted alone).
 */
class CounterfactualFlipModelsTest {
    private static final Path ROOT = ExampleData.repositoryRoot();
    private static final Path MODELS = ROOT.resolve("examples/models");

    private static Frame germanTest() {
        return new DataReader().read(ROOT.resolve("examples/german-credit/test.csv"), "current").frame();
    }

    private static CounterfactualPlan plan(String attribute, List<String> values, int maxRows) {
        return new CounterfactualPlan(List.of(attribute), values, "bad", maxRows, 7);
    }

    private static Map<String, FlipCounts> byKey(FlipResult r) {
        Map<String, FlipCounts> out = new LinkedHashMap<>();
        for (FlipPair p : r.pairs()) {
            out.put(p.key(), p.counts());
        }
        return out;
    }

    @Test
    void batchedFlipsEqualARowByRowReferenceOnGermanCredit() {
        Frame test = germanTest();
        try (Model model = OnnxModel.load(MODELS.resolve("german_credit_logistic.onnx"))) {
            FlipResult r = CounterfactualFlipTest.run(model, test, test.column("class"), plan("personal_status", List.of(), 10_000));
            Map<String, FlipCounts> reference = rowByRow(model, test, "personal_status");
            assertThat(byKey(r).keySet()).isEqualTo(reference.keySet());
            reference.forEach((key, expected) -> {
                FlipCounts got = byKey(r).get(key);
                assertThat(got.rows()).as(key).isEqualTo(expected.rows());
                assertThat(got.flips()).as(key).isEqualTo(expected.flips());
                assertThat(got.sumAbsChange()).as(key).isCloseTo(expected.sumAbsChange(), within(1e-9));
                assertThat(got.maxAbsChange()).as(key).isCloseTo(expected.maxAbsChange(), within(1e-12));
                assertThat(got.sumChange()).as(key).isCloseTo(expected.sumChange(), within(1e-9));
            });
            assertThat(r.overall().flips()).isPositive();
            assertThat(r.overall().rows()).isEqualTo(300L * 3);
            assertThat(r.positiveClass()).isEqualTo("bad");
        }
    }

    @Test
    void onnxAndTribuoVersionsFlipTheSameRows() {
        Frame test = germanTest();
        try (Model onnx = OnnxModel.load(MODELS.resolve("german_credit_forest.onnx"));
                Model tribuo = TribuoModel.load(MODELS.resolve("german_credit_forest.tribuo.gz"))) {
            FlipResult a = CounterfactualFlipTest.run(onnx, test, test.column("class"), plan("personal_status", List.of(), 10_000));
            FlipResult b = CounterfactualFlipTest.run(tribuo, test, test.column("class"), plan("personal_status", List.of(), 10_000));
            assertThat(a.overall().flips()).isPositive().isEqualTo(b.overall().flips());
            assertThat(a.overall().maxAbsChange()).isCloseTo(b.overall().maxAbsChange(), within(1e-6));
        }
    }

    @Test
    void aModelTrainedWithoutTheAttributeNeverFlips() {
        ExampleData withoutStatus = new ExampleData("german_credit", ROOT.resolve("examples/german-credit/german_credit.csv"), "class",
                List.of("personal_status"));
        Frame all = withoutStatus.read();
        Frame train = all.slice(ExampleData.split(all.rowCount(), true));
        Frame test = all.slice(ExampleData.split(all.rowCount(), false));
        try (Model model = TribuoModel.of("without_personal_status", TrainExampleModels.logistic(TrainExampleModels.dataset(withoutStatus,
                train)))) {
            FlipResult r = CounterfactualFlipTest.run(model, test, test.column("class"), plan("personal_status", List.of(), 10_000));
            assertThat(r.overall().rows()).isEqualTo(900);
            assertThat(r.overall().flips()).isZero();
            assertThat(r.overall().maxAbsChange()).isZero();
            assertThat(r.pairs()).hasSize(12).allSatisfy(p -> assertThat(p.counts().flipRate()).isZero());
        }
    }

    @Test
    void adultSexFlipsOnASeededSample() {
        Frame adult = new DataReader().read(MODELS.resolve("adult.csv"), "current").frame();
        try (Model model = OnnxModel.load(MODELS.resolve("adult_logistic.onnx"))) {
            CounterfactualPlan plan = new CounterfactualPlan(List.of("sex"), List.of(), ">50K", 2000, 11);
            FlipResult r = CounterfactualFlipTest.run(model, adult, adult.column("income-per-year"), plan);
            FlipResult again = CounterfactualFlipTest.run(model, adult, adult.column("income-per-year"), plan);
            assertThat(r.rowsUsed()).isEqualTo(2000);
            assertThat(r.overall().rows()).isEqualTo(2000);
            assertThat(r.overall().flips()).isPositive().isEqualTo(again.overall().flips());
            assertThat(r.notes()).anyMatch(n -> n.contains("sample of 2000 of the 32561 rows"));
            assertThat(byKey(r)).containsOnlyKeys("sex=Male->Female", "sex=Female->Male");
            assertThat(byKey(r).get("sex=Male->Female").meanChange()).isNotZero();
        }
    }

    @Test
    void badInputNamesTheColumnAndTheFix() {
        Frame test = germanTest();
        try (Model model = OnnxModel.load(MODELS.resolve("german_credit_logistic.onnx"))) {
            assertThatThrownBy(() -> CounterfactualFlipTest.run(model, test, null, plan("age", List.of(), 100)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("'age' is numeric");
            assertThatThrownBy(() -> CounterfactualFlipTest.run(model, test, null, plan("personal_status", List.of("male single",
                    "martian"), 100))).hasMessageContaining("'martian' does not occur").hasMessageContaining("female div/dep/mar");
            assertThatThrownBy(() -> CounterfactualFlipTest.run(model, test, null, plan("personal_status", List.of("male single"), 100)))
                    .hasMessageContaining("nothing to flip");
            assertThatThrownBy(() -> CounterfactualFlipTest.run(model, test, null, plan("sex", List.of(), 100)))
                    .hasMessageContaining("sex");
        }
    }

    /** Every row alone, its attribute set to each other value, predicted one at a time. */
    private static Map<String, FlipCounts> rowByRow(Model model, Frame frame, String attribute) {
        CategoricalColumn column = (CategoricalColumn) frame.column(attribute);
        ClassPredictions original = (ClassPredictions) model.predict(frame);
        int positive = original.classes().indexOf("bad");
        Map<String, FlipCounts> out = new LinkedHashMap<>();
        List<String> levels = column.levels();
        for (String from : levels) {
            for (String to : levels) {
                if (!from.equals(to)) {
                    out.put(attribute + "=" + from + "->" + to, FlipCounts.EMPTY);
                }
            }
        }
        for (int row = 0; row < frame.rowCount(); row++) {
            Frame one = frame.slice(new int[] {row});
            for (int to = 0; to < levels.size(); to++) {
                if (to == column.code(row)) {
                    continue;
                }
                Frame changed = one.withColumn(CategoricalColumn.wrap(attribute, new int[] {to}, levels));
                ClassPredictions p = (ClassPredictions) model.predict(changed);
                double delta = p.probability(0, positive) - original.probability(row, positive);
                String key = attribute + "=" + column.get(row) + "->" + levels.get(to);
                out.put(key, out.get(key).plus(new FlipCounts(1, p.predicted()[0] != original.predicted()[row] ? 1 : 0, 1,
                        Math.abs(delta), Math.abs(delta), delta)));
            }
        }
        return out;
    }
}
